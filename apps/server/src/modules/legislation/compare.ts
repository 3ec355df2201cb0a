import { diffArrays, diffChars } from 'diff';
import type { VersionComparison } from '@renda/shared';

type Article = { label: string; text: string };
type Row = VersionComparison['rows'][number];

const part = (value: string, added = false, removed = false) => ({ value, added, removed });

/**
 * Article-by-article comparison of two versions. Articles are aligned by their text with the `diff`
 * package's array diff (renumbering alone does not make an article changed); a run of removed articles
 * followed by a run of added ones pairs up as changed articles, with the character-level changes.
 */
export function compareArticles(before: Article[], after: Article[]): Row[] {
  const rows: Row[] = [];
  const changes = diffArrays(before, after, { comparator: (a, b) => a.text === b.text });
  let oldIndex = 0;
  let newIndex = 0;
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i]!;
    const next = changes[i + 1];
    if (!change.added && !change.removed) {
      for (let k = 0; k < change.count; k++)
        rows.push({ change: 'same', old: before[oldIndex + k]!, new: after[newIndex + k]!, parts: [] });
      oldIndex += change.count;
      newIndex += change.count;
    } else if (change.removed && next?.added) {
      const paired = Math.min(change.count, next.count);
      for (let k = 0; k < Math.max(change.count, next.count); k++) {
        const old = k < change.count ? before[oldIndex + k]! : null;
        const neu = k < next.count ? after[newIndex + k]! : null;
        if (k < paired) rows.push({ change: 'changed', old, new: neu, parts: changedParts(old!.text, neu!.text) });
        else rows.push(old ? { change: 'removed', old, new: null, parts: [] } : { change: 'added', old: null, new: neu, parts: [] });
      }
      oldIndex += change.count;
      newIndex += next.count;
      i++;
    } else if (change.removed) {
      for (let k = 0; k < change.count; k++) rows.push({ change: 'removed', old: before[oldIndex + k]!, new: null, parts: [] });
      oldIndex += change.count;
    } else {
      for (let k = 0; k < change.count; k++) rows.push({ change: 'added', old: null, new: after[newIndex + k]!, parts: [] });
      newIndex += change.count;
    }
  }
  return rows;
}

const changedParts = (a: string, b: string) => diffChars(a, b).map((p) => part(p.value, Boolean(p.added), Boolean(p.removed)));
