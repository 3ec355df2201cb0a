import { describe, expect, it } from 'vitest';
import { quarterLabel, recentQuarters, submitReportInput } from './supervision.js';

describe('quarters of a 季度专报', () => {
  it('reads a stored quarter in Chinese', () => {
    expect(quarterLabel('2026Q2')).toBe('2026年第二季度');
    expect(quarterLabel('2025Q4')).toBe('2025年第四季度');
  });
  it('offers the current quarter and the seven before it, across the new year', () => {
    expect(recentQuarters('2027-02-10')).toEqual(['2027Q1', '2026Q4', '2026Q3', '2026Q2', '2026Q1', '2025Q4', '2025Q3', '2025Q2']);
    expect(recentQuarters('2026-12-31')[0]).toBe('2026Q4');
  });
  it('offers only quarters the report input accepts', () => {
    for (const period of recentQuarters('2026-06-30'))
      expect(submitReportInput.safeParse({ title: '季度专报', content: '进展', period }).success).toBe(true);
  });
});
