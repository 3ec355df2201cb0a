import { AlignmentType, Document, Packer, Paragraph } from 'docx';
import {
  quarterLabel,
  type FollowUpTask,
  type JointMeeting,
  type SupervisionItem,
  type SupervisionItemSummary,
  type SupervisionPoint,
} from '@renda/shared';
import { chinaDate } from '../../platform/deadlines.js';
import { workbook, type Column } from '../../platform/documents.js';
import { reportHeading, reportTable, reportText } from '../../platform/word.js';

const para = (value: string) => new Paragraph({ children: [reportText(value)], spacing: { after: 120 }, indent: { firstLine: 480 } });
const centered = (value: string, size: number, after = 120) =>
  new Paragraph({ alignment: AlignmentType.CENTER, children: [reportText(value, true, size)], spacing: { after } });
const dateCn = (iso: string) => `${iso.slice(0, 4)}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

const pack = (title: string, children: (Paragraph | ReturnType<typeof reportTable>)[]) =>
  Packer.toBuffer(new Document({ creator: '人大履职服务平台', title, sections: [{ children }] }));

/**
 * 审议意见书: the standing committee's deliberation opinions on the organ's report, point by point,
 * each with its deadline (seed 004: 审议意见办理, 清单式督办), and the request to report how they were handled.
 */
export function opinionsLetterDocx(item: SupervisionItem, today: string): Promise<Buffer> {
  const points = item.points.filter((p) => p.round === item.round && p.state !== 'carried_over');
  return pack(`关于${item.subject}的审议意见`, [
    centered(item.bodyName, 32),
    centered(`关于${item.subject}的审议意见${item.round > 1 ? `（再审）` : ''}`, 36, 240),
    new Paragraph({ children: [reportText(`${item.organName}：`)], spacing: { after: 120 } }),
    para(
      `${item.meetingOn ? dateCn(item.meetingOn) : ''}${item.meeting ?? '常务委员会会议'}听取和审议了${item.organName}关于${item.subject}的报告。` +
        `现将常委会组成人员的审议意见梳理为 ${points.length} 个问题，列入督办清单，请认真研究处理，并在各问题的整改期限内报送整改情况及佐证材料。`,
    ),
    reportHeading('督办清单'),
    reportTable(
      ['编号', '问题（意见）', '责任单位', '整改期限'],
      points.map((p) => [p.number, p.content, p.organName, p.dueOn]),
      [10, 56, 20, 14],
    ),
    para('研究处理情况报告经常委会有关工作机构征求意见后，提请常务委员会审议，并进行满意度测评。'),
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [reportText(item.bodyName)], spacing: { before: 480 } }),
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [reportText(dateCn(today))] }),
  ]);
}

/** 专题询问记录: each question, who asked, which official answered and the answer; the commitments made. */
export function inquiryRecordDocx(item: SupervisionItem): Promise<Buffer> {
  const commitments = item.points.filter((p) => p.source === 'commitment');
  return pack(`${item.subject}专题询问记录`, [
    centered(item.bodyName, 32),
    centered(`${item.subject}专题询问记录`, 36, 240),
    para(
      `应询单位：${item.organName}。${item.meetingOn ? `询问日期：${dateCn(item.meetingOn)}。` : ''}${item.meeting ? `会议：${item.meeting}。` : ''}`,
    ),
    ...item.questions.flatMap((q) => [
      reportHeading(`问题${q.seq}`),
      para(`询问人：${q.askerName}（${q.askerKindLabel}）`),
      para(`问：${q.question}`),
      para(`应询人：${q.officialName ?? '（未答复）'}`),
      para(`答：${q.answer ?? '（未答复）'}`),
    ]),
    reportHeading('承诺事项（列入督办清单）'),
    commitments.length
      ? reportTable(
          ['编号', '承诺事项', '整改期限', '状态'],
          commitments.map((p) => [p.number, p.content, p.dueOn, p.stateLabel]),
          [10, 60, 15, 15],
        )
      : para('无。'),
  ]);
}

/** The kinds whose items end in a satisfaction vote and so have an evaluation report (评议报告 / 测评结果报告). */
export const evaluatedKinds: readonly SupervisionItem['kind'][] = ['special_report', 'work_evaluation', 'special_inquiry'];

/**
 * 评议报告（测评结果报告）: the item's particulars, what the evaluation found (the notes staff recorded at
 * each stage and the organ's reports), each round's satisfaction vote with its rule and figures, and where
 * every point of the list stands.
 */
export function evaluationReportDocx(item: SupervisionItem, today: string): Promise<Buffer> {
  const title = `关于${item.subject}的${item.kind === 'work_evaluation' ? '工作评议' : '满意度测评'}结果报告`;
  const findings = item.events.filter((e) => e.action === 'advance' && e.note);
  const counted = (n: number | null) => `${n ?? 0} 票`;
  return pack(title, [
    centered(item.bodyName, 32),
    centered(title, 36, 240),
    reportHeading('一、事项概况'),
    reportTable(
      ['项目', '内容'],
      [
        ['监督方式', item.kindLabel],
        ['监督事项', item.subject],
        ['被监督单位', item.organName],
        ['承办工作机构', item.committee],
        ['审议会议', [item.meeting, item.meetingOn ? dateCn(item.meetingOn) : null].filter(Boolean).join(' ') || '—'],
        ['参与代表', item.deputies.map((d) => d.name).join('、') || '—'],
        ['当前阶段', `${item.stageLabel}${item.round > 1 ? `（第${item.round}轮）` : ''}`],
      ],
      [24, 76],
    ),
    reportHeading('二、评议（审议）情况'),
    ...(findings.length ? findings.map((e) => para(`${e.fromStage ?? ''}：${e.note}`)) : [para('各阶段未记录评议意见。')]),
    // 工作评议's investigation: the opinions gathered from deputies, members, citizens and organisations.
    ...(item.gatheredOpinions.length
      ? [
          para(`调查阶段共收集评议调查意见 ${item.gatheredOpinions.length} 条：`),
          reportTable(
            ['序号', '意见内容', '提出人', '类别', '收集日期'],
            item.gatheredOpinions.map((o) => [String(o.seq), o.content, o.askerName, o.askerKindLabel, o.gatheredOn ?? '']),
            [8, 50, 14, 16, 12],
          ),
        ]
      : []),
    ...item.reports.map((r) =>
      para(`${r.stageLabel}${r.period ? `（${quarterLabel(r.period)}）` : ''}，${r.submittedByName}报送《${r.title}》：${r.content}`),
    ),
    reportHeading('三、满意度测评结果'),
    ...(item.evaluations.length
      ? item.evaluations.flatMap((e) => [
          para(
            `第${e.round}轮（${e.electorateLabel}测评）：` +
              (e.verdict
                ? `结果为${e.verdictLabel}。满意 ${counted(e.satisfied)}、基本满意 ${counted(e.basicallySatisfied)}、不满意 ${counted(e.dissatisfied)}，` +
                  `应参加 ${e.electorateSize ?? 0} 人，实际投票 ${e.ballotsCast ?? 0} 人。`
                : '测评尚未结束。'),
          ),
          ...(e.ruleText ? [para(`测评规则：${e.ruleText}`)] : []),
          ...(e.figuresText ? [para(`计票情况：${e.figuresText}`)] : []),
        ])
      : [para('尚未进行满意度测评。')]),
    reportHeading('四、督办问题办理情况'),
    item.points.length
      ? reportTable(
          ['编号', '问题（意见）', '责任单位', '整改期限', '状态'],
          item.points.map((p) => [p.number, p.content, p.organName, p.dueOn, `${p.stateLabel}${p.overdue ? '（逾期）' : ''}`]),
          [12, 44, 18, 13, 13],
        )
      : para('无。'),
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [reportText(item.bodyName)], spacing: { before: 480 } }),
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [reportText(dateCn(today))] }),
  ]);
}

const pointColumns: Column<SupervisionPoint>[] = [
  { header: '编号', key: 'number', width: 10, value: (p) => p.number },
  { header: '监督事项', key: 'item', width: 36, value: (p) => `${p.itemKindLabel}：${p.itemSubject}` },
  { header: '来源', key: 'source', width: 12, value: (p) => p.sourceLabel },
  { header: '问题（意见）', key: 'content', width: 50, value: (p) => p.content },
  { header: '责任单位', key: 'organ', width: 24, value: (p) => p.organName },
  { header: '整改期限', key: 'due', width: 12, value: (p) => p.dueOn },
  { header: '状态', key: 'state', width: 16, value: (p) => `${p.stateLabel}${p.overdue ? '（逾期）' : ''}` },
  { header: '整改情况及佐证', key: 'evidence', width: 50, value: (p) => p.evidence ?? '' },
  { header: '认定意见', key: 'judgement', width: 30, value: (p) => p.judgement ?? '' },
  { header: '原问题编号（再审）', key: 'previous', width: 14, value: (p) => p.previousNumber ?? '' },
];

/** 督办清单 as Excel, the columns staff follow it by. */
export const pointsWorkbook = (points: SupervisionPoint[]) => workbook('督办清单', pointColumns, points);

const itemColumns: Column<SupervisionItemSummary>[] = [
  { header: '年度', key: 'year', width: 8, value: (i) => i.year },
  { header: '监督事项', key: 'subject', width: 40, value: (i) => i.subject },
  { header: '监督方式', key: 'kind', width: 16, value: (i) => i.kindLabel },
  { header: '被监督单位', key: 'organ', width: 24, value: (i) => i.organName },
  { header: '承办委员会', key: 'committee', width: 20, value: (i) => i.committee },
  { header: '审议会议', key: 'meeting', width: 24, value: (i) => i.meeting ?? '' },
  { header: '会议日期', key: 'meetingOn', width: 12, value: (i) => i.meetingOn ?? '' },
  { header: '当前阶段', key: 'stage', width: 16, value: (i) => `${i.stageLabel}${i.round > 1 ? `（第${i.round}轮）` : ''}` },
  { header: '阶段期限', key: 'stageDue', width: 14, value: (i) => `${i.stageDueOn ?? ''}${i.stageOverdue ? '（逾期）' : ''}` },
  { header: '未办结问题', key: 'open', width: 10, value: (i) => i.openPoints },
  { header: '逾期问题', key: 'overdue', width: 10, value: (i) => i.overduePoints },
  { header: '人大机关', key: 'body', width: 20, value: (i) => i.bodyName },
];

/** 监督事项 as Excel: the items list, or one plan's items. */
export const itemsWorkbook = (items: SupervisionItemSummary[]) => workbook('监督事项', itemColumns, items);

/** One line per decision of a joint meeting (a meeting without decisions still has its line). */
export type MeetingLine = { meeting: JointMeeting; decision: FollowUpTask | null };

const meetingColumns: Column<MeetingLine>[] = [
  { header: '会议日期', key: 'heldOn', width: 12, value: (l) => l.meeting.heldOn },
  { header: '会议名称', key: 'title', width: 30, value: (l) => l.meeting.title },
  { header: '地点', key: 'place', width: 20, value: (l) => l.meeting.place ?? '' },
  { header: '议程', key: 'agenda', width: 40, value: (l) => l.meeting.agenda.join('；') },
  { header: '出席人员', key: 'attendees', width: 40, value: (l) => l.meeting.attendees.map((a) => `${a.name}（${a.unit}）`).join('、') },
  { header: '议定事项', key: 'decision', width: 40, value: (l) => l.decision?.title ?? '' },
  { header: '责任单位', key: 'responsible', width: 20, value: (l) => l.decision?.responsible ?? '' },
  { header: '完成期限', key: 'due', width: 12, value: (l) => l.decision?.dueOn ?? '' },
  {
    header: '落实状态',
    key: 'state',
    width: 14,
    value: (l) => (l.decision ? `${l.decision.stateLabel}${l.decision.overdue ? '（逾期）' : ''}` : ''),
  },
  { header: '完成日期', key: 'doneOn', width: 12, value: (l) => (l.decision?.doneAt ? chinaDate(new Date(l.decision.doneAt)) : '') },
  { header: '落实情况', key: 'evidence', width: 40, value: (l) => l.decision?.evidence ?? '' },
];

/** 联席会议 and their decisions as Excel. */
export const meetingsWorkbook = (lines: MeetingLine[]) => workbook('联席会议', meetingColumns, lines);
