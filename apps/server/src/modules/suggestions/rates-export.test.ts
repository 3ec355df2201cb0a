import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ratePercent, suggestionRatesColumns, suggestionRatesLabel, type SuggestionRates } from '@renda/shared';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { readExport } from '../../test/xlsx.js';

let t: TestApp;
let leader: Awaited<ReturnType<TestApp['login']>>;
beforeAll(async () => {
  t = await buildTestApp();
  leader = await t.login('leader');
});
afterAll(() => t.close());

type Rates = {
  overall: SuggestionRates;
  byUnit: (SuggestionRates & { unitName: string })[];
  byBody: (SuggestionRates & { bodyName: string })[];
  categories: { code: 'A' | 'B' | 'C' | 'D'; label: string }[];
};
// The page's columns, the result categories being the counted body's own (A/B/C by default).
let categories: Rates['categories'] = [];
const columns = () =>
  suggestionRatesColumns.flatMap((k): (keyof SuggestionRates)[] =>
    k === 'categoryA' ? categories.map((c) => `category${c.code}` as const) : [k],
  );
const line = (r: SuggestionRates) => columns().map((k) => (k.endsWith('Rate') ? ratePercent(r[k] as number | null) : r[k]));

describe('rates export', () => {
  it('downloads the figures of the page: the total, each lead unit and each body, for the filters chosen', async () => {
    const json = (await leader.request('GET', '/api/suggestions/rates')).json<Rates>();
    categories = json.categories;
    expect(categories.map((c) => c.code)).toEqual(['A', 'B', 'C']);
    const all = await readExport(await leader.request('GET', '/api/suggestions/rates.xlsx'), '建议办理统计.xlsx');
    expect(all.header).toEqual([
      '统计口径',
      '名称',
      ...suggestionRatesColumns.flatMap((k) =>
        k === 'categoryA' ? categories.map((c) => `${c.code}类（${c.label}）`) : [suggestionRatesLabel[k]],
      ),
    ]);
    expect(all.header).toContain('满意率');
    expect(all.rows[0]).toEqual(['合计', '全部', ...line(json.overall)]);
    expect(all.rows.filter((r) => r[0] === '承办单位')).toEqual(json.byUnit.map((u) => ['承办单位', u.unitName, ...line(u)]));
    const bodyLines = json.byBody.length > 1 ? json.byBody.map((b) => ['人大机关', b.bodyName, ...line(b)]) : [];
    expect(all.rows.filter((r) => r[0] === '人大机关')).toEqual(bodyLines);

    // One congress session chosen, as on the page.
    const session = (await leader.request('GET', '/api/suggestion-sessions')).json<{ items: { id: string }[] }>().items[0]!;
    const one = (await leader.request('GET', `/api/suggestions/rates?sessionId=${session.id}`)).json<Rates>();
    const file = await readExport(await leader.request('GET', `/api/suggestions/rates.xlsx?sessionId=${session.id}`), '建议办理统计.xlsx');
    expect(file.rows[0]).toEqual(['合计', '全部', ...line(one.overall)]);
    expect(file.rows.slice(1).map((r) => r[1])).toEqual(one.byUnit.map((u) => u.unitName));
    expect(one.overall.assigned).toBeGreaterThan(0);

    // A year with no items: the total line alone, with nothing counted.
    const empty = await readExport(await leader.request('GET', '/api/suggestions/rates.xlsx?year=2025'), '建议办理统计.xlsx');
    expect(empty.rows).toEqual([['合计', '全部', 0, 0, '—', '—', '—', '—', '—', 0, 0, 0, 0, 0]]);
    expect(all.rows.length).toBeGreaterThan(1);
  });

  it('is refused to a role that may not read the rates', async () => {
    const deputy = await t.login('deputy');
    expect((await deputy.request('GET', '/api/suggestions/rates.xlsx')).statusCode).toBe(403);
  });
});
