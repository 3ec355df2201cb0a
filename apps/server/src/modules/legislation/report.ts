import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { Draft, DraftComment } from '@renda/shared';
import { reportHeading, reportTable, reportText } from '../../platform/word.js';

/**
 * 征求意见情况汇总报告: how many people commented and through which channels, then every article's
 * comments with how each was handled (采纳 / 部分采纳 / 未采纳) and why. Rejected comments are counted,
 * not listed; names and phones never appear.
 */
export interface SummaryInput {
  draft: Draft;
  /** Every comment not rejected, in article order. */
  comments: DraftComment[];
  rejected: number;
  /** The current version's articles, in order, for the per-article headings. */
  articles: { id: string; label: string }[];
  writtenOn: string;
}

const para = (text: string, indent = true) =>
  new Paragraph({ indent: indent ? { firstLine: 480 } : undefined, spacing: { line: 400 }, children: [reportText(text)] });

function overview({ draft, comments, rejected }: SummaryInput) {
  const people = comments.reduce((s, c) => s + c.participants, 0);
  const online = comments.filter((c) => c.source === 'public');
  const offline = comments.filter((c) => c.source === 'contact_point');
  const points = new Set(offline.map((c) => c.contactPointId));
  const count = (a: DraftComment['adoption']) => comments.filter((c) => c.adoption === a).length;
  return [
    para(
      `《${draft.title}》于 ${draft.commentFrom} 至 ${draft.commentTo} 公开征求意见，` +
        `${draft.contactPoints.length} 个基层立法联系点参与。共收到意见 ${comments.length} 条，涉及 ${people} 人次：` +
        `公众网上留言 ${online.length} 条；${points.size} 个基层立法联系点录入意见 ${offline.length} 条、参与 ${offline.reduce((s, c) => s + c.participants, 0)} 人次。` +
        (rejected ? `另有 ${rejected} 条留言与草案无关或含不当内容，未予公开，不计入。` : ''),
    ),
    para(`经逐条研究，采纳 ${count('adopted')} 条，部分采纳 ${count('partly')} 条，未采纳 ${count('not_adopted')} 条。`),
  ];
}

function byArticle({ comments, articles }: SummaryInput) {
  const sections: { heading: string; list: DraftComment[] }[] = [
    { heading: '对草案整体的意见', list: comments.filter((c) => !c.articleId) },
    ...articles.map((a) => ({ heading: a.label, list: comments.filter((c) => c.articleId === a.id) })),
    // Comments made on an earlier version's articles.
    {
      heading: '对此前版本条文的意见',
      list: comments.filter((c) => c.articleId && !articles.some((a) => a.id === c.articleId)),
    },
  ];
  return sections
    .filter((s) => s.list.length)
    .flatMap((s) => [
      new Paragraph({
        spacing: { before: 200, after: 100 },
        children: [reportText(`${s.heading}（${s.list.length} 条，${s.list.reduce((n, c) => n + c.participants, 0)} 人次）`, true)],
      }),
      reportTable(
        ['序号', '意见内容', '来源', '人数', '处理情况', '理由'],
        s.list.map((c, i) => [
          i + 1,
          c.quote ? `针对“${c.quote}”：${c.content}` : c.content,
          c.contactPointName ?? c.sourceLabel,
          c.participants,
          c.adoptionLabel ?? '未标注',
          c.adoptionReason ?? '',
        ]),
        [6, 40, 16, 7, 11, 20],
        21,
      ),
    ]);
}

function pointsTable({ draft, comments }: SummaryInput) {
  return reportTable(
    ['基层立法联系点', '意见条数', '参与人次', '采纳或部分采纳'],
    draft.contactPoints.map((p) => {
      const own = comments.filter((c) => c.contactPointId === p.id);
      return [
        p.name,
        own.length,
        own.reduce((s, c) => s + c.participants, 0),
        own.filter((c) => c.adoption === 'adopted' || c.adoption === 'partly').length,
      ];
    }),
    [40, 20, 20, 20],
  );
}

export async function summaryReport(input: SummaryInput): Promise<Buffer> {
  const doc = new Document({
    creator: '人大履职服务平台',
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            spacing: { after: 300 },
            children: [new TextRun({ text: `关于《${input.draft.title}》征求意见情况的汇总报告`, bold: true, size: 36 })],
          }),
          reportHeading('一、基本情况'),
          ...overview(input),
          reportHeading('二、各条款意见及处理情况'),
          ...byArticle(input),
          reportHeading('三、基层立法联系点参与情况'),
          pointsTable(input),
          new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 400 }, children: [reportText(input.draft.bodyName)] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [reportText(input.writtenOn)] }),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
