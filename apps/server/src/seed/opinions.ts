import { eq, inArray } from 'drizzle-orm';
import type { OpinionStatus, RouteKind } from '@renda/shared';
import { defaultOpinionCategories } from '@renda/shared';
import type { Tx } from '../db/client.js';
import { bodies, handlingUnits } from '../db/schema.js';
import { recordAudit } from '../platform/audit.js';
import { clock } from '../platform/clock.js';
import type { RequestContext } from '../platform/context.js';
import { dueAt } from '../platform/deadlines.js';
import { deputies } from '../modules/deputies/tables.js';
import { opinionEvents, opinions } from '../modules/opinions/tables.js';
import { newTrackingCode } from '../modules/opinions/tracking-code.js';
import { stations } from '../modules/stations/tables.js';

type Step = 'accept' | 'decline' | 'route' | 'signFor' | 'reply' | 'approveReply' | 'rate' | 'rateDissatisfied' | 'close';

interface DemoOpinion {
  category: (typeof defaultOpinionCategories)[number]['code'];
  content: string;
  location?: string;
  name?: string;
  phone?: string;
  /** How far it went: each step in order. */
  steps: Step[];
  unit?: string;
  routeKind?: RouteKind;
  reply?: string;
  rating?: 'satisfied' | 'basically_satisfied' | 'dissatisfied';
  comment?: string;
  declineReason?: string;
  daysAgo: number;
}

const handled: Step[] = ['accept', 'route', 'signFor', 'reply', 'approveReply'];

/** Opinions of the kind seeds 000, 002 and 003 describe, at every stage of handling. */
const demo: DemoOpinion[] = [
  {
    category: 'environment',
    content: '新塍塘河段近期水面漂浮物多，沿岸有生活污水直排口，夏天气味很重，希望尽快整治。',
    location: '新塍镇新塍塘桥北侧',
    name: '沈阿姨',
    phone: '13905731201',
    steps: [...handled, 'rate', 'close'],
    unit: '嘉兴市生态环境局',
    routeKind: 'special_assignment',
    reply: '经现场排查，该排口为沿街餐饮店私接，已责令封堵并纳入截污纳管工程，河面保洁频次调整为每日两次。',
    rating: 'satisfied',
    daysAgo: 58,
  },
  {
    category: 'environment',
    content: '王江泾镇某印染厂夜间排放废气，附近村民反映刺鼻，影响休息。',
    location: '王江泾镇南汇村',
    phone: '13905731202',
    steps: [...handled, 'rateDissatisfied'],
    unit: '嘉兴市生态环境局',
    routeKind: 'petition_referral',
    reply: '已对该企业开展夜间突击检查，废气处理设施运行正常，监测数据达标。',
    rating: 'dissatisfied',
    comment: '晚上十点以后还是有味道，希望再查一次',
    daysAgo: 40,
  },
  {
    category: 'environment',
    content: '村里垃圾分类收集点只有一个，离得远，老人不方便投放，建议增设。',
    location: '油车港镇马厍村',
    steps: ['accept', 'route', 'signFor'],
    unit: '嘉兴市综合行政执法局',
    routeKind: 'meeting_reminder',
    daysAgo: 9,
  },
  {
    category: 'environment',
    content: '运河边绿道有人倾倒建筑垃圾，已经堆了一个多月。',
    location: '秀洲区运河绿道洪合段',
    steps: ['accept', 'route'],
    unit: '嘉兴市综合行政执法局',
    routeKind: 'special_assignment',
    daysAgo: 3,
  },
  {
    category: 'transport',
    content: '中山路与南湖路交叉口行人绿灯时间太短，老人带小孩过马路来不及。',
    location: '南湖区中山路南湖路口',
    name: '王先生',
    phone: '13905731205',
    steps: [...handled, 'rate', 'close'],
    unit: '嘉兴市公安局',
    routeKind: 'petition_referral',
    reply: '已将该路口行人绿灯由25秒延长至35秒，并在早晚高峰增派协管员。',
    rating: 'satisfied',
    daysAgo: 50,
  },
  {
    category: 'transport',
    content: '村口的公交站撤了以后，村里老人进城看病要走两公里，希望恢复或者开通微公交。',
    location: '嘉善县天凝镇洪溪村',
    phone: '13905731206',
    steps: [...handled, 'rate'],
    unit: '嘉兴市交通运输局',
    routeKind: 'meeting_reminder',
    reply: '已将洪溪村纳入镇村公交优化方案，每日开行6班次，下月1日起运行。',
    rating: 'basically_satisfied',
    comment: '希望班次再多一点',
    daysAgo: 35,
  },
  {
    category: 'transport',
    content: '学校门口上下学时段家长车辆乱停，堵塞严重，存在安全隐患。',
    location: '秀洲区实验小学东门',
    steps: ['accept', 'route', 'signFor', 'reply'],
    unit: '嘉兴市公安局',
    routeKind: 'petition_referral',
    reply: '已在校门口施划临时停车泊位并安排护学岗，高峰期交警到岗疏导。',
    daysAgo: 16,
  },
  { category: 'transport', content: '高铁南站到市区的夜间公交末班车太早，晚上九点后下车的旅客只能打车。', steps: ['accept'], daysAgo: 2 },
  {
    category: 'urban_construction',
    content: '小区老旧电梯经常停运，楼里住着很多老人，上下楼很困难，希望纳入老旧小区改造。',
    location: '南湖区建设街道紫阳小区',
    name: '李阿姨',
    phone: '13905731209',
    steps: [...handled, 'rate', 'close'],
    unit: '嘉兴市住房和城乡建设局',
    routeKind: 'special_assignment',
    reply: '紫阳小区已列入今年老旧小区改造计划，电梯更新工程预计三季度完工，期间维保单位每日巡检。',
    rating: 'satisfied',
    daysAgo: 55,
  },
  {
    category: 'urban_construction',
    content: '雨天小区门口道路积水严重，排水管道可能堵塞。',
    location: '秀洲区新城街道秀园小区',
    steps: ['accept', 'route', 'signFor'],
    unit: '嘉兴市住房和城乡建设局',
    routeKind: 'petition_referral',
    daysAgo: 25,
  },
  {
    category: 'urban_construction',
    content: '安置房交付两年了，房产证还没办下来，希望帮忙协调。',
    location: '王江泾镇安置小区',
    phone: '13905731211',
    steps: ['accept', 'route'],
    unit: '嘉兴市自然资源和规划局',
    routeKind: 'petition_referral',
    daysAgo: 30,
  },
  { category: 'urban_construction', content: '路灯坏了好几盏，晚上骑车回家很黑。', location: '洪合镇洪福路', steps: [], daysAgo: 1 },
  {
    category: 'education',
    content: '希望学校延长课后服务时间，双职工家庭接孩子困难。',
    name: '陈女士',
    phone: '13905731213',
    steps: [...handled, 'rate', 'close'],
    unit: '嘉兴市教育局',
    routeKind: 'meeting_reminder',
    reply: '全市义务段学校已实行“5+2”课后服务，服务时间延长至17:30，另提供延时托管。',
    rating: 'basically_satisfied',
    daysAgo: 45,
  },
  {
    category: 'education',
    content: '新建小区配套幼儿园迟迟没有开园，孩子只能去很远的地方上学。',
    location: '秀洲区高照街道',
    steps: ['accept', 'route', 'signFor', 'reply'],
    unit: '嘉兴市教育局',
    routeKind: 'special_assignment',
    reply: '该幼儿园已完成竣工验收，正在办理办学许可，计划9月开园招生。',
    daysAgo: 12,
  },
  {
    category: 'education',
    content: '学校食堂饭菜价格上涨，希望公开收费标准。',
    steps: ['decline'],
    declineReason: '该事项已由市教育局通过“阳光食堂”平台公开，您可在平台查询收费标准；如有具体违规线索请提供学校名称。',
    daysAgo: 20,
  },
  {
    category: 'health',
    content: '社区卫生服务中心周末不开门，老人慢性病配药要跑大医院。',
    location: '南湖区东栅街道',
    phone: '13905731216',
    steps: [...handled, 'rate', 'close'],
    unit: '嘉兴市卫生健康委员会',
    routeKind: 'meeting_reminder',
    reply: '东栅街道社区卫生服务中心自下月起周六上午开设慢病配药门诊。',
    rating: 'satisfied',
    daysAgo: 48,
  },
  {
    category: 'health',
    content: '医院停车位太少，排队进停车场要半小时以上。',
    location: '嘉兴市第一医院',
    steps: ['accept', 'route', 'signFor'],
    unit: '嘉兴市卫生健康委员会',
    routeKind: 'petition_referral',
    daysAgo: 8,
  },
  { category: 'health', content: '农村老人体检项目太少，希望增加眼科和听力检查。', steps: ['accept'], daysAgo: 4 },
  {
    category: 'social_security',
    content: '社区养老服务中心中午供餐数量不够，老人排队很久还吃不上。',
    location: '新城街道居家养老服务中心',
    name: '周大伯',
    steps: [...handled, 'rate', 'close'],
    unit: '嘉兴市民政局',
    routeKind: 'special_assignment',
    reply: '已协调第二家助餐点，日供餐量由80份增加到150份，并开通送餐上门服务。',
    rating: 'satisfied',
    daysAgo: 42,
  },
  {
    category: 'social_security',
    content: '灵活就业人员参加医保的缴费渠道不清楚，手机上找不到入口。',
    phone: '13905731220',
    steps: ['accept', 'route', 'signFor', 'reply'],
    unit: '嘉兴市人力资源和社会保障局',
    routeKind: 'meeting_reminder',
    reply: '可通过“浙里办”APP医保缴费模块办理，已在各社区张贴操作指引。',
    daysAgo: 14,
  },
  { category: 'social_security', content: '残疾人两项补贴发放时间不固定，希望每月按时到账。', steps: [], daysAgo: 0 },
  {
    category: 'agriculture',
    content: '今年稻谷收购价格偏低，种粮大户亏本，希望落实种粮补贴。',
    location: '嘉善县姚庄镇',
    name: '钱师傅',
    phone: '13905731222',
    steps: [...handled, 'rate', 'close'],
    unit: '嘉兴市农业农村局',
    routeKind: 'meeting_reminder',
    reply: '今年早稻订单收购价每百斤提高3元，种粮补贴已于上月底发放到户。',
    rating: 'basically_satisfied',
    daysAgo: 52,
  },
  {
    category: 'agriculture',
    content: '农田灌溉渠道年久失修，漏水严重，影响春耕。',
    location: '油车港镇胜丰村',
    steps: ['accept', 'route', 'signFor'],
    unit: '嘉兴市水利局',
    routeKind: 'special_assignment',
    daysAgo: 22,
  },
  { category: 'agriculture', content: '村里的农产品直播带货缺少培训，希望组织电商培训班。', steps: ['accept'], daysAgo: 5 },
  {
    category: 'social_governance',
    content: '小区群租房太多，消防通道被电动车堵住，存在火灾隐患。',
    location: '秀洲区嘉北街道',
    phone: '13905731225',
    steps: ['accept', 'route', 'signFor', 'reply'],
    unit: '嘉兴市公安局',
    routeKind: 'petition_referral',
    reply: '已会同街道开展群租房专项整治，清理消防通道，增设电动车集中充电棚两处。',
    daysAgo: 11,
  },
  {
    category: 'social_governance',
    content: '广场舞音响声音太大，晚上九点以后还在跳，影响居民休息。',
    location: '南湖区南湖街道文化广场',
    steps: [...handled, 'rate', 'close'],
    unit: '嘉兴市综合行政执法局',
    routeKind: 'meeting_reminder',
    reply: '已与舞蹈队签订文明公约，音量控制在60分贝以下，活动时间不超过21:00。',
    rating: 'satisfied',
    daysAgo: 44,
  },
  {
    category: 'social_governance',
    content: '邻居装修噪音扰民，物业不管。',
    steps: ['decline'],
    declineReason: '该事项属于物业管理纠纷，建议向所在社区居委会或物业管理主管部门反映，我们已告知社区跟进。',
    daysAgo: 18,
  },
  {
    category: 'other',
    content: '希望联络站公布代表接待时间，方便群众来反映问题。',
    steps: [...handled, 'rate', 'close'],
    unit: '嘉兴市发展和改革委员会',
    routeKind: 'meeting_reminder',
    reply: '联络站接待时间已在站点公示栏及“码上提”页面公布，每月15日为代表集中接待日。',
    rating: 'satisfied',
    daysAgo: 38,
  },
  {
    category: 'other',
    content: '建议在政务服务中心增设老年人专窗，帮助不会用手机的老人办事。',
    phone: '13905731229',
    steps: ['accept', 'route'],
    unit: '嘉兴市发展和改革委员会',
    routeKind: 'special_assignment',
    daysAgo: 6,
  },
  { category: 'environment', content: '农村河道两侧的违章养殖棚影响水质。', location: '王江泾镇', steps: [], daysAgo: 0 },
  {
    category: 'transport',
    content: '乡道路面坑洼，电瓶车经常摔倒。',
    location: '新塍镇潘家浜村',
    steps: ['accept', 'route', 'signFor'],
    unit: '嘉兴市交通运输局',
    routeKind: 'petition_referral',
    daysAgo: 27,
  },
  { category: 'health', content: '希望家庭医生签约后能上门随访行动不便的老人。', steps: [], daysAgo: 1 },
];

const stepStatus: Record<Step, OpinionStatus> = {
  accept: 'accepted',
  decline: 'declined',
  route: 'routed',
  signFor: 'signed_for',
  reply: 'replied',
  approveReply: 'reply_approved',
  rate: 'rated',
  rateDissatisfied: 'dissatisfied',
  close: 'closed',
};

/** On an empty database, a few dozen opinions of the demo city across its stations and deputies. */
export async function seedOpinions(tx: Tx, ctx: RequestContext, cityId: string) {
  const [city] = await tx.select().from(bodies).where(eq(bodies.id, cityId));
  const stationRows = await tx.select({ id: stations.id }).from(stations).limit(20);
  const deputyRows = await tx.select({ id: deputies.id }).from(deputies).limit(20);
  const unitRows = await tx
    .select({ id: handlingUnits.id, name: handlingUnits.name })
    .from(handlingUnits)
    .where(inArray(handlingUnits.name, [...new Set(demo.flatMap((d) => (d.unit ? [d.unit] : [])))]));
  const unitId = new Map(unitRows.map((u) => [u.name, u.id]));
  const labels = new Map<string, string>(defaultOpinionCategories.map((c) => [c.code, c.label]));
  const now = clock.now();
  for (const [i, d] of demo.entries()) {
    const byDeputy = i % 3 === 2 && deputyRows.length > 0;
    const station = stationRows.length ? stationRows[i % stationRows.length]! : null;
    const deputy = byDeputy ? deputyRows[i % deputyRows.length]! : null;
    let at = new Date(now.getTime() - d.daysAgo * 86_400_000 - (i % 9) * 3_600_000);
    const row: typeof opinions.$inferInsert = {
      bodyId: city!.id,
      trackingCode: newTrackingCode(),
      channel: deputy ? 'qr_deputy' : station ? 'qr_station' : 'visit',
      stationId: deputy ? null : (station?.id ?? null),
      deputyId: deputy?.id ?? null,
      categoryCode: d.category,
      categoryLabel: labels.get(d.category)!,
      content: d.content,
      location: d.location ?? null,
      citizenName: d.name ?? null,
      citizenPhone: d.phone ?? null,
      contactConsent: Boolean(d.phone),
      status: 'submitted',
      createdAt: at,
    };
    const events: (typeof opinionEvents.$inferInsert)[] = [
      { opinionId: '', at, action: 'submit', toStatus: 'submitted', actorName: '群众', public: true },
    ];
    let status: OpinionStatus = 'submitted';
    for (const step of d.steps) {
      // Steps a few hours to a couple of days apart, never in the future.
      at = new Date(Math.min(now.getTime() - 60_000, at.getTime() + (step === 'reply' ? 5 : 1) * 86_400_000 * 0.6));
      const next = stepStatus[step];
      if (step === 'decline') row.declineReason = d.declineReason ?? null;
      if (step === 'route') {
        row.handlingUnitId = unitId.get(d.unit!) ?? null;
        row.routeKind = d.routeKind ?? 'petition_referral';
        row.routedAt = at;
        row.dueAt = dueAt(at, { amount: 15, unit: 'working_days' });
      }
      if (step === 'signFor') row.signedAt = at;
      if (step === 'reply') {
        row.replyText = d.reply ?? null;
        row.repliedAt = at;
      }
      if (step === 'approveReply') row.replyApprovedAt = at;
      if (step === 'rate' || step === 'rateDissatisfied') {
        row.rating = d.rating ?? null;
        row.ratingComment = d.comment ?? null;
        row.ratedAt = at;
      }
      if (step === 'close') row.closedAt = at;
      const isPublic = !['reply'].includes(step);
      events.push({
        opinionId: '',
        at,
        action: step,
        fromStatus: status,
        toStatus: next,
        actorName: step === 'rate' || step === 'rateDissatisfied' ? '群众' : step === 'signFor' || step === 'reply' ? d.unit! : '李晓燕',
        note: step === 'decline' ? (d.declineReason ?? null) : step === 'rate' || step === 'rateDissatisfied' ? (d.comment ?? null) : null,
        public: isPublic,
      });
      status = next;
    }
    row.status = status;
    row.updatedAt = at;
    const [created] = await tx.insert(opinions).values(row).returning({ id: opinions.id });
    await tx.insert(opinionEvents).values(events.map((e) => ({ ...e, opinionId: created!.id })));
    await recordAudit(tx, ctx, {
      entity: 'opinion',
      entityId: created!.id,
      bodyId: city!.id,
      action: 'submit',
      after: { status: 'submitted', demo: true },
    });
  }
  return demo.length;
}
