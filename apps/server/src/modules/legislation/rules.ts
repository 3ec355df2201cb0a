import type { ArticleInput, DraftState, VersionInput } from '@renda/shared';
import { DomainError } from '../../platform/errors.js';
import { articleLabel, parseArticles } from './articles.js';

/**
 * Public comment is taken only in the announced period (立法法第三十九条、第七十四条: drafts are
 * published for comment, normally for at least thirty days); outside it the page says why.
 * `today` is a China calendar date.
 */
export function commentWindowRefusal(draft: { state: string; commentFrom: string; commentTo: string }, today: string): string | null {
  const state = draft.state as DraftState;
  if (state === 'drafting') return '该法规草案尚未公开征求意见';
  if (state !== 'open') return `征求意见已于 ${draft.commentTo} 截止，感谢您的关注`;
  if (today < draft.commentFrom) return `征求意见将于 ${draft.commentFrom} 开始，请届时再提交`;
  if (today > draft.commentTo) return `征求意见已于 ${draft.commentTo} 截止，感谢您的关注`;
  return null;
}

/**
 * A contact point gathers comments offline (座谈会, 走访) and enters them afterwards, so it may enter
 * them until staff close the period; the day they were gathered must lie within the period.
 */
export function offlineRefusal(draft: { state: string; commentFrom: string; commentTo: string }, gatheredOn: string, today: string) {
  if (draft.state !== 'open') return draft.state === 'drafting' ? '该法规草案尚未公开征求意见' : '征求意见已结束，不能再录入意见';
  if (gatheredOn < draft.commentFrom || gatheredOn > draft.commentTo)
    return `收集日期应在征求意见期间（${draft.commentFrom} 至 ${draft.commentTo}）内`;
  if (gatheredOn > today) return '收集日期不能晚于今天';
  return null;
}

/** Abuse limits of the public page per phone number (per address they come from the opinions module). */
export const phoneLimits = { perHour: 5, perDay: 20 } as const;

export interface VersionArticles {
  preamble: string;
  articles: { number: number; label: string; chapter: string; text: string }[];
  warnings: string[];
}

/** The articles of a new version: parsed from the pasted text, or the entered ones in order. */
export function versionArticles(input: VersionInput): VersionArticles {
  if (input.text?.trim()) {
    const parsed = parseArticles(input.text);
    if (!parsed.articles.length)
      throw new DomainError('LEGISLATION_NO_ARTICLES', '未能从草案全文中识别出条文，请确认每条以“第一条”“第二条”……开头', {
        fields: [{ path: 'version.text', message: '未识别出条文' }],
      });
    return parsed;
  }
  const articles = (input.articles ?? []).map((a: ArticleInput) => ({ ...a, label: articleLabel(a.number) }));
  const numbers = articles.map((a) => a.number);
  if (new Set(numbers).size !== numbers.length) throw new DomainError('LEGISLATION_ARTICLE_REPEATED', '条文序号有重复，请核对');
  return { preamble: '', articles, warnings: [] };
}
