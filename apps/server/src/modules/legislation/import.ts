import type { ImportResult } from '@renda/shared';
import { legislationLimits } from '@renda/shared';
import type { Db } from '../../db/client.js';
import type { ActorContext } from '../../platform/context.js';
import { DomainError } from '../../platform/errors.js';
import { parseDate, readSheet, sheetTemplate, type SheetRow } from '../../platform/sheets.js';
import { chineseNumber } from './articles.js';
import { insertOffline, type OfflineRow } from './comment-service.js';

/** A contact point's comments gathered offline (座谈会, 走访, 意见箱), entered in bulk from Excel. */

export const importColumns = [
  { header: '条款', key: 'article', required: false, width: 12 },
  { header: '意见内容', key: 'content', required: true, width: 60 },
  { header: '参与人数', key: 'participants', required: true, width: 10 },
  { header: '收集日期', key: 'gatheredOn', required: true, width: 12 },
  { header: '提出人', key: 'name', required: false, width: 12 },
] as const;
type Key = (typeof importColumns)[number]['key'];

export const MAX_IMPORT_ROWS = 1000;

/** 第三条, 三, 3 name the third article; empty, 总体 or 全文 the draft as a whole. Undefined: not understood. */
export function articleNumberOf(text: string | undefined): number | null | undefined {
  const t = (text ?? '').replace(/\s/g, '');
  if (!t || t === '总体' || t === '全文' || t === '总体意见') return null;
  const n = chineseNumber(t.replace(/^第/, '').replace(/条$/, ''));
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** Checks every row and returns every problem at once, naming its row in Chinese, so the sheet is fixed in one pass. */
export function validateRows(rows: SheetRow<Key>[]): { valid: OfflineRow[]; errors: ImportResult['errors'] } {
  const valid: OfflineRow[] = [];
  const errors: ImportResult['errors'] = [];
  for (const raw of rows) {
    const problems: string[] = [];
    const articleNumber = articleNumberOf(raw.article);
    if (articleNumber === undefined) problems.push(`条款“${raw.article}”无法识别，应如“第三条”，对草案整体的意见请留空`);
    const content = raw.content ?? '';
    if (!content) problems.push('意见内容未填写');
    else if (content.length > legislationLimits.commentMax) problems.push(`意见内容最多 ${legislationLimits.commentMax} 个字`);
    const participants = Number(raw.participants);
    if (!raw.participants) problems.push('参与人数未填写');
    else if (!Number.isInteger(participants) || participants < 1 || participants > 10000) problems.push('参与人数应为 1 至 10000 的整数');
    const gatheredOn = raw.gatheredOn ? parseDate(raw.gatheredOn) : null;
    if (!raw.gatheredOn) problems.push('收集日期未填写');
    else if (!gatheredOn) problems.push(`收集日期“${raw.gatheredOn}”格式不正确，应如 2026-05-01`);
    if (raw.name && raw.name.length > legislationLimits.nameMax) problems.push(`提出人最多 ${legislationLimits.nameMax} 个字`);
    if (problems.length) errors.push({ row: raw.row, message: `第 ${raw.row} 行：${problems.join('；')}` });
    else
      valid.push({
        row: raw.row,
        ...(articleNumber ? { articleNumber } : {}),
        content,
        participants,
        gatheredOn: gatheredOn!,
        ...(raw.name ? { name: raw.name } : {}),
      });
  }
  return { valid, errors };
}

/**
 * Reads the sheet, checks every row, and writes all of them in one transaction, or none: a file with
 * any wrong row is refused with every row's problem, so nothing is lost or entered twice on a retry.
 */
export async function importOffline(db: Db, ctx: ActorContext, draftId: string, pointId: string, data: Buffer): Promise<ImportResult> {
  const rows = await readSheet(data, importColumns, { empty: '表格中没有意见', maxRows: MAX_IMPORT_ROWS });
  const { valid, errors } = validateRows(rows);
  return db.transaction(async (tx) => {
    const written = errors.length ? { errors: [], ids: [] } : await insertOffline(tx, ctx, draftId, pointId, valid);
    const all = [...errors, ...written.errors.map((e) => ({ row: e.row, message: `第 ${e.row} 行：${e.message}` }))];
    if (all.length)
      throw new DomainError('LEGISLATION_IMPORT_INVALID', `有 ${all.length} 行需要修改，整个文件未导入，请改正后重新上传`, { errors: all });
    return { imported: written.ids.length, participants: valid.reduce((s, r) => s + r.participants, 0), errors: [] };
  });
}

export const importTemplate = () =>
  sheetTemplate(
    '联系点意见',
    importColumns,
    [
      '“联系点意见”表第一行是表头，请从第二行起每行填写一条意见；带 * 的列必填。',
      '条款写作“第三条”；对草案整体的意见，条款留空。',
      '参与人数：提出或附议这条意见的人数（座谈会上多人同意的，填人数）。',
      '收集日期写作 2026-05-01，应在征求意见期间内。',
      '任何一行有错时整个文件都不会导入，请按提示改正后重新上传。',
    ],
    [['第三条', '（示例，请删除本行）建议明确河道保洁经费由市、区两级财政分担。', 12, '2026-05-01', '']],
  );
