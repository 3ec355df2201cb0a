import { AlignmentType, Document, Packer, Paragraph } from 'docx';
import {
  attendeeResponseLabel,
  passThresholdLabel,
  voteOutcomeLabel,
  type FollowUpTask,
  type MajorMatter,
  type MeetingDetail,
} from '@renda/shared';
import { reportHeading, reportTable, reportText } from '../../platform/word.js';

const para = (value: string) => new Paragraph({ children: [reportText(value)], spacing: { after: 120 }, indent: { firstLine: 480 } });
const centred = (value: string, size: number, bold = true) =>
  new Paragraph({ alignment: AlignmentType.CENTER, children: [reportText(value, bold, size)], spacing: { after: 160 } });
/** 2026-12-12 → 2026年12月12日, as a document is dated. */
const cnDate = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
};
const names = (list: { name: string }[]) => (list.length ? list.map((a) => a.name).join('、') : '无');

const pack = (title: string, children: (Paragraph | ReturnType<typeof reportTable>)[]) =>
  Packer.toBuffer(new Document({ creator: '人大履职服务平台', title, sections: [{ children }] }));

/** 会议纪要: who was there (counted on the full membership), who observed and reported, each item and its result. */
export async function minutesDocx(m: MeetingDetail): Promise<Buffer> {
  const members = m.attendees.filter((a) => a.role === 'member');
  const present = members.filter((a) => a.signedInAt && !a.leftAt);
  const onLeave = members.filter((a) => !a.signedInAt && a.response === 'leave');
  const absent = members.filter((a) => !a.signedInAt && a.response !== 'leave');
  const observers = m.attendees.filter((a) => a.role === 'observer' && a.signedInAt);
  const reporters = m.attendees.filter((a) => a.role === 'reporter');
  const when = m.from === m.to ? cnDate(m.from) : `${cnDate(m.from)}至${cnDate(m.to)}`;
  return pack(`${m.title}纪要`, [
    centred(m.bodyName, 32),
    centred(`${m.title}纪要`, 36),
    // The meeting's own name (市九届人大常委会第十一次会议), not term + kind + number (第九届常委会会议第11次会议).
    para(`${m.title}于${when}在${m.place}举行。`),
    para(m.quorum.text + '。'),
    reportHeading('一、出席、请假和列席情况'),
    para(`出席：${names(present)}。`),
    para(
      `请假：${onLeave.length ? onLeave.map((a) => `${a.name}（${a.leaveReason ?? attendeeResponseLabel.leave}）`).join('、') : '无'}。`,
    ),
    para(`缺席：${names(absent)}。`),
    para(`列席：${names(observers)}。`),
    para(`报告单位：${reporters.length ? reporters.map((r) => (r.reporter ? `${r.name}（${r.reporter}）` : r.name)).join('、') : '无'}。`),
    reportHeading('二、会议议程及表决结果'),
    reportTable(
      ['序号', '议题', '报告人', '表决', '结果'],
      m.agenda.map((i) => [
        i.position,
        i.title,
        i.presenter ?? '',
        i.toVote ? `${i.secret === null ? '' : i.secret ? '无记名' : '记名'}表决（${passThresholdLabel[i.threshold]}通过）` : '不表决',
        i.outcome ? `${voteOutcomeLabel[i.outcome]}${i.resultText ? `：${i.resultText}` : ''}` : i.toVote ? '未表决' : '',
      ]),
      [8, 34, 14, 20, 24],
      21,
    ),
  ]);
}

/** 决定（决议）: the text adopted, the vote that adopted it, the evaluation before the vote and the follow-up tasks. */
export async function resolutionDocx(m: MajorMatter, tasks: readonly FollowUpTask[]): Promise<Buffer> {
  return pack(`关于${m.title}的决定`, [
    centred(m.bodyName, 32),
    centred(`关于${m.title}的决定`, 36),
    ...(m.resultText ? [centred(`（${m.meetingTitle ?? ''}表决通过：${m.resultText}）`, 21, false)] : []),
    ...(m.resolution ?? '').split(/\n+/).filter(Boolean).map(para),
    reportHeading('附：提请及评估情况'),
    para(`提请机关：${m.proposer}。`),
    para(`表决前评估：${m.evaluation ?? '无'}`),
    ...(tasks.length
      ? [
          reportHeading('附：落实任务'),
          reportTable(
            ['任务', '责任单位', '期限', '落实情况'],
            tasks.map((t) => [t.title, t.responsible, t.dueOn, t.state === 'done' ? (t.evidence ?? '已落实') : '落实中']),
            [36, 24, 14, 26],
            21,
          ),
        ]
      : []),
  ]);
}
