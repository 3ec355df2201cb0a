import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suggestions } from '../../db/schema.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { readExport } from '../../test/xlsx.js';

// 按编号: lists and the export in the register's order (docs/domain-rules.md), on the demo city's items.
let t: TestApp;
let staff: Awaited<ReturnType<TestApp['login']>>;

beforeAll(async () => {
  t = await buildTestApp();
  staff = await t.login('staff');
});
afterAll(() => t.close());

type Key = { id: string; year: number; period: string; bodyId: string; number: number | null };

/** The register's order, stated on its own: newest year, the session before between sessions, body, number, unnumbered last. */
function registerOrder(a: Key, b: Key) {
  return (
    b.year - a.year ||
    (a.period === b.period ? 0 : a.period === 'session' ? -1 : 1) ||
    a.bodyId.localeCompare(b.bodyId) ||
    (a.number ?? Infinity) - (b.number ?? Infinity) ||
    a.id.localeCompare(b.id)
  );
}

async function keysOf(ids: string[]): Promise<Key[]> {
  const rows = await t.db
    .select({
      id: suggestions.id,
      year: suggestions.year,
      period: suggestions.period,
      bodyId: suggestions.bodyId,
      number: suggestions.number,
    })
    .from(suggestions)
    .where(inArray(suggestions.id, ids));
  return ids.map((id) => rows.find((r) => r.id === id)!);
}

describe('suggestions sorted by number (按编号)', () => {
  it('lists every visible item in the register order, page after page', async () => {
    const ids: string[] = [];
    for (let page = 1; ; page++) {
      const { items } = (await staff.request('GET', `/api/suggestions?sort=number&pageSize=100&page=${page}`)).json();
      ids.push(...items.map((i: { id: string }) => i.id));
      if (items.length < 100) break;
    }
    expect(new Set(ids).size).toBe(ids.length);
    const keys = await keysOf(ids);
    expect(new Set(keys.map((k) => `${k.year}/${k.period}`)).size, 'the demo spans several series').toBeGreaterThan(1);
    expect(keys.map((k) => k.id)).toEqual([...keys].sort(registerOrder).map((k) => k.id));
    // Small pages cut the same order.
    const second = (await staff.request('GET', '/api/suggestions?sort=number&pageSize=10&page=2')).json();
    expect(second.items.map((i: { id: string }) => i.id)).toEqual(ids.slice(10, 20));
    // The default order is another one: the most recently changed first.
    const recent = (await staff.request('GET', '/api/suggestions?pageSize=100')).json();
    expect(recent.items.map((i: { id: string }) => i.id)).not.toEqual(ids.slice(0, 100));
  });

  it('within one session counts up from 第1号', async () => {
    const sessions = (await staff.request('GET', '/api/suggestion-sessions')).json().items as { id: string }[];
    let checked = 0;
    for (const s of sessions) {
      const { items } = (await staff.request('GET', `/api/suggestions?sort=number&sessionId=${s.id}&pageSize=100`)).json();
      const numbers = (await keysOf(items.map((i: { id: string }) => i.id))).map((k) => k.number ?? Infinity);
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
      if (numbers.filter(Number.isFinite).length > 1) checked++;
    }
    expect(checked, 'a session with several numbered items').toBeGreaterThan(0);
  });

  it('refuses an unknown order in Chinese', async () => {
    const res = await staff.request('GET', '/api/suggestions?sort=title');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('exports in the register order', async () => {
    const res = await staff.request('GET', '/api/suggestions/export');
    expect(res.statusCode).toBe(200);
    const listed = (await staff.request('GET', '/api/suggestions?sort=number&pageSize=100')).json();
    const { header, rows } = await readExport(res, '代表建议.xlsx');
    const numberColumn = header.indexOf('编号');
    expect(numberColumn).toBeGreaterThanOrEqual(0);
    const labels = listed.items.map((i: { numberLabel: string | null }) => i.numberLabel ?? '');
    expect(rows.slice(0, labels.length).map((r) => String(r[numberColumn] ?? ''))).toEqual(labels);
  });
});
