import { describe, expect, it } from 'vitest';
import { compareArticles } from './compare.js';
import { groupSimilar } from './grouping.js';

const a = (label: string, text: string) => ({ label, text });

describe('compareArticles', () => {
  it('pairs an edited article, keeps renumbered ones the same, and names added and removed ones', () => {
    const before = [
      a('第一条', '为了加强河道保护，制定本条例。'),
      a('第二条', '禁止向河道倾倒垃圾。'),
      a('第三条', '本条例自公布之日起施行。'),
    ];
    const after = [
      a('第一条', '为了加强河道保护，制定本条例。'),
      a('第二条', '禁止向河道倾倒垃圾、排放污水。'),
      a('第三条', '河长应当每月巡河一次。'),
      a('第四条', '本条例自公布之日起施行。'),
    ];
    const rows = compareArticles(before, after);
    expect(rows.map((r) => [r.change, r.old?.label ?? null, r.new?.label ?? null])).toEqual([
      ['same', '第一条', '第一条'],
      ['changed', '第二条', '第二条'],
      ['added', null, '第三条'],
      ['same', '第三条', '第四条'],
    ]);
    const changed = rows[1]!.parts;
    expect(
      changed
        .filter((p) => p.added)
        .map((p) => p.value)
        .join(''),
    ).toBe('、排放污水');
    expect(
      changed
        .filter((p) => !p.added && !p.removed)
        .map((p) => p.value)
        .join(''),
    ).toBe('禁止向河道倾倒垃圾。');
  });

  it('names a removed article', () => {
    const rows = compareArticles([a('第一条', '甲。'), a('第二条', '乙。')], [a('第一条', '甲。')]);
    expect(rows.map((r) => r.change)).toEqual(['same', 'removed']);
  });
});

describe('groupSimilar', () => {
  it('groups comments about the same matter and keeps a different one apart', () => {
    const c = (id: string, content: string) => ({ id, content, quote: null, participants: 1 });
    const groups = groupSimilar([
      c('1', '建议河道保洁经费由市财政统一保障，避免乡镇经费不足。'),
      c('2', '河道保洁经费应当由市财政保障，乡镇财力有限。'),
      c('3', '电动自行车停放充电应当划定区域。'),
    ]);
    expect(groups.map((g) => g.comments.map((x) => x.id))).toEqual([['1', '2'], ['3']]);
    expect(groups[0]!.keywords).toContain('经费');
  });
});
