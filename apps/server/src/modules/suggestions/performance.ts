import {
  ratingLabel,
  replyCategoryLabel,
  suggestionKindLabel,
  suggestionStateLabel,
  type PerformanceSection,
  type Rating,
  type ReplyCategory,
  type SuggestionKind,
  type SuggestionState,
} from '@renda/shared';
import type { Executor } from '../../db/client.js';
import { numberLabel } from './presenters.js';
import * as repo from './repository.js';

/** 提出代表建议 in the deputy's performance file: each suggestion led or co-signed, and how it was handled. */
export async function suggestionSection(db: Executor, deputyId: string, from: string, to: string): Promise<PerformanceSection | null> {
  const rows = await repo.listSubmittedByDeputy(db, deputyId, from, to);
  if (rows.length === 0) return null;
  const led = rows.filter((r) => r.s.leadDeputyId === deputyId).length;
  const solved = rows.filter((r) => r.s.replyCategory === 'A').length;
  return {
    key: 'suggestions',
    title: '提出议案、建议',
    summary: `本期领衔提出 ${led} 件、联名 ${rows.length - led} 件，其中所提问题已解决（A 类答复）${solved} 件。`,
    header: ['编号', '类别', '标题', '身份', '主办单位', '状态', '办理结果类别', '代表测评'],
    rows: rows.map(({ s, sessionName, leadUnitName }) => [
      numberLabel(s, sessionName) ?? '—',
      suggestionKindLabel[s.kind as SuggestionKind],
      s.title,
      s.leadDeputyId === deputyId ? '领衔' : '联名',
      leadUnitName ?? '—',
      suggestionStateLabel[s.state as SuggestionState],
      s.replyCategory ? `${s.replyCategory} 类（${replyCategoryLabel[s.replyCategory as ReplyCategory]}）` : '',
      s.rating ? ratingLabel[s.rating as Rating] : '',
    ]),
  };
}
