import { describe, expect, it } from 'vitest';
import { rankByScore, scoreOf, defaultWeights } from './assessment.js';
import { birthDateOf, isValidIdNumber } from './id-number.js';
import { parseDate } from '../../platform/sheets.js';
import { validateImportRows } from './import.js';
import { sevenOnesOf } from './seven-ones.js';
import { allowedStatusChanges, findStatusChange, statusChanges } from './workflow.js';

describe('ID numbers (GB 11643)', () => {
  it.each([
    ['11010519491231002X', true],
    ['110105194912310021', false],
    ['33040219710412002', false],
    ['3304021971041200AX', false],
  ])('%s valid=%s', (id, valid) => expect(isValidIdNumber(id)).toBe(valid));
  it('reads the birth date', () => expect(birthDateOf('11010519491231002X')).toBe('1949-12-31'));
});

describe('import dates', () => {
  it.each([
    ['1975-03-02', '1975-03-02'],
    ['1975/3/2', '1975-03-02'],
    ['1975.3.2', '1975-03-02'],
    ['1975年3月2日', '1975-03-02'],
    ['1975-02-30', null],
    ['三月', null],
  ])('%s → %s', (text, iso) => expect(parseDate(text)).toBe(iso));
});

describe('import rows', () => {
  it('lists every problem with its row in Chinese and keeps only clean rows', () => {
    const { deputies, errors } = validateImportRows(
      [
        { row: 2, name: '王建华', gender: '男', idNumber: '11010519491231002X' },
        { row: 3, name: '李', gender: '男女', idNumber: '123' },
        { row: 4, name: '赵敏', idNumber: '11010519491231002X', phone: '12345' },
      ],
      new Set(),
    );
    expect(deputies.map((d) => d.name)).toEqual(['王建华']);
    expect(deputies[0]!.birthDate).toBe('1949-12-31');
    expect(errors.map((e) => e.message)).toEqual([
      '第 3 行：姓名至少 2 个字',
      '第 3 行：性别应填“男”或“女”，不是“男女”',
      '第 3 行：身份证号不正确（位数或校验位有误）',
      '第 4 行：手机号“12345”应为 11 位数字',
      '第 4 行：与第 2 行是同一人，重复',
    ]);
  });
});

describe('seven ones', () => {
  it('counts from the duty log and leaves unreported tasks uncounted', () => {
    const s = sevenOnesOf(
      2026,
      { countsByKind: { public_service: 1, inspection: 2, training: 1 }, votersReceived: 12, gridActivities: 0 },
      { collectOpinions: 2 },
    );
    const byKey = Object.fromEntries(s.items.map((i) => [i.key, i]));
    expect(byKey.contactVoters).toMatchObject({ count: 12, done: true });
    expect(byKey.collectOpinions).toMatchObject({ count: 2, done: false });
    expect(byKey.suggestion).toMatchObject({ count: null, done: false });
    expect(byKey.suggestion!.basis).toContain('暂不计数');
    expect(byKey.governance).toMatchObject({ count: 0, done: false });
    expect(byKey.doGoodDeed).toMatchObject({ count: 1, done: true });
    expect(byKey.attendActivities).toMatchObject({ count: 3, done: true });
    expect(s.done).toBe(3);
  });
});

describe('assessment', () => {
  it('applies points and yearly caps', () => {
    expect(scoreOf({ voter_reception: 20, training: 3, inspection: 1 }, defaultWeights)).toBe(50 + 6 + 4);
  });
  it('ranks equal scores together (1, 2, 2, 4)', () => {
    const ranked = rankByScore([
      { name: '乙', score: 10 },
      { name: '甲', score: 20 },
      { name: '丙', score: 10 },
      { name: '丁', score: 5 },
    ]);
    expect(ranked.map((r) => [r.score, r.rank, r.of])).toEqual([
      [20, 1, 4],
      [10, 2, 4],
      [10, 2, 4],
      [5, 4, 4],
    ]);
  });
});

describe('deputy status changes', () => {
  it.each(statusChanges.flatMap((s) => s.roles.map((role) => [s.from, s.to, role] as const)))(
    '%s → %s by %s is allowed',
    (from, to, role) => {
      expect(findStatusChange(from, to, role)).toBeDefined();
    },
  );
  it('a deceased deputy never changes status, and staff cannot reinstate', () => {
    expect(allowedStatusChanges('deceased', 'admin')).toEqual([]);
    expect(findStatusChange('resigned', 'in_office', 'staff')).toBeUndefined();
    expect(allowedStatusChanges('in_office', 'deputy')).toEqual([]);
  });
});
