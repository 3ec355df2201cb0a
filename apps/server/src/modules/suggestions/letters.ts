import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { ReplyCategory, ReplyLetterMode } from '@renda/shared';

const FONT = { ascii: 'FangSong', eastAsia: '仿宋', hAnsi: 'FangSong' };
const TITLE_FONT = { ascii: 'SimHei', eastAsia: '方正小标宋简体', hAnsi: 'SimHei' };

const chineseDate = (d: Date) =>
  new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' }).format(d);

const p = (text: string, opts: { indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; bold?: boolean } = {}) =>
  new Paragraph({
    alignment: opts.align,
    indent: opts.indent ? { firstLine: 640 } : undefined,
    spacing: { line: 560 },
    children: [new TextRun({ text, font: FONT, size: 32, bold: opts.bold })],
  });

const title = (text: string) =>
  new Paragraph({
    heading: HeadingLevel.TITLE,
    alignment: AlignmentType.CENTER,
    spacing: { after: 400 },
    children: [new TextRun({ text, font: TITLE_FONT, size: 44 })],
  });

/** Body text keeps the writer's paragraphs, each indented two characters as in a Chinese official letter. */
const paragraphs = (text: string) =>
  text
    .split(/\n+/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => p(t, { indent: true }));

async function pack(children: Paragraph[]): Promise<Buffer> {
  const doc = new Document({
    creator: '人大履职服务平台',
    styles: { default: { document: { run: { font: FONT, size: 32 } } } },
    sections: [{ properties: { page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } }, children }],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

export interface AssignmentLetter {
  bodyName: string;
  sessionName: string | null;
  numberLabel: string | null;
  title: string;
  content: string;
  /** Null when the deputy asked for confidentiality (保密): the unit's letter names no deputy. */
  leadDeputyName: string | null;
  cosignerNames: string[];
  unitName: string;
  role: 'lead' | 'joint' | 'separate';
  leadUnitName: string;
  jointUnitNames: string[];
  /** 分别办理: the other units answering their own parts. */
  otherSeparateUnitNames: string[];
  assignedAt: Date;
  signForDueAt: Date;
  dueAt: Date;
}

/**
 * Who proposed the item, as a letter says it: 张伟代表 / 张伟等3名代表; when the deputies are
 * withheld from the unit (保密), 代表 / 3名代表联名 (never "代表等3名代表").
 */
function proposers(lead: string | null, cosigners: number): string {
  if (!cosigners) return lead ? `${lead}代表` : '代表';
  return lead ? `${lead}等${cosigners + 1}名代表` : `${cosigners + 1}名代表联名`;
}

/** 交办函: the letter that hands a suggestion to a unit, with its part and deadlines. */
export function assignmentLetter(l: AssignmentLetter): Promise<Buffer> {
  const office = `${l.bodyName}代表工作委员会`;
  const where = l.sessionName ? `${l.sessionName}期间` : '闭会期间';
  return pack([
    title('代表建议交办函'),
    p(`${l.unitName}：`),
    p(
      `${where}，${proposers(l.leadDeputyName, l.cosignerNames.length)}提出的《${l.title}》${l.numberLabel ? `（${l.numberLabel}）` : ''}，经审查，现交由你单位${{ lead: '主办', joint: '会办', separate: '分别办理' }[l.role]}。`,
      { indent: true },
    ),
    p(
      l.role === 'separate'
        ? `此件由${[l.unitName, ...l.otherSeparateUnitNames].join('、')}分别办理。请就本单位职责范围内的事项单独答复代表，并抄送交办机关。`
        : l.role === 'lead'
          ? `会办单位：${l.jointUnitNames.length ? l.jointUnitNames.join('、') : '无'}。请主动与会办单位协商，汇总会办意见后统一答复代表。`
          : `主办单位：${l.leadUnitName}。请将会办意见书面送主办单位。`,
      { indent: true },
    ),
    p(
      `请于${chineseDate(l.signForDueAt)}前签收；如认为不属于你单位职责，请在此期限内说明理由申请调整，逾期不作调整。${
        l.role === 'joint' ? '会办意见请于' : '请于'
      }${chineseDate(l.dueAt)}前${l.role === 'joint' ? '送达主办单位' : '办理完毕并书面答复代表'}。办理过程中请与代表做好办前、办中、办后沟通（“三个面对面”）。`,
      { indent: true },
    ),
    p('附：建议原文', { bold: true }),
    p(`《${l.title}》`, { align: AlignmentType.CENTER }),
    ...paragraphs(l.content),
    p(''),
    p(office, { align: AlignmentType.RIGHT }),
    p(chineseDate(l.assignedAt), { align: AlignmentType.RIGHT }),
  ]);
}

/** Whom one reply letter is addressed to: the deputies named in its salutation, and how the item came from them. */
export interface ReplyAddressees {
  /** Empty when printed by a unit for a confidential deputy (保密): 尊敬的代表. */
  names: string[];
  /** A co-signer's own letter (one letter each) names the lead deputy in its first line. */
  leadDeputyName: string | null;
  cosigned: boolean;
}

/**
 * 联名: every deputy who signed an item is answered. A body writes one letter naming the lead deputy
 * and each confirmed co-signer (`named`), or one letter to each of them (`each`: `deputyId` picks the
 * letter, the lead deputy's by default). Declined or unconfirmed invitations are not signers.
 */
export function replyAddressees(
  mode: ReplyLetterMode,
  lead: { id: string; name: string },
  cosigners: { deputyId: string; name: string; confirmed: boolean }[],
  deputyId?: string,
): ReplyAddressees | null {
  const signers = cosigners.filter((c) => c.confirmed);
  if (mode === 'named') return { names: [lead.name, ...signers.map((c) => c.name)], leadDeputyName: null, cosigned: false };
  if (!deputyId || deputyId === lead.id) return { names: [lead.name], leadDeputyName: null, cosigned: false };
  const cosigner = signers.find((c) => c.deputyId === deputyId);
  return cosigner ? { names: [cosigner.name], leadDeputyName: lead.name, cosigned: true } : null;
}

export interface ReplyLetter {
  unitName: string;
  sessionName: string | null;
  numberLabel: string | null;
  title: string;
  to: ReplyAddressees;
  category: ReplyCategory;
  /** The category's label in the body's scheme (办理结果分类). */
  categoryLabel: string;
  content: string;
  /** 主办单位汇总会办意见后统一答复: the joint units' written opinions go with the reply. */
  jointOpinions: { unitName: string; content: string }[];
  /** Joint units staff released the lead from waiting on (逾期未提交). */
  waivedUnitNames: string[];
  signer: string;
  contactPerson: string;
  contactPhone: string;
  createdAt: Date;
}

function salutation(to: ReplyAddressees, title: string): [string, string] {
  if (to.names.length === 0) return ['尊敬的代表：', `您提出的《${title}》收悉，现答复如下：`];
  const names = `${to.names.join('、')}代表：`;
  if (to.names.length > 1) return [names, `你们提出的《${title}》收悉，现答复如下：`];
  if (to.cosigned) return [names, `您联名提出的《${title}》（领衔代表：${to.leadDeputyName}）收悉，现答复如下：`];
  return [names, `您提出的《${title}》收悉，现答复如下：`];
}

/** 答复函: the lead unit's reply, marked with its category at the top right as the rules require. */
export function replyLetter(l: ReplyLetter): Promise<Buffer> {
  const [to, opening] = salutation(l.to, l.title);
  return pack([
    p(`${l.category}类`, { align: AlignmentType.RIGHT, bold: true }),
    title(`关于${l.numberLabel ?? l.sessionName ?? ''}建议的答复`),
    p(to),
    p(opening, { indent: true }),
    ...paragraphs(l.content),
    ...(l.jointOpinions.length || l.waivedUnitNames.length ? [p('会办单位意见：', { bold: true })] : []),
    ...l.jointOpinions.flatMap((o) => [p(`${o.unitName}：`, { indent: true }), ...paragraphs(o.content)]),
    ...l.waivedUnitNames.map((name) => p(`${name}逾期未提交会办意见，经交办机关同意先行答复。`, { indent: true })),
    p(`办理结果类别：${l.category}类（${l.categoryLabel}）。`, { indent: true }),
    p(`感谢${l.to.names.length > 1 ? '各位代表' : '您'}对我们工作的关心和支持，欢迎继续提出宝贵意见。`, { indent: true }),
    p(''),
    p(l.unitName, { align: AlignmentType.RIGHT }),
    p(chineseDate(l.createdAt), { align: AlignmentType.RIGHT }),
    p(`签发人：${l.signer}\u3000联系人：${l.contactPerson}\u3000联系电话：${l.contactPhone}`),
  ]);
}
