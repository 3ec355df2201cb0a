import { describe, expect, it } from 'vitest';
import {
  quarterLabel,
  recentQuarters,
  stageDeadlineOf,
  stageDeadlines,
  stageDeadlineText,
  submitReportInput,
  supervisionStages,
  type SupervisionKind,
} from './supervision.js';

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

describe('the due dates of stages (stageDeadlines)', () => {
  it('has rules only for stages of their kind', () => {
    for (const [kind, byStage] of Object.entries(stageDeadlines) as [SupervisionKind, Record<string, unknown>][])
      for (const stage of Object.keys(byStage)) expect(supervisionStages[kind] as readonly string[]).toContain(stage);
  });
  it.each([
    ['special_report', 'draft_report', '常委会会议前20自然日'],
    ['special_report', 'handling', '进入阶段后2个月'],
    ['law_inspection', 'follow_up', '进入阶段后2个月'],
    ['special_inquiry', 'follow_up', '进入阶段后2个月'],
    ['work_evaluation', 'rectification', '进入阶段后2个月'],
    ['work_evaluation', 'investigation', null],
    ['special_report', 'research', null],
    ['major_project', 'quarterly', null],
  ] as const)('%s %s: %s', (kind, stage, text) => {
    const rule = stageDeadlineOf(kind, stage);
    expect(rule && stageDeadlineText(rule)).toBe(text);
  });
});
