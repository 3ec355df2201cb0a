import {
  ratingLabel,
  replyCategoryLabel,
  suggestionKindLabel,
  suggestionPeriodLabel,
  suggestionStateLabel,
  type SuggestionQuery,
} from '@renda/shared';
import type { Db } from '../../db/client.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext } from '../../platform/context.js';
import { workbook } from '../../platform/documents.js';
import { presentListItem } from './presenters.js';
import * as repo from './repository.js';

/** The list as the user filtered it, as an Excel workbook. */
export async function exportXlsx(db: Db, ctx: ActorContext, q: Partial<SuggestionQuery>): Promise<Buffer> {
  const now = clock.now();
  const rows = (await repo.listForExport(db, ctx.actor, q, now)).map((r) => presentListItem(r, now, ctx.actor.role));
  const date = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '');
  return workbook(
    '代表建议',
    [
      { header: '编号', key: 'number', width: 16, value: (r) => r.numberLabel },
      { header: '会议', key: 'session', width: 36, value: (r) => r.sessionName ?? suggestionPeriodLabel[r.period] },
      { header: '类别', key: 'kind', width: 8, value: (r) => suggestionKindLabel[r.kind] },
      { header: '标题', key: 'title', width: 48, value: (r) => r.title },
      { header: '领衔代表', key: 'deputy', width: 12, value: (r) => r.leadDeputyName },
      { header: '联名人数', key: 'cosigners', width: 10, value: (r) => r.cosignerCount },
      { header: '主办单位', key: 'unit', width: 28, value: (r) => r.leadUnitName },
      { header: '状态', key: 'state', width: 12, value: (r) => suggestionStateLabel[r.state] },
      {
        header: '办理结果类别',
        key: 'category',
        width: 24,
        value: (r) => (r.replyCategory ? `${r.replyCategory}类（${replyCategoryLabel[r.replyCategory]}）` : ''),
      },
      { header: '测评', key: 'rating', width: 10, value: (r) => (r.rating ? ratingLabel[r.rating] : '') },
      { header: '答复期限', key: 'due', width: 14, value: (r) => date(r.dueAt) },
      { header: '是否逾期', key: 'overdue', width: 10, value: (r) => (r.overdue ? '逾期' : '') },
      { header: '重点建议', key: 'key', width: 10, value: (r) => (r.isKey ? '是' : '') },
    ],
    rows,
  );
}
