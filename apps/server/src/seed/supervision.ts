import { asc, eq } from 'drizzle-orm';
import { participationStages, stageDeadlineOf, supervisionStageLabel, type SupervisionKind, type SupervisionStage } from '@renda/shared';
import type { Tx } from '../db/client.js';
import { bodies, handlingUnits, users } from '../db/schema.js';
import { clock } from '../platform/clock.js';
import { addCalendarDays, chinaDate, dueBefore, dueDate } from '../platform/deadlines.js';
import { recordDuty } from '../modules/deputies/index.js';
import { deputies } from '../modules/deputies/tables.js';
import { followUpTasks } from '../modules/followups/tables.js';
import {
  jointMeetings,
  supervisionEvents,
  supervisionItemDeputies,
  supervisionItems,
  supervisionPlans,
  supervisionPoints,
  supervisionQuestions,
  supervisionReports,
  supervisionVisits,
} from '../modules/supervision/tables.js';

interface DemoItem {
  kind: SupervisionKind;
  subject: string;
  committee: string;
  organ: string;
  meeting: string | null;
  stage: SupervisionStage;
  /** Days since the item entered its stage (0: today). */
  inStageDays?: number;
}

const demoItems: DemoItem[] = [
  {
    kind: 'special_report',
    subject: '城镇老旧小区改造工作情况',
    committee: '城建环资工委',
    organ: '嘉兴市住房和城乡建设局',
    meeting: '市十届人大常委会第二十次会议',
    stage: 'handling',
    // The handling report is two months due: a little past it, like one of its opinions.
    inStageDays: 70,
  },
  {
    kind: 'law_inspection',
    subject: '《中华人民共和国大气污染防治法》实施情况',
    committee: '城建环资工委',
    organ: '嘉兴市生态环境局',
    meeting: '市十届人大常委会第十九次会议',
    stage: 'field_inspection',
  },
  {
    kind: 'special_inquiry',
    subject: '政府民生实事项目办理情况',
    committee: '代表工委',
    organ: '嘉兴市民政局',
    meeting: '市十届人大常委会第二十一次会议',
    stage: 'questions',
  },
  {
    kind: 'work_evaluation',
    subject: '市市场监督管理局工作评议',
    committee: '财经工委',
    organ: '嘉兴市市场监督管理局',
    meeting: null,
    stage: 'investigation',
  },
  {
    kind: 'major_project',
    subject: '嘉兴南站综合交通枢纽重大支撑项目',
    committee: '财经工委',
    organ: '嘉兴市交通运输局',
    meeting: null,
    stage: 'quarterly',
  },
  {
    kind: 'special_report',
    subject: '市中级人民法院执行工作情况',
    committee: '监察和司法工委',
    organ: '嘉兴市中级人民法院',
    meeting: '市十届人大常委会第二十二次会议',
    stage: 'planned',
  },
];

/**
 * The city's supervision plan of this year, published, with one item of each kind at a stage of its
 * own; the special report's deliberation opinions on the list (one answered, one overdue), inquiry
 * questions from deputies and the public, a quarterly report, deputies' participation in the stages
 * passed (research, the hearing, a field inspection) in their duty logs, and a joint meeting with decisions.
 */
export async function seedSupervision(tx: Tx) {
  const [city] = await tx.select().from(bodies).where(eq(bodies.regionCode, '330400'));
  if (!city) return;
  const now = clock.now();
  const today = chinaDate(now);
  const year = Number(today.slice(0, 4));
  const units = new Map(
    (await tx.select({ id: handlingUnits.id, name: handlingUnits.name }).from(handlingUnits).where(eq(handlingUnits.bodyId, city.id))).map(
      (u) => [u.name, u.id],
    ),
  );
  const invited = await tx
    .select({ id: deputies.id })
    .from(deputies)
    .where(eq(deputies.bodyId, city.id))
    .orderBy(asc(deputies.name))
    .limit(4);
  const [plan] = await tx
    .insert(supervisionPlans)
    .values({
      bodyId: city.id,
      year,
      title: `嘉兴市人大常委会${year}年度监督工作计划`,
      state: 'published',
      adoptedAt: now,
      publishedAt: now,
      createdAt: now,
    })
    .returning();
  const ids = new Map<SupervisionKind | 'court', string>();
  for (const [n, d] of demoItems.entries()) {
    const organUnitId = units.get(d.organ);
    if (!organUnitId) continue;
    const meetingOn = d.meeting ? addCalendarDays(today, 20 + n * 30) : null;
    const stageStartedAt = new Date(now.getTime() - (d.inStageDays ?? 0) * 86_400_000);
    // The stage's due date by its rule's default (the demo body sets none of its own).
    const rule = stageDeadlineOf(d.kind, d.stage);
    const stageDueOn = !rule ? null : rule.from === 'entered' ? dueDate(stageStartedAt, rule) : meetingOn && dueBefore(meetingOn, rule);
    const [item] = await tx
      .insert(supervisionItems)
      .values({
        planId: plan!.id,
        bodyId: city.id,
        year,
        kind: d.kind,
        subject: d.subject,
        committee: d.committee,
        organUnitId,
        meeting: d.meeting,
        meetingOn,
        stage: d.stage,
        stageStartedAt,
        stageDueOn,
        createdAt: now,
      })
      .returning();
    if (!ids.has(d.kind)) ids.set(d.kind, item!.id);
    await tx.insert(supervisionItemDeputies).values(invited.map((dep) => ({ itemId: item!.id, deputyId: dep.id })));
    await tx
      .insert(supervisionEvents)
      .values({ itemId: item!.id, at: now, action: 'addItem', toStatus: 'planned', actorName: '李晓燕', note: null });
  }
  await seedParticipations(tx, city.id, ids, today);
  const report = ids.get('special_report');
  const zjj = units.get('嘉兴市住房和城乡建设局');
  if (report && zjj) {
    const opinions: [string, string, 'open' | 'answered', string | null][] = [
      [
        '加快推进加装电梯审批，压缩办理时限',
        addCalendarDays(today, 30),
        'answered',
        '已出台加装电梯联合审批办法，审批时限压缩至15个工作日。',
      ],
      ['建立改造后小区长效管理机制，防止“改后失管”', addCalendarDays(today, -5), 'open', null],
      ['统筹推进雨污分流、管线入地等地下设施改造', addCalendarDays(today, 60), 'open', null],
    ];
    await tx.insert(supervisionPoints).values(
      opinions.map(([content, dueOn, state, evidence], i) => ({
        itemId: report,
        bodyId: city.id,
        seq: i + 1,
        round: 1,
        source: 'opinion',
        content,
        organUnitId: zjj,
        dueOn,
        state,
        evidence,
        answeredAt: evidence ? now : null,
        createdAt: now,
      })),
    );
    await tx
      .update(supervisionItems)
      .set({ nextPointSeq: opinions.length + 1 })
      .where(eq(supervisionItems.id, report));
    await tx.insert(supervisionReports).values({
      itemId: report,
      stage: 'draft_report',
      title: '关于全市城镇老旧小区改造工作情况的报告（送审稿）',
      content: '2021年以来，全市累计改造老旧小区312个，惠及居民5.6万户……',
      submittedByName: '嘉兴市住房和城乡建设局',
      submittedAt: now,
    });
  }
  const inquiry = ids.get('special_inquiry');
  if (inquiry)
    await tx.insert(supervisionQuestions).values([
      {
        itemId: inquiry,
        seq: 1,
        question: '社区居家养老服务中心建设进度滞后的原因是什么？何时全部建成？',
        askerKind: 'deputy',
        askerName: '张秀英',
        createdAt: now,
      },
      {
        itemId: inquiry,
        seq: 2,
        question: '城乡公交一体化何时覆盖全部行政村？',
        askerKind: 'public',
        askerName: '王江泾镇群众',
        createdAt: now,
      },
    ]);
  // 工作评议's investigation: opinions gathered from deputies, citizens and an association (评议调查意见).
  const evaluation = ids.get('work_evaluation');
  if (evaluation)
    await tx.insert(supervisionQuestions).values(
      (
        [
          ['deputy', '张秀英', '食品安全抽检结果公开不及时，建议按月在政府网站公布并标注整改情况。', 12],
          ['public', '南湖区新兴街道居民周丽萍', '网购商品投诉处理周期长，12315 热线转办后半个月无人回复。', 9],
          ['organisation', '嘉兴市个体劳动者协会', '“证照分离”后部分审批事项仍需多次跑，建议推行一次告知、一表申请。', 6],
          ['deputy', '陆建华', '农贸市场快检室设备老化，基层执法人员不足，建议增加编制和经费保障。', 3],
        ] as const
      ).map(([askerKind, askerName, question, daysAgo], i) => ({
        itemId: evaluation,
        kind: 'opinion',
        seq: i + 1,
        question,
        askerKind,
        askerName,
        gatheredOn: addCalendarDays(today, -daysAgo),
        createdAt: now,
      })),
    );
  const project = ids.get('major_project');
  if (project)
    await tx.insert(supervisionReports).values({
      itemId: project,
      stage: 'quarterly',
      title: `${year}年第三季度专报`,
      content: '枢纽主体结构已封顶，地下空间完成85%，存在征迁扫尾和资金拨付滞后两个问题。',
      period: `${year}Q3`,
      submittedByName: '嘉兴市交通运输局',
      submittedAt: now,
    });
  const [meeting] = await tx
    .insert(jointMeetings)
    .values({
      bodyId: city.id,
      title: '市人大常委会与“一府一委两院”联席会议',
      heldOn: addCalendarDays(today, -30),
      place: '市人大常委会第一会议室',
      agenda: ['通报年度监督工作计划', '确定专项工作报告报告人及报送时间', '会前调研督查安排'],
      attendees: [
        { name: '陈建国', unit: '市人大常委会' },
        { name: '刘明', unit: '市住房和城乡建设局' },
      ],
      createdAt: now,
    })
    .returning();
  // The meeting's decisions (议定事项) are follow-up tasks; the court's is already past its deadline.
  const decision = (title: string, responsible: string, dueOn: string) => ({
    bodyId: city.id,
    subjectType: 'joint_meeting',
    subjectId: meeting!.id,
    title,
    unitId: units.get(responsible) ?? null,
    responsible,
    dueOn,
    dueNamed: true,
    state: 'open',
    createdAt: now,
  });
  await tx
    .insert(followUpTasks)
    .values([
      decision('市住建局在常委会会议召开前20日报送专项工作报告送审稿', '嘉兴市住房和城乡建设局', addCalendarDays(today, 10)),
      decision('市中级人民法院提交执行工作情况报告提纲', '嘉兴市中级人民法院', addCalendarDays(today, -3)),
    ]);
}

/** 代表参与 in the stages the demo items have passed or are in, each written to the deputies' duty logs as staff would. */
async function seedParticipations(tx: Tx, bodyId: string, ids: Map<SupervisionKind | 'court', string>, today: string) {
  const [staff] = await tx.select({ id: users.id }).from(users).where(eq(users.username, 'staff'));
  const city = await tx.select({ id: deputies.id }).from(deputies).where(eq(deputies.bodyId, bodyId)).orderBy(asc(deputies.name)).limit(6);
  if (!staff || city.length < 6) return;
  const records: [SupervisionKind, SupervisionStage, number, string, string, number[]][] = [
    [
      'special_report',
      'research',
      -75,
      '南湖区建设街道、秀洲区新城街道老旧小区',
      '实地察看加装电梯、雨污分流改造，召开居民座谈会',
      [0, 1, 4],
    ],
    ['special_report', 'hearing', -40, '市人大常委会会议室', '列席人员旁听并参加分组审议，就长效管理机制提出意见', [0, 2, 3, 5]],
    ['special_inquiry', 'research', -15, '嘉善县、海盐县居家养老服务中心', '走访5个服务中心，听取运营情况', [1, 3]],
    ['law_inspection', 'field_inspection', -3, '嘉兴港区化工园区、秀洲区工业园区', '检查重点企业挥发性有机物治理设施运行情况', [2, 4, 5]],
  ];
  for (const [kind, stage, days, place, summary, who] of records) {
    const itemId = ids.get(kind);
    const dutyKind = participationStages[stage]?.dutyKind;
    if (!itemId || !dutyKind) continue;
    const visitedOn = addCalendarDays(today, days);
    const deputyIds = who.map((n) => city[n]!.id);
    const dutyRecordId = await recordDuty(
      tx,
      {
        bodyId,
        kind: dutyKind,
        occurredOn: visitedOn,
        place,
        title: `${supervisionStageLabel[stage]}：${demoItems.find((d) => d.kind === kind)!.subject}`,
        description: summary,
        votersReceived: 0,
        source: 'supervision',
        recordedBy: staff.id,
      },
      deputyIds,
    );
    await tx
      .insert(supervisionVisits)
      .values({ itemId, stage, visitedOn, place, summary, deputyIds, dutyRecordId, createdAt: clock.now() });
  }
}
