import { AlignmentType, Document, Packer, Paragraph } from 'docx';
import { reportHeading, reportTable, reportText } from '../../platform/word.js';
import { clueKindLabel, clueStatusLabel, type CampaignFigures, type DispatchReport } from '@renda/shared';

const para = (value: string) => new Paragraph({ children: [reportText(value)], spacing: { after: 120 }, indent: { firstLine: 480 } });
/** The dispatch report's tables are set in 五号 (10.5 pt) to fit their columns. */
const smallTable = (header: string[], rows: (string | number)[][], widths: number[]) => reportTable(header, rows, widths, 21);

const monthTitle = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

/** The sentences of the report: what the month did, then the running totals. */
export function dispatchSentences(r: DispatchReport): { month: string; cumulative: string } {
  const m: CampaignFigures = r.thisMonth;
  const c: CampaignFigures = r.cumulative;
  return {
    month:
      `${monthTitle(r.month)}，共组织代表开展实地监督 ${m.visits} 次、${m.personTimes} 人次（${m.deputies} 名代表），` +
      `发现问题线索 ${m.problems} 个，提出意见建议 ${m.suggestions} 条；转办 ${m.transferred} 件，` +
      `其中转本级人民政府督促办理 ${m.transferredToGovernment} 件；整改销号 ${m.closed} 件。`,
    cumulative:
      `自 ${r.campaign.startsOn} 开展以来，累计组织代表开展实地监督 ${c.visits} 次、${c.personTimes} 人次，` +
      `发现问题线索 ${c.problems} 个，提出意见建议 ${c.suggestions} 条，转办 ${c.transferred} 件，整改销号 ${c.closed} 件；` +
      `截至 ${r.period.to} 尚未销号 ${c.open} 件，其中超过整改期限 ${c.overdue} 件。`,
  };
}

/** 月调度 as a Word document: the month's figures, the totals, teams, governments and the month's new clues. */
export async function dispatchDocx(r: DispatchReport, generatedAt: string): Promise<Buffer> {
  const sentences = dispatchSentences(r);
  const found = r.thisMonth.problems + r.thisMonth.suggestions;
  const doc = new Document({
    creator: '人大履职服务平台',
    title: `${r.campaign.title}月调度（${monthTitle(r.month)}）`,
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [reportText(`${r.campaign.title}`, true, 36)],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [reportText(`月调度（${monthTitle(r.month)}）`, true, 32)],
            spacing: { after: 120 },
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [reportText(`${r.campaign.bodyName}\u3000统计期间：${r.period.from} 至 ${r.period.to}`)],
            spacing: { after: 240 },
          }),
          reportHeading('一、本月工作情况'),
          para(`监督主题：${r.campaign.theme}。`),
          para(sentences.month),
          reportHeading('二、累计情况'),
          para(sentences.cumulative),
          reportHeading('三、各监督组本月情况'),
          smallTable(
            ['监督组', '实地监督（次）', '参加代表（人次）', '问题线索（个）', '意见建议（条）'],
            r.byTeam.map((t) => [t.teamName, t.visits, t.personTimes, t.problems, t.suggestions]),
            [32, 17, 17, 17, 17],
          ),
          reportHeading('四、承办单位办理情况（累计）'),
          r.byUnit.length
            ? smallTable(
                ['承办单位', '转办（件）', '已销号（件）', '未销号（件）'],
                r.byUnit.map((u) => [u.unitName, u.transferred, u.closed, u.open]),
                [46, 18, 18, 18],
              )
            : para('截至本月底尚无转办的问题线索。'),
          reportHeading('五、本月新发现的问题线索和意见建议'),
          found === 0
            ? para('本月未发现新的问题线索。')
            : smallTable(
                ['编号', '类别', '内容', '地点', '承办单位', '状态'],
                r.newClues.map((c) => [
                  c.number,
                  clueKindLabel[c.kind],
                  c.content,
                  c.location ?? '',
                  c.handlingUnitName ?? '',
                  clueStatusLabel[c.status],
                ]),
                [11, 10, 37, 16, 14, 12],
              ),
          ...(found > r.newClues.length
            ? [para(`本月共 ${found} 个，上表列出前 ${r.newClues.length} 个；完整清单见问题线索台账导出。`)]
            : []),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [reportText(`人大履职服务平台生成\u3000${generatedAt}`, false, 20)],
            spacing: { before: 360 },
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
