import { describe, expect, it } from 'vitest';
import { itemCategory, itemRating, nearestDue, separateItemState } from './separate.js';

const part = (state: string, round = 1) => ({ state, round });

describe('分别办理: the item follows its parts', () => {
  it.each([
    ['no unit has signed for yet', [part('assigned'), part('assigned')], 'assigned'],
    ['one unit asks for reassignment before anyone signs', [part('reassignment_requested'), part('assigned')], 'reassignment_requested'],
    ['one unit signed for', [part('signed_for'), part('assigned')], 'handling'],
    ['one replied, the other still handling', [part('replied'), part('signed_for')], 'handling'],
    ['one released, the other still owed', [part('released'), part('assigned')], 'handling'],
    ['a part reopened after dissatisfaction', [part('rated'), part('signed_for', 2)], 'rehandling'],
    ['both replied, one awaiting review', [part('replied'), part('released')], 'replied'],
    ['both released, one rated', [part('rated'), part('released')], 'reply_released'],
    ['every part rated', [part('rated'), part('rated')], 'rated'],
    ['a withdrawn part does not count', [part('withdrawn'), part('rated'), part('rated')], 'rated'],
  ] as const)('%s → %s', (_case, parts, state) => {
    expect(separateItemState([...parts])).toBe(state);
  });

  it('is due on the nearest deadline among the parts still owed', () => {
    const d = (s: string) => new Date(s);
    expect(
      nearestDue([
        { ...part('replied'), dueAt: d('2026-05-01') },
        { ...part('signed_for'), dueAt: d('2026-06-16') },
        { ...part('assigned'), dueAt: d('2026-06-20') },
      ]),
    ).toEqual(d('2026-06-16'));
    expect(nearestDue([{ ...part('released'), dueAt: d('2026-05-01') }])).toBeNull();
  });

  it('counts as solved and satisfied only when every part is', () => {
    expect(itemCategory(['A', 'A'])).toBe('A');
    expect(itemCategory(['A', 'C', 'B'])).toBe('C');
    expect(itemRating(['satisfied', 'basically_satisfied'])).toBe('basically_satisfied');
    expect(itemRating(['satisfied', 'dissatisfied'])).toBe('dissatisfied');
    expect(itemRating([])).toBeNull();
  });
});
