import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suggestions } from '../../db/schema.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { insertSuggestion, SEARCH_COUNT_CAP, updateSuggestion } from './repository.js';
import { backfillSearchTokens } from './search-repository.js';

type Session = Awaited<ReturnType<TestApp['login']>>;
type ListPage = { items: { id: string; title: string; leadDeputyName: string }[]; total: number; totalIsLowerBound?: boolean };
let t: TestApp;
let staff: Session;

const search = async (q: string, extra = '') =>
  (await staff.request('GET', `/api/suggestions?q=${encodeURIComponent(q)}${extra}`)).json<ListPage>();

/** A submitted copy of a demo suggestion with other texts, written through the repository like the service does. */
async function copyWith(title: string, content: string) {
  const [demo] = await t.db.select().from(suggestions).where(eq(suggestions.state, 'closed')).limit(1);
  const { id: _id, number: _n, numberSeries: _s, searchTokens: _t, ...rest } = demo!;
  return insertSuggestion(t.db, { ...rest, title, content, state: 'submitted', createdAt: new Date(), updatedAt: new Date() });
}

beforeAll(async () => {
  t = await buildTestApp();
  staff = await t.login('staff');
}, 180_000);
afterAll(() => t.close());

describe('keyword search over suggestions (jieba words)', () => {
  it('finds the words of a keyword in any order, in the title or the content', async () => {
    const lift = await copyWith('关于老旧住宅加装电梯的建议', '建议市财政对加装电梯给予每台二十万元补贴，简化审批。');
    const reversed = await search('电梯加装');
    expect(reversed.items.map((i) => i.id)).toContain(lift.id);
    expect((await search('加装电梯补贴')).items.map((i) => i.id)).toContain(lift.id);
    // A word only in the content.
    expect((await search('审批')).items.map((i) => i.id)).toContain(lift.id);
    // Every word must occur.
    expect((await search('电梯 学位')).items.map((i) => i.id)).not.toContain(lift.id);
    expect((await search('电梯')).totalIsLowerBound).toBe(false);
  });

  it('matches the lead deputy by name, and what is no word by substring of the title', async () => {
    const byName = await search('秀英');
    expect(byName.total).toBeGreaterThan(0);
    expect(byName.items.every((i) => i.leadDeputyName.includes('秀英'))).toBe(true);
    expect((await search('%')).total).toBe(0);
    expect((await search("' & !")).total).toBe(0);
  });

  it('keeps the tokens with the texts when a suggestion is edited', async () => {
    const item = await copyWith('关于增设公交线路的建议', '城南片区公交班次少。');
    expect((await search('公交班次')).items.map((i) => i.id)).toContain(item.id);
    await updateSuggestion(t.db, item.id, { title: '关于增设社区食堂的建议', content: '老年人就餐不便。' });
    expect((await search('公交班次')).items.map((i) => i.id)).not.toContain(item.id);
    expect((await search('社区食堂')).items.map((i) => i.id)).toContain(item.id);
    await expect(updateSuggestion(t.db, item.id, { title: '只改标题' })).rejects.toThrow('the title and content are written together');
  });

  it('fills the tokens of rows written before the column existed', async () => {
    const item = await copyWith('关于治理河道黑臭水体的建议', '部分河道黑臭。');
    await t.db.update(suggestions).set({ searchTokens: null }).where(eq(suggestions.id, item.id));
    expect((await search('黑臭水体')).items.map((i) => i.id)).not.toContain(item.id);
    expect(await backfillSearchTokens(t.db, 1)).toBeGreaterThanOrEqual(1);
    expect((await search('黑臭水体')).items.map((i) => i.id)).toContain(item.id);
    const { rows } = (await t.db.execute(sql`SELECT count(*)::int AS empty FROM suggestions WHERE search_tokens IS NULL`)) as unknown as {
      rows: { empty: number }[];
    };
    expect(rows[0]!.empty).toBe(0);
  });

  it(`counts the matches of a keyword up to ${SEARCH_COUNT_CAP} and says when there are more`, async () => {
    const item = await copyWith('关于规范共享单车停放的建议', '共享单车乱停放。');
    await t.db.execute(sql`INSERT INTO suggestions (id, body_id, session_id, kind, period, year, title, content, field, lead_deputy_id,
        created_by, state, search_tokens)
      SELECT gen_random_uuid(), body_id, session_id, kind, period, year, title, content, field, lead_deputy_id, created_by, state, search_tokens
      FROM suggestions, generate_series(1, ${SEARCH_COUNT_CAP}) WHERE id = ${item.id}`);
    const first = await search('共享单车');
    expect(first).toMatchObject({ total: SEARCH_COUNT_CAP, totalIsLowerBound: true });
    expect(first.items).toHaveLength(20);
    // Pages past the counted ones still come back, and the total never falls behind them.
    const far = await search('共享单车', `&page=51&pageSize=20`);
    expect(far.items).toHaveLength(1);
    expect(far.total).toBe(SEARCH_COUNT_CAP + 1);
    // Without a keyword the count is exact.
    expect((await staff.request('GET', '/api/suggestions')).json<ListPage>().totalIsLowerBound).toBe(false);
  });
});
