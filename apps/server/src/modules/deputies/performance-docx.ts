import { AlignmentType, Document, ImageRun, Packer, Paragraph } from 'docx';
import { reportHeading, reportTable, reportText } from '../../platform/word.js';
import {
  bodyLevelLabel,
  deputyStatusLabel,
  deputyTitle,
  dutyKindLabel,
  genderLabel,
  groupKindLabel,
  type PerformanceFile,
} from '@renda/shared';

const para = (value: string, bold = false) => new Paragraph({ children: [reportText(value, bold)], spacing: { after: 80 } });

/** A registry photo as printed on a file: 140 pixels high, its own width. */
export interface DocxPhoto {
  data: Buffer;
  mimeType: string;
  width: number;
  height: number;
}
const PHOTO_HEIGHT = 140;

function photoParagraph(photo: DocxPhoto) {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 160 },
    children: [
      new ImageRun({
        type: photo.mimeType === 'image/png' ? 'png' : 'jpg',
        data: photo.data,
        transformation: { width: Math.round((PHOTO_HEIGHT * photo.width) / photo.height), height: PHOTO_HEIGHT },
        altText: { name: '代表照片', title: '代表照片', description: '代表照片' },
      }),
    ],
  });
}

/** 履职档案 as a Word document: photo, profile, groups, counts, the seven ones, assessment and the activity list. */
export async function performanceDocx(file: PerformanceFile, photo: DocxPhoto | null): Promise<Buffer> {
  const d = file.deputy;
  const profile: [string, string][] = [
    ['姓名', d.name],
    ['性别', d.gender ? genderLabel[d.gender] : '—'],
    ['民族', d.ethnicity ?? '—'],
    ['出生日期', d.birthDate ?? '—'],
    ['政治面貌', d.party ?? '—'],
    ['工作单位及职务', [d.employer, d.post].filter(Boolean).join(' ') || '—'],
    ['代表身份', `${deputyTitle(d.bodyName, d.term)}（${bodyLevelLabel[d.level]}）`],
    ['选区（选举单位）', d.constituency ?? '—'],
    ['状态', deputyStatusLabel[d.status] + (d.statusDate ? `（${d.statusDate}）` : '')],
  ];
  if (d.otherLevels.length) profile.push(['其他层级代表身份', d.otherLevels.map((o) => deputyTitle(o.bodyName, o.term)).join('；')]);
  const memberships = [
    ...file.groups.map((g) => `${groupKindLabel[g.kind]}：${g.name}${g.leader ? '（组长）' : ''}`),
    ...file.gridCells.map((c) => `联系网格：${c.name}`),
  ];
  const seven = file.sevenOnes.items.map((i) => [
    i.label,
    i.count === null ? '暂不计数' : `${i.count} / ${i.target}`,
    i.done ? '已完成' : '未完成',
  ]);
  const assessment = file.assessment
    ? `${file.assessment.year} 年度量化考评得分 ${file.assessment.score} 分，在 ${file.assessment.of} 名代表中排第 ${file.assessment.rank} 名（${file.assessment.publishedAt!.slice(0, 10)} 发布）。`
    : `${file.sevenOnes.year} 年度考评结果尚未发布；按现行分值计算，当前得分 ${file.liveScore} 分。`;
  const doc = new Document({
    creator: '人大履职服务平台',
    title: `${d.name}履职档案`,
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [reportText(`${d.name}代表履职档案`, true, 36)],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [reportText(`统计期间：${file.period.from} 至 ${file.period.to}`)],
            spacing: { after: 240 },
          }),
          ...(photo ? [photoParagraph(photo)] : []),
          reportHeading('一、基本情况'),
          reportTable(['项目', '内容'], profile, [30, 70]),
          reportHeading('二、所在小组与网格'),
          ...(memberships.length ? memberships.map((m) => para(m)) : [para('未编入代表小组或网格。')]),
          reportHeading('三、履职统计'),
          para(`本期共参加履职活动 ${file.recordsTotal} 次，接待、联系群众 ${file.votersReceived} 人次。`),
          reportTable(
            ['活动类型', '次数'],
            file.countsByKind.map((c) => [c.label, String(c.count)]),
            [70, 30],
          ),
          reportHeading(`四、${file.sevenOnes.year} 年度“七个一”履职任务（完成 ${file.sevenOnes.done} 项）`),
          reportTable(['任务', '完成情况', '状态'], seven, [55, 25, 20]),
          reportHeading('五、量化考评'),
          para(assessment),
          reportHeading('六、履职活动记录'),
          file.records.length
            ? reportTable(
                ['日期', '类型', '活动', '地点'],
                file.records.map((r) => [r.occurredOn, dutyKindLabel[r.kind], r.title, r.place ?? '—']),
                [18, 17, 45, 20],
              )
            : para('本期无履职活动记录。'),
          ...(file.recordsTotal > file.records.length
            ? [para(`（仅列出最近 ${file.records.length} 条，共 ${file.recordsTotal} 条。）`)]
            : []),
          ...(file.sections ?? []).flatMap((s, i) => [
            reportHeading(`${'七八九十'[i] ?? i + 7}、${s.title}`),
            para(s.summary),
            ...(s.rows.length
              ? [
                  reportTable(
                    s.header,
                    s.rows,
                    s.header.map(() => Math.floor(100 / s.header.length)),
                  ),
                ]
              : []),
          ]),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
