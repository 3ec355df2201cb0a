import { and, eq } from 'drizzle-orm';
import type { Executor, Tx } from '../db/client.js';
import { bodies, deputies, handlingUnits, notifications, users } from '../db/schema.js';
import { recordAudit } from '../platform/audit.js';
import { actorByUserId } from '../platform/auth.js';
import { clock } from '../platform/clock.js';
import type { ActorContext, RequestContext } from '../platform/context.js';
import type { NewNotification, Notifier } from '../platform/notifications.js';
import * as repo from '../modules/suggestions/repository.js';
import { applyAction } from '../modules/suggestions/service.js';

/** Titles typical of deputies' suggestions at a city congress session, with the field and lead unit they go to. */
const items: [string, string, string][] = [
  ['关于加快老旧小区加装电梯的建议', 'urban', '嘉兴市住房和城乡建设局'],
  ['关于推进城镇老旧小区雨污分流改造的建议', 'urban', '嘉兴市住房和城乡建设局'],
  ['关于规范住宅小区物业服务收费的建议', 'urban', '嘉兴市住房和城乡建设局'],
  ['关于加强保障性租赁住房供给的建议', 'urban', '嘉兴市住房和城乡建设局'],
  ['关于完善城市燃气管道更新改造的建议', 'urban', '嘉兴市住房和城乡建设局'],
  ['关于增设新建小区电动自行车集中充电设施的建议', 'urban', '嘉兴市住房和城乡建设局'],
  ['关于加快城中村改造安置房建设进度的建议', 'urban', '嘉兴市住房和城乡建设局'],
  ['关于提升建筑工地扬尘治理水平的建议', 'environment', '嘉兴市住房和城乡建设局'],
  ['关于推广装配式建筑的建议', 'economy', '嘉兴市住房和城乡建设局'],
  ['关于解决老旧小区停车难问题的建议', 'urban', '嘉兴市住房和城乡建设局'],
  ['关于加强历史文化街区保护利用的建议', 'urban', '嘉兴市住房和城乡建设局'],
  ['关于完善城市排水防涝设施的建议', 'urban', '嘉兴市住房和城乡建设局'],
  ['关于推进住宅专项维修资金规范使用的建议', 'urban', '嘉兴市住房和城乡建设局'],
  ['关于加强农村危旧房治理改造的建议', 'agriculture', '嘉兴市住房和城乡建设局'],
  ['关于增加城区义务教育学位供给的建议', 'education', '嘉兴市教育局'],
  ['关于加强中小学课后服务的建议', 'education', '嘉兴市教育局'],
  ['关于推进普惠性托育服务体系建设的建议', 'social', '嘉兴市卫生健康委员会'],
  ['关于提升基层医疗卫生服务能力的建议', 'health', '嘉兴市卫生健康委员会'],
  ['关于加快社区居家养老服务中心建设的建议', 'social', '嘉兴市民政局'],
  ['关于完善困难群众救助机制的建议', 'social', '嘉兴市民政局'],
  ['关于优化公交线网提升公交出行分担率的建议', 'urban', '嘉兴市交通运输局'],
  ['关于加快农村公路提档升级的建议', 'agriculture', '嘉兴市交通运输局'],
  ['关于加强河湖长制落实推进美丽河湖建设的建议', 'environment', '嘉兴市水利局'],
  ['关于加强农业面源污染防治的建议', 'environment', '嘉兴市生态环境局'],
  ['关于加大高标准农田建设投入的建议', 'agriculture', '嘉兴市农业农村局'],
  ['关于支持村级集体经济发展的建议', 'agriculture', '嘉兴市农业农村局'],
  ['关于加强食品安全快检能力建设的建议', 'health', '嘉兴市市场监督管理局'],
  ['关于优化营商环境降低企业用工成本的建议', 'economy', '嘉兴市人力资源和社会保障局'],
  ['关于加强新就业形态劳动者权益保障的建议', 'social', '嘉兴市人力资源和社会保障局'],
  ['关于加强校园周边交通安全管理的建议', 'law', '嘉兴市公安局'],
  ['关于规范城市道路占道经营管理的建议', 'urban', '嘉兴市综合行政执法局'],
  ['关于推进垃圾分类精细化管理的建议', 'environment', '嘉兴市综合行政执法局'],
  ['关于加快数字经济核心产业发展的建议', 'economy', '嘉兴市发展和改革委员会'],
  ['关于加大科技型中小企业扶持力度的建议', 'economy', '嘉兴市发展和改革委员会'],
  ['关于盘活低效工业用地的建议', 'economy', '嘉兴市自然资源和规划局'],
  ['关于加强城市公园绿地建设的建议', 'environment', '嘉兴市自然资源和规划局'],
  ['关于加强未成年人司法保护的建议', 'law', '嘉兴市人民检察院'],
  ['关于推进诉源治理化解矛盾纠纷的建议', 'law', '嘉兴市中级人民法院'],
  ['关于加强财政资金绩效管理的建议', 'economy', '嘉兴市财政局'],
  ['关于加强中小学心理健康教育的建议', 'education', '嘉兴市教育局'],
];

/**
 * Where each demo item is left, by index: the 住建局 items go furthest because that unit has a demo
 * account; items of units without an account stop at assignment or sign-for by staff-visible states.
 */
const plan: string[] = [
  'closed_rated',
  'closed_rated',
  'closed_rated',
  'rehandling',
  'rated',
  'reply_released',
  'replied',
  'handling',
  'handling_overdue',
  'closed_unrated',
  'handling',
  'handling',
  'reply_released',
  'rated',
  'assigned',
  'assigned',
  'assigned',
  'assigned',
  'assigned',
  'assigned',
  'assigned',
  'assigned',
  'accepted',
  'accepted',
  'accepted',
  'accepted',
  'accepted',
  'accepted',
  'assigned',
  'assigned',
  'assigned',
  'accepted',
  'accepted',
  'submitted',
  'submitted',
  'submitted',
  'returned',
  'merged',
  'submitted',
  'accepted',
];

const cst = (s: string) => new Date(`${s}+08:00`);

function paragraphs(title: string) {
  const subject = title.replace(/^关于/, '').replace(/的建议$/, '');
  return `近年来，我市在${subject}方面做了大量工作，群众获得感不断增强。但在走访选区、接待选民时，群众反映仍存在投入不足、推进不平衡、部门协同不够等问题。\n建议：一是加强统筹规划，明确年度目标和责任单位；二是加大财政投入，完善配套政策；三是建立定期通报和群众评价机制，确保工作落到实处。`;
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
  const units = new Map((await tx.select().from(handlingUnits).where(eq(handlingUnits.bodyId, city.id))).map((u) => [u.name, u.id]));
  const ctxOf = async (username: string): Promise<ActorContext | null> => {
    const [u] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
    const actor = u ? await actorByUserId(tx, u.id) : null;
    return actor ? { actor, requestId: 'seed', ip: null } : null;
  };
  const staff = await ctxOf('staff');
  const unit = await ctxOf('unit');
  const deputyCtx = await ctxOf('deputy');
  const leader = await ctxOf('leader');
  if (!staff || !unit) return;
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
  const ids: string[] = [];

  try {
    for (const [i, [title, field, unitName]] of items.entries()) {
      const target = plan[i]!;
      const inSession = !['submitted', 'returned'].includes(target) && i < 32;
      // Items led by the demo deputy account can be rated by it.
      const lead =
        ['closed_rated', 'rated', 'rehandling'].includes(target) && leadOfDeputyUser
          ? leadOfDeputyUser
          : cityDeputies[(i * 7) % cityDeputies.length]!;
      const cosigners = cityDeputies.filter((d) => d.id !== lead.id).slice(i % 5, (i % 5) + (i % 3));
      clock.set(inSession ? cst('2026-02-26T10:00:00') : cst(`2026-11-${String(10 + (i % 10)).padStart(2, '0')}T10:00:00`));
      const now = clock.now();
      const row = await repo.insertSuggestion(tx, {
        bodyId: city.id,
        sessionId: inSession ? session.id : null,
        kind: i === 31 ? 'motion' : 'suggestion',
        period: inSession ? 'session' : 'between_sessions',
        year: 2026,
        title: i === 31 ? '关于制定《嘉兴市城市更新条例》的议案' : title,
        content: paragraphs(title),
        field,
        leadDeputyId: lead.id,
        createdBy: lead.userId ?? staff.actor.id,
        state: 'submitted',
        submittedAt: now,
        createdAt: now,
        updatedAt: now,
      });
      ids.push(row.id);
      await repo.replaceCosigners(
        tx,
        row.id,
        cosigners.map((c) => c.id),
        now,
      );
      for (const c of cosigners) await repo.setCosignerAnswer(tx, row.id, c.id, { confirmedAt: now, declinedAt: null });
      await recordAudit(tx, seedCtx, {
        entity: 'suggestion',
        entityId: row.id,
        bodyId: city.id,
        action: 'submit',
        after: { state: 'submitted', note: '演示数据：代表提交' },
      });
      if (target === 'submitted') continue;
      if (target === 'returned') {
        await act(staff, row.id, 'return', { reason: '建议内容涉及个人诉求，请按信访渠道反映' });
        continue;
      }
      if (target === 'merged') {
        await act(staff, row.id, 'merge', { targetId: ids[18]!, reason: '与第19号建议内容相同，并案办理' });
        continue;
      }
      await act(staff, row.id, i === 31 ? 'register' : 'accept');
      if (target === 'accepted') continue;

      clock.set(inSession ? cst('2026-03-10T10:00:00') : cst('2026-11-20T10:00:00'));
      const joint = i >= 14 && i % 4 === 0 ? [units.get('嘉兴市财政局')!] : [];
      await act(staff, row.id, 'assign', { leadUnitId: units.get(unitName)!, jointUnitIds: joint, complex: i === 11 });
      if ((i === 0 || i === 1) && leader)
        await act(staff, row.id, 'markKey', { leadOfficial: '副市长 陈伟', supervisorUserId: leader.actor.id });
      if (target === 'assigned') continue;

      clock.set(cst('2026-03-12T10:00:00'));
      await act(unit, row.id, 'signFor');
      await act(unit, row.id, 'contact', {
        stage: 'before',
        method: 'face_to_face',
        contactedOn: '2026-03-18',
        summary: '登门拜访领衔代表，听取对建议办理的具体意见',
      });
      // Left in handling since March: past the three-month deadline, they fill the overdue list.
      if (target.startsWith('handling')) continue;
      clock.set(cst(`2026-05-${String(10 + i).padStart(2, '0')}T10:00:00`));
      await act(unit, row.id, 'reply', {
        category: i % 3 === 2 ? 'B' : 'A',
        content: `收到代表建议后，我局高度重视，专题研究并实地调研。目前已制定工作方案，明确年度任务和责任分工，相关资金已列入年度预算，今年内完成主要任务。`,
        signer: '沈建明',
        contactPerson: '刘明',
        contactPhone: '0573-82721592',
      });
      if (target === 'replied') continue;
      await act(staff, row.id, 'release');
      if (target === 'reply_released') continue;
      if (target === 'closed_unrated') {
        clock.set(cst('2026-07-10T10:00:00'));
        await act(staff, row.id, 'close');
        continue;
      }
      if (!deputyCtx || lead.id !== leadOfDeputyUser?.id) continue;
      clock.set(cst('2026-06-01T10:00:00'));
      await act(
        deputyCtx,
        row.id,
        'rate',
        target === 'rehandling'
          ? { rating: 'dissatisfied', comment: '答复未说明具体时间表' }
          : { rating: i % 2 ? 'basically_satisfied' : 'satisfied' },
      );
      if (target.startsWith('closed')) {
        clock.set(cst('2026-06-15T10:00:00'));
        await act(staff, row.id, 'close');
      }
    }
  } finally {
    clock.set(clockBefore);
  }
}
