import { and, eq } from 'drizzle-orm';
import type { Executor, Tx } from '../db/client.js';
import { bodies, deputies, handlingUnits, notifications, users } from '../db/schema.js';
import { recordAudit } from '../platform/audit.js';
import { actorByUserId } from '../platform/auth.js';
import { clock } from '../platform/clock.js';
import { chinaDate } from '../platform/deadlines.js';
import type { ActorContext, RequestContext } from '../platform/context.js';
import type { NewNotification, Notifier } from '../platform/notifications.js';
import * as repo from '../modules/suggestions/repository.js';
import { applyAction } from '../modules/suggestions/service.js';

/** Where a demo item is left; `overdue` ones stay with their unit past the three-month deadline. */
type End =
  | 'submitted'
  | 'returned'
  | 'merged'
  | 'accepted'
  | 'assigned'
  | 'handling'
  | 'replied'
  | 'reply_released'
  | 'rated'
  | 'rehandling'
  | 'closed_rated'
  | 'closed_unrated';

/**
 * Suggestions typical of a city congress year: those of the session in February (assigned in March,
 * answered by June and mostly closed by December) and those made between sessions in the autumn,
 * still in hand. Each goes to the unit its subject belongs to; `issue` is what the deputy saw.
 * Items led by the demo deputy account are the ones rated (other deputies have no login).
 */
const items: {
  title: string;
  field: string;
  unit: string;
  end: End;
  issue: string;
  kind?: 'motion';
  /** Made between sessions (autumn) rather than at the February session. */
  between?: true;
  overdue?: true;
  /** 财政局 gives a joint opinion (会办). */
  joint?: true;
  complex?: true;
  /** A key suggestion (重点建议) supervised by the demo leader. */
  key?: true;
  /** Answered after its deadline. */
  late?: true;
  byDemoDeputy?: true;
}[] = [
  // 九届三次会议
  {
    title: '关于制定《嘉兴市城市更新条例》的议案',
    kind: 'motion',
    field: 'urban',
    unit: '嘉兴市住房和城乡建设局',
    end: 'accepted',
    issue: '城市更新涉及规划、土地、产权、资金等多个方面，现行规定散见于各部门文件，缺少统一的地方性法规依据。',
  },
  {
    title: '关于加快老旧小区加装电梯的建议',
    field: 'urban',
    unit: '嘉兴市住房和城乡建设局',
    end: 'closed_rated',
    key: true,
    byDemoDeputy: true,
    issue: '全市2000年前建成的多层住宅大多没有电梯，加装项目审批环节多、低层住户协调难，去年全年仅完成加装一百余台。',
  },
  {
    title: '关于推进城镇老旧小区雨污分流改造的建议',
    field: 'urban',
    unit: '嘉兴市住房和城乡建设局',
    end: 'closed_rated',
    key: true,
    byDemoDeputy: true,
    issue: '部分老旧小区仍为雨污合流管网，雨天窨井冒溢，污水直排河道，居民反映强烈。',
  },
  {
    title: '关于规范住宅小区物业服务收费的建议',
    field: 'urban',
    unit: '嘉兴市住房和城乡建设局',
    end: 'closed_unrated',
    issue: '一些小区物业服务质价不符，公共收益不公开，业主与物业企业矛盾时有发生。',
  },
  {
    title: '关于加强保障性租赁住房供给的建议',
    field: 'urban',
    unit: '嘉兴市住房和城乡建设局',
    end: 'closed_rated',
    byDemoDeputy: true,
    issue: '新市民、青年人租房需求旺盛，但保障性租赁住房房源集中在城郊，通勤不便，申请门槛不够清晰。',
  },
  {
    title: '关于完善城市燃气管道更新改造的建议',
    field: 'urban',
    unit: '嘉兴市住房和城乡建设局',
    end: 'rated',
    byDemoDeputy: true,
    issue: '城区部分燃气管道已运行二十年以上，存在腐蚀老化隐患，改造计划与道路施工衔接不够。',
  },
  {
    title: '关于增设新建小区电动自行车集中充电设施的建议',
    field: 'urban',
    unit: '嘉兴市住房和城乡建设局',
    end: 'reply_released',
    issue: '电动自行车进楼入户、飞线充电现象屡禁不止，部分新建小区未按规定配建集中充电场所。',
  },
  {
    title: '关于加快城中村改造安置房建设进度的建议',
    field: 'urban',
    unit: '嘉兴市住房和城乡建设局',
    end: 'replied',
    issue: '个别城中村改造项目安置房交付一再推迟，过渡期群众租房费用负担较重。',
  },
  {
    title: '关于提升建筑工地扬尘治理水平的建议',
    field: 'environment',
    unit: '嘉兴市住房和城乡建设局',
    end: 'handling',
    overdue: true,
    issue: '城区在建工地数量多，部分工地围挡喷淋、车辆冲洗设施不落实，周边居民投诉较多。',
  },
  {
    title: '关于推广装配式建筑的建议',
    field: 'economy',
    unit: '嘉兴市住房和城乡建设局',
    end: 'closed_unrated',
    issue: '我市装配式建筑占新建建筑比例仍低于省定目标，构件生产企业产能利用不足。',
  },
  {
    title: '关于解决老旧小区停车难问题的建议',
    field: 'urban',
    unit: '嘉兴市住房和城乡建设局',
    end: 'closed_unrated',
    issue: '老旧小区车位配比普遍不足一比零点三，夜间车辆占用消防通道，邻里纠纷增多。',
  },
  {
    title: '关于加强历史文化街区保护利用的建议',
    field: 'urban',
    unit: '嘉兴市住房和城乡建设局',
    end: 'closed_unrated',
    issue: '月河、梅湾等历史街区商业业态同质化，部分历史建筑缺乏日常维护。',
  },
  {
    title: '关于完善城市排水防涝设施的建议',
    field: 'urban',
    unit: '嘉兴市住房和城乡建设局',
    end: 'closed_unrated',
    complex: true,
    issue: '去年梅雨期城区多处道路积水，部分下穿通道排涝能力不足，影响出行安全。',
  },
  {
    title: '关于推进住宅专项维修资金规范使用的建议',
    field: 'urban',
    unit: '嘉兴市住房和城乡建设局',
    end: 'reply_released',
    issue: '专项维修资金申请使用程序复杂、表决难，不少老旧小区屋面渗漏等急修项目迟迟不能动用资金。',
  },
  {
    title: '关于加强农村危旧房治理改造的建议',
    field: 'agriculture',
    unit: '嘉兴市住房和城乡建设局',
    end: 'closed_rated',
    byDemoDeputy: true,
    issue: '部分农村独居老人仍居住在C级、D级危房中，改造补助标准多年未调整。',
  },
  {
    title: '关于增加城区义务教育学位供给的建议',
    field: 'education',
    unit: '嘉兴市教育局',
    end: 'closed_unrated',
    issue: '城东、城南片区新建住宅集中交付，片区学校班额超标，部分学生只能跨片区就读。',
  },
  {
    title: '关于加强中小学课后服务的建议',
    field: 'education',
    unit: '嘉兴市教育局',
    end: 'closed_rated',
    byDemoDeputy: true,
    issue: '课后服务内容以看管和作业辅导为主，体育、艺术、科技类课程少，家长选择余地小。',
  },
  {
    title: '关于推进普惠性托育服务体系建设的建议',
    field: 'social',
    unit: '嘉兴市卫生健康委员会',
    end: 'closed_unrated',
    joint: true,
    issue: '三岁以下婴幼儿托位缺口较大，普惠性托育机构收费仍偏高，双职工家庭入托难。',
  },
  {
    title: '关于提升基层医疗卫生服务能力的建议',
    field: 'health',
    unit: '嘉兴市卫生健康委员会',
    end: 'closed_unrated',
    issue: '乡镇卫生院全科医生流失较多，常见病、慢性病患者仍大量涌向城区大医院。',
  },
  {
    title: '关于加快社区居家养老服务中心建设的建议',
    field: 'social',
    unit: '嘉兴市民政局',
    end: 'closed_unrated',
    issue: '部分社区居家养老服务中心只有场地没有服务，助餐、助浴等项目覆盖面不广。',
  },
  {
    title: '关于完善困难群众救助机制的建议',
    field: 'social',
    unit: '嘉兴市民政局',
    end: 'reply_released',
    issue: '因病、因残导致的支出型困难家庭难以纳入低保，主动发现机制还不健全。',
  },
  {
    title: '关于优化公交线网提升公交出行分担率的建议',
    field: 'urban',
    unit: '嘉兴市交通运输局',
    end: 'assigned',
    overdue: true,
    joint: true,
    issue: '部分公交线路绕行重复、发车间隔长，新建小区和产业园区公交覆盖不足。',
  },
  {
    title: '关于加快农村公路提档升级的建议',
    field: 'agriculture',
    unit: '嘉兴市交通运输局',
    end: 'closed_unrated',
    late: true,
    issue: '一些村道路面窄、会车难，桥梁限载标志不全，农产品运输车辆通行不便。',
  },
  {
    title: '关于加强河湖长制落实推进美丽河湖建设的建议',
    field: 'environment',
    unit: '嘉兴市水利局',
    end: 'closed_unrated',
    issue: '部分村级河道巡查流于形式，河面漂浮物、岸坡垃圾清理不及时。',
  },
  {
    title: '关于加强农业面源污染防治的建议',
    field: 'environment',
    unit: '嘉兴市生态环境局',
    end: 'closed_unrated',
    issue: '化肥农药施用强度仍然偏高，养殖尾水未经处理排放的现象在个别地方仍然存在。',
  },
  {
    title: '关于加大高标准农田建设投入的建议',
    field: 'agriculture',
    unit: '嘉兴市农业农村局',
    end: 'closed_unrated',
    joint: true,
    issue: '已建高标准农田存在重建轻管问题，部分灌排设施损毁后无人维修。',
  },
  {
    title: '关于支持村级集体经济发展的建议',
    field: 'agriculture',
    unit: '嘉兴市农业农村局',
    end: 'closed_rated',
    byDemoDeputy: true,
    issue: '经济薄弱村收入来源单一，主要依靠物业出租，抗风险能力弱。',
  },
  {
    title: '关于加强食品安全快检能力建设的建议',
    field: 'health',
    unit: '嘉兴市市场监督管理局',
    end: 'closed_unrated',
    issue: '农贸市场快检室设备陈旧，检测项目少，检测结果公示不及时。',
  },
  {
    title: '关于优化营商环境降低企业用工成本的建议',
    field: 'economy',
    unit: '嘉兴市人力资源和社会保障局',
    end: 'handling',
    overdue: true,
    issue: '中小制造企业普遍反映招工难、用工成本上升，技能人才培训补贴申领手续繁琐。',
  },
  {
    title: '关于加强新就业形态劳动者权益保障的建议',
    field: 'social',
    unit: '嘉兴市人力资源和社会保障局',
    end: 'closed_unrated',
    joint: true,
    issue: '外卖骑手、网约车司机等群体参加职业伤害保障比例低，劳动争议维权渠道不畅。',
  },
  {
    title: '关于加强校园周边交通安全管理的建议',
    field: 'law',
    unit: '嘉兴市公安局',
    end: 'closed_unrated',
    issue: '上下学高峰时段校园周边车辆乱停、人车混行，存在较大安全隐患。',
  },
  {
    title: '关于规范城市道路占道经营管理的建议',
    field: 'urban',
    unit: '嘉兴市综合行政执法局',
    end: 'closed_unrated',
    issue: '部分路段流动摊贩占道经营，既影响通行，又产生油烟和垃圾问题。',
  },
  {
    title: '关于加快发展社区嵌入式养老服务的建议',
    field: 'social',
    unit: '嘉兴市民政局',
    end: 'merged',
    issue: '老年人希望在熟悉的社区就近养老，社区养老服务设施和专业护理人员不足。',
  },
  // 2026年闭会期间
  {
    between: true,
    title: '关于推进垃圾分类精细化管理的建议',
    field: 'environment',
    unit: '嘉兴市综合行政执法局',
    end: 'handling',
    issue: '部分小区垃圾分类投放点定时定点执行不到位，混装混运现象仍有发生。',
  },
  {
    between: true,
    title: '关于加快数字经济核心产业发展的建议',
    field: 'economy',
    unit: '嘉兴市发展和改革委员会',
    end: 'handling',
    issue: '我市数字经济核心产业增加值占比与周边城市仍有差距，缺少龙头企业带动。',
  },
  {
    between: true,
    title: '关于加大科技型中小企业扶持力度的建议',
    field: 'economy',
    unit: '嘉兴市发展和改革委员会',
    end: 'assigned',
    issue: '科技型中小企业融资难，研发费用加计扣除等政策知晓率不高。',
  },
  {
    between: true,
    title: '关于盘活低效工业用地的建议',
    field: 'economy',
    unit: '嘉兴市自然资源和规划局',
    end: 'assigned',
    issue: '部分工业园区存在厂房闲置、亩均税收偏低的低效用地，腾退再利用推进缓慢。',
  },
  {
    between: true,
    title: '关于加强中小学心理健康教育的建议',
    field: 'education',
    unit: '嘉兴市教育局',
    end: 'rehandling',
    byDemoDeputy: true,
    issue: '中小学生心理问题呈低龄化趋势，不少学校没有专职心理教师，心理辅导室利用率不高。',
  },
  {
    between: true,
    title: '关于加强城市公园绿地建设的建议',
    field: 'environment',
    unit: '嘉兴市自然资源和规划局',
    end: 'accepted',
    issue: '老城区口袋公园数量少，居民步行十五分钟内可达的绿地覆盖不均衡。',
  },
  {
    between: true,
    title: '关于加强未成年人司法保护的建议',
    field: 'law',
    unit: '嘉兴市人民检察院',
    end: 'submitted',
    issue: '未成年人涉网违法犯罪案件有所增加，家庭保护、学校保护与司法保护衔接不够。',
  },
  {
    between: true,
    title: '关于推进诉源治理化解矛盾纠纷的建议',
    field: 'law',
    unit: '嘉兴市中级人民法院',
    end: 'submitted',
    issue: '民商事案件数量持续增长，基层人民调解与诉讼衔接机制还不顺畅。',
  },
  {
    between: true,
    title: '关于加强财政资金绩效管理的建议',
    field: 'economy',
    unit: '嘉兴市财政局',
    end: 'submitted',
    issue: '部分专项资金预算执行率低，绩效目标设置笼统，评价结果与预算安排挂钩不紧。',
  },
  {
    between: true,
    title: '关于解决个别住户拆迁补偿纠纷的建议',
    field: 'urban',
    unit: '嘉兴市住房和城乡建设局',
    end: 'returned',
    issue: '本人所在小区有住户对拆迁补偿金额有异议，多次协商未果。',
  },
];

/** The proposals the deputy's text ends with, by field. */
const proposals: Record<string, string> = {
  urban:
    '一是摸清底数，制定分年度实施计划；二是简化审批流程，推行联合审查和一窗受理；三是加大财政补助，引导居民和社会资本共同参与；四是建立项目公示和群众评价制度。',
  environment:
    '一是压实属地和部门责任，完善考核办法；二是加大执法检查力度，对问题突出的点位挂牌督办；三是运用在线监测等数字化手段，做到问题早发现、早处置。',
  education: '一是科学测算学位需求，合理布局新建改扩建学校；二是加强师资配备，落实专职教师编制；三是完善经费保障，引入优质社会资源。',
  health: '一是加大基层投入，改善设施设备条件；二是完善人才引进和激励机制，稳定基层队伍；三是推进数字化监管和服务，提升群众满意度。',
  social:
    '一是完善政策体系，扩大保障覆盖面；二是统筹资金和场地资源，鼓励社会力量参与；三是建立动态监测和主动发现机制，做到应保尽保、应帮尽帮。',
  agriculture:
    '一是加大财政和金融支持，整合涉农资金集中投入；二是完善建后管护机制，明确管护主体和经费；三是因村施策，发展特色产业，带动农民增收。',
  economy:
    '一是出台针对性扶持政策，加强政策宣传解读；二是优化审批和服务流程，推行免申即享；三是建立企业诉求直达机制，及时协调解决实际困难。',
  law: '一是健全部门协作机制，形成工作合力；二是加强法治宣传教育，提高群众法治意识；三是完善考核评价，推动各项措施落地见效。',
};

/** The unit's answer by category: A solved or adopted, B in hand or planned, C not possible for now. */
const answers: Record<'A' | 'B' | 'C', string> = {
  A: '代表提出的问题已列入今年重点工作并基本解决。我们会同相关部门制定了专项方案，落实了资金和责任单位，已完成的项目经代表现场察看，群众反映良好。下一步将建立长效机制，巩固工作成效。',
  B: '代表的建议很有针对性，我们已将其列入明后两年工作计划。目前已完成前期调研和方案编制，部分项目已启动实施，资金正在争取列入下年度预算。我们将定期向代表通报进展。',
  C: '代表反映的问题确实存在。受现行政策和资金条件限制，目前暂时难以全面解决。我们已将相关情况向上级部门反映，并将在政策允许时优先安排，同时先行采取临时措施缓解群众困难。',
};

const cst = (s: string) => new Date(`${s}+08:00`);
const DAY = 24 * 60 * 60 * 1000;
/** A China-time moment `days` after the day `s` (10 a.m.), so the steps of many items spread over weeks. */
const after = (s: string, days: number) => new Date(cst(`${s}T10:00:00`).getTime() + Math.round(days) * DAY);

function content(title: string, field: string, issue: string) {
  const subject = title.replace(/^关于/, '').replace(/的(建议|议案)$/, '');
  return `${subject}事关群众切身利益。在走访选区、接待选民时了解到：${issue}\n建议：${proposals[field]}`;
}

/**
 * Demo suggestions of 嘉兴市第九届人民代表大会第三次会议 and of the months after it, moved through
 * the real workflow (same service, same audit trail) by the demo accounts at dated moments.
 */
export async function seedSuggestions(tx: Tx) {
  // Notifications of the seeded history land in the inboxes like live ones; SMS is not sent for history.
  const notifier = {
    notify: async (ex: Executor, n: NewNotification) =>
      void (await ex.insert(notifications).values({ ...n, link: n.link ?? null, createdAt: clock.now() })),
    enqueueMessage: async () => undefined,
  };
  const [city] = await tx.select().from(bodies).where(eq(bodies.name, '嘉兴市人大常委会'));
  if (!city) return;
  const cityDeputies = await tx
    .select()
    .from(deputies)
    .where(and(eq(deputies.bodyId, city.id), eq(deputies.status, 'in_office')));
  if (cityDeputies.length < 3) return;
  const units = new Map((await tx.select().from(handlingUnits).where(eq(handlingUnits.bodyId, city.id))).map((u) => [u.name, u]));
  const ctxOf = async (userId: string | undefined): Promise<ActorContext | null> => {
    const actor = userId ? await actorByUserId(tx, userId) : null;
    return actor ? { actor, requestId: 'seed', ip: null } : null;
  };
  const userIds = new Map((await tx.select().from(users).where(eq(users.bodyId, city.id))).map((u) => [u.username, u]));
  // Each unit acts through its first account (住建局: the demo account `unit`).
  const unitUsers = new Map<string, string>();
  for (const u of [...userIds.values()].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()))
    if (u.handlingUnitId && !unitUsers.has(u.handlingUnitId)) unitUsers.set(u.handlingUnitId, u.id);
  const staff = await ctxOf(userIds.get('staff')?.id);
  const deputyCtx = await ctxOf(userIds.get('deputy')?.id);
  const leader = await ctxOf(userIds.get('leader')?.id);
  const finance = units.get('嘉兴市财政局')!;
  const financeCtx = await ctxOf(unitUsers.get(finance.id));
  if (!staff || !financeCtx) return;
  const seedCtx: RequestContext = { actor: null, requestId: 'seed', ip: null };
  const leadOfDeputyUser = cityDeputies.find((d) => d.userId && d.userId === deputyCtx?.actor.id);

  const clockBefore = clock.frozenAt();
  clock.set(cst('2026-02-24T09:00:00'));
  const session = await repo.insertSession(tx, {
    bodyId: city.id,
    name: '嘉兴市第九届人民代表大会第三次会议',
    year: 2026,
    startsOn: '2026-02-24',
    endsOn: '2026-02-27',
    createdAt: clock.now(),
  });
  const act = (ctx: ActorContext, id: string, action: Parameters<typeof applyAction>[4], input: Record<string, unknown> = {}) =>
    applyAction(tx, notifier as unknown as Notifier, ctx, id, action, input);
  const at = (moment: Date) => clock.set(moment);
  const idsByTitle = new Map<string, string>();
  const signers = ['沈建明', '王志强', '陈红', '张国华', '李卫东'];

  try {
    for (const [i, item] of items.entries()) {
      const { end, between } = item;
      // Items led by the demo deputy account can be rated by it.
      const lead = item.byDemoDeputy && leadOfDeputyUser ? leadOfDeputyUser : cityDeputies[(i * 7) % cityDeputies.length]!;
      const cosigners = cityDeputies.filter((d) => d.id !== lead.id).slice(i % 5, (i % 5) + (i % 3));
      // The session's items are made at the session; those between sessions through October, the
      // newest (not yet accepted) in mid-November.
      const made = !between
        ? cst('2026-02-26T10:00:00')
        : ['submitted', 'returned'].includes(end)
          ? after('2026-11-16', i % 7)
          : after('2026-10-12', (i % 10) * 3);
      at(made);
      const row = await repo.insertSuggestion(tx, {
        bodyId: city.id,
        sessionId: between ? null : session.id,
        kind: item.kind ?? 'suggestion',
        period: between ? 'between_sessions' : 'session',
        year: 2026,
        title: item.title,
        content: content(item.title, item.field, item.issue),
        field: item.field,
        leadDeputyId: lead.id,
        createdBy: lead.userId ?? staff.actor.id,
        state: 'submitted',
        submittedAt: made,
        createdAt: made,
        updatedAt: made,
      });
      idsByTitle.set(item.title, row.id);
      await repo.replaceCosigners(
        tx,
        row.id,
        cosigners.map((c) => c.id),
        made,
      );
      for (const c of cosigners) await repo.setCosignerAnswer(tx, row.id, c.id, { confirmedAt: made, declinedAt: null });
      await recordAudit(tx, seedCtx, {
        entity: 'suggestion',
        entityId: row.id,
        bodyId: city.id,
        action: 'submit',
        after: { state: 'submitted', note: '演示数据：代表提交' },
      });
      if (end === 'submitted') continue;
      if (end === 'returned') {
        await act(staff, row.id, 'return', { reason: '建议内容涉及个人诉求，请按信访渠道反映' });
        continue;
      }
      if (end === 'merged') {
        const target = '关于加快社区居家养老服务中心建设的建议';
        await act(staff, row.id, 'merge', { targetId: idsByTitle.get(target)!, reason: `与《${target}》内容相近，并案办理` });
        continue;
      }
      if (between) at(after(chinaDate(made), 3));
      await act(staff, row.id, item.kind === 'motion' ? 'register' : 'accept');
      if (end === 'accepted') continue;

      // Assigned in March (the session's) or a week after acceptance; the two newest on 30 November.
      const assigned = !between ? cst('2026-03-10T10:00:00') : end === 'assigned' ? cst('2026-11-30T10:00:00') : after(chinaDate(made), 8);
      at(assigned);
      const unit = units.get(item.unit)!;
      await act(staff, row.id, 'assign', {
        leadUnitId: unit.id,
        jointUnitIds: item.joint ? [finance.id] : [],
        complex: item.complex ?? false,
      });
      if (item.key && leader) await act(staff, row.id, 'markKey', { leadOfficial: '副市长 陈伟', supervisorUserId: leader.actor.id });
      if (end === 'assigned') continue;

      const unitCtx = (await ctxOf(unitUsers.get(unit.id)))!;
      const signed = new Date(assigned.getTime() + (1 + (i % 4)) * DAY);
      at(signed);
      await act(unitCtx, row.id, 'signFor');
      if (item.joint) {
        await act(financeCtx, row.id, 'signFor');
        at(new Date(signed.getTime() + 7 * DAY));
        await act(financeCtx, row.id, 'jointOpinion', {
          content: '我局将按照预算管理规定，在年度预算编制中统筹安排相关资金，并加强资金使用绩效评价。',
        });
      }
      await act(unitCtx, row.id, 'contact', {
        stage: 'before',
        method: i % 3 ? 'face_to_face' : 'phone',
        contactedOn: chinaDate(new Date(signed.getTime() + 6 * DAY)),
        summary: i % 3 ? '登门拜访领衔代表，听取对建议办理的具体意见' : '电话联系领衔代表，约定实地察看时间',
      });
      // Left in handling: the session's ones are past their three-month deadline (the overdue list).
      if (end === 'handling') continue;

      const replied = between
        ? new Date(assigned.getTime() + 20 * DAY)
        : item.late
          ? cst('2026-06-22T10:00:00')
          : after('2026-04-20', i * 1.2);
      at(replied);
      const category = (['A', 'A', 'B', 'B', 'C'] as const)[i % 5]!;
      await act(unitCtx, row.id, 'reply', {
        category,
        content: `收到代表建议后，我们高度重视，专题研究并实地调研。${answers[category]}`,
        signer: signers[i % signers.length],
        contactPerson: unit.contactName ?? '办公室',
        contactPhone: unit.contactPhone ?? '0573-82000000',
      });
      if (end === 'replied') continue;
      const released = new Date(replied.getTime() + 4 * DAY);
      at(released);
      await act(staff, row.id, 'release');
      if (end === 'reply_released') continue;
      if (end === 'closed_unrated') {
        at(new Date(released.getTime() + 40 * DAY));
        await act(staff, row.id, 'close');
        continue;
      }
      if (!deputyCtx || lead.id !== leadOfDeputyUser?.id) continue;
      at(new Date(released.getTime() + 9 * DAY));
      await act(
        deputyCtx,
        row.id,
        'rate',
        end === 'rehandling'
          ? { rating: 'dissatisfied', comment: '答复未说明专职心理教师配备的具体时间表' }
          : { rating: i % 4 === 3 ? 'basically_satisfied' : 'satisfied' },
      );
      if (end === 'closed_rated') {
        at(new Date(released.getTime() + 25 * DAY));
        await act(staff, row.id, 'close');
      }
    }
  } finally {
    clock.set(clockBefore);
  }
}
