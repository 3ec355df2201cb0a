import {
  withheldDeputyName,
  type Page,
  type PublicSuggestion,
  type PublicSuggestionQuery,
  type PublicSuggestionSession,
  type ReplyCategoryOption,
} from '@renda/shared';
import type { Db } from '../../db/client.js';
import { pageResult } from '../../platform/pagination.js';
import type { PublicCardSource } from '../deputies/index.js';
import {
  findPublishedById,
  findPublishedOfDeputy,
  findPublishedPage,
  findPublishedSessions,
  type PublishedRow,
} from './portal-repository.js';
import { cardCountsOfDeputy } from './repository.js';
import { categoryLabel } from './categories.js';
import { numberLabel } from './presenters.js';
import { settingsFor } from './settings.js';

// The public portal (公开): released replies of disclosed items, personal data removed. No login.

/** Personal data a deputy or a unit may have written into the text: phone numbers, ID numbers, e-mail addresses. */
export function redactPersonal(text: string): string {
  return text
    .replace(/\b\d{17}[\dXx]\b/g, '[身份证号已隐去]')
    .replace(/(?<!\d)1[3-9]\d{9}(?!\d)/g, '[手机号已隐去]')
    .replace(/(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g, '[电话已隐去]')
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '[邮箱已隐去]');
}

/** Each body's result-category labels (its own scheme, else inherited, else A/B/C), read once per page. */
async function categoryLabels(db: Db, rows: PublishedRow[]) {
  const labels = new Map<string, ReplyCategoryOption[]>();
  for (const bodyId of new Set(rows.map((r) => r.s.bodyId))) labels.set(bodyId, (await settingsFor(db, bodyId)).replyCategories);
  return (r: PublishedRow) => {
    const label = categoryLabel(labels.get(r.s.bodyId) ?? [], r.replyCategory);
    return label ? `${r.replyCategory}类：${label}` : `${r.replyCategory}类`;
  };
}

function presentPublic(r: PublishedRow, categoryText: (r: PublishedRow) => string): PublicSuggestion {
  return {
    id: r.s.id,
    bodyName: r.bodyName,
    sessionName: r.sessionName,
    numberLabel: numberLabel(r.s, r.sessionName),
    kind: r.s.kind as PublicSuggestion['kind'],
    title: r.s.title,
    content: redactPersonal(r.s.content),
    field: r.s.field as PublicSuggestion['field'],
    // 保密: a deputy who withheld their name from the units is not named to the public either.
    leadDeputyName: r.s.confidential ? withheldDeputyName : r.deputyName,
    cosignerNames: r.s.confidential ? [] : r.cosignerNames,
    unitName: r.unitName,
    replyCategory: r.replyCategory as PublicSuggestion['replyCategory'],
    replyCategoryLabel: categoryText(r),
    reply: redactPersonal(r.reply),
    releasedAt: r.releasedAt!.toISOString(),
  };
}

export async function pagePublished(db: Db, q: PublicSuggestionQuery): Promise<Page<PublicSuggestion>> {
  const { rows, total } = await findPublishedPage(db, q);
  const categoryText = await categoryLabels(db, rows);
  return pageResult(
    rows.map((r) => presentPublic(r, categoryText)),
    total,
    q,
  );
}

/** Sessions with at least one published item, newest first: the portal's session filter. */
export const publishedSessions = (db: Db): Promise<PublicSuggestionSession[]> => findPublishedSessions(db);

export async function getPublished(db: Db, id: string): Promise<PublicSuggestion | null> {
  const row = await findPublishedById(db, id);
  return row ? presentPublic(row, await categoryLabels(db, [row])) : null;
}

/** How many of a deputy's published suggestions their public card lists. */
const CARD_SUGGESTIONS = 5;

/**
 * The suggestions part of a deputy's public card (代表码): this year's suggestions they led or co-signed,
 * how many were answered, and a few of them with a link to the portal, which already shows them.
 */
export const publicCardFromSuggestions: PublicCardSource = async (db, deputyId, from, to) => {
  const [counts, published] = await Promise.all([
    cardCountsOfDeputy(db, deputyId, from, to),
    findPublishedOfDeputy(db, deputyId, from, to, CARD_SUGGESTIONS),
  ]);
  return {
    thisYear: { suggestionsLed: counts.led, suggestionsCosigned: counts.cosigned, suggestionsAnswered: counts.answered },
    publishedSuggestions: published.map((s) => ({ title: s.title, url: `/m/suggestions?id=${s.id}` })),
  };
};
