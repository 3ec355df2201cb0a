import { reportBackStateLabel, type PerformanceSection, type ReportBackState } from '@renda/shared';
import type { Executor } from '../../db/client.js';
import { ratingCounts } from './ratings-repository.js';
import * as repo from './repository.js';
import { resultsOf } from './rules.js';

export const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/** 晒 and 评 in the performance file: each report-back of the period with the voters' verdict. */
export async function reportBackSection(db: Executor, deputyId: string, from: string, to: string): Promise<PerformanceSection | null> {
  const events = await repo.reportBacksOfDeputy(db, deputyId, from, to);
  if (events.length === 0) return null;
  const counts = await ratingCounts(
    db,
    events.map((e) => e.id),
  );
  const rows = events.map((e) => {
    const r = resultsOf(counts.get(e.id) ?? {});
    return [
      e.heldOn,
      e.title,
      e.place,
      reportBackStateLabel[e.state as ReportBackState],
      `${r.counts.satisfied} / ${r.counts.basically_satisfied} / ${r.counts.dissatisfied}`,
      percent(r.satisfactionRate),
    ];
  });
  const all = resultsOf(
    [...counts.values()].reduce<Record<string, number>>((sum, c) => {
      for (const [k, n] of Object.entries(c)) sum[k] = (sum[k] ?? 0) + (n ?? 0);
      return sum;
    }, {}),
  );
  return {
    key: 'reportbacks',
    title: '回选区述职及选民评议',
    summary: `本期回选区述职 ${events.length} 次，选民评价 ${all.total} 人次，满意率 ${percent(all.satisfactionRate)}（满意与基本满意占全部评价的比例）。`,
    header: ['日期', '述职主题', '地点', '状态', '满意 / 基本满意 / 不满意', '满意率'],
    rows,
  };
}
