import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { opinions } from './tables.js';
import { makeStationAndDeputy } from './test-fixtures.js';

type Session = Awaited<ReturnType<TestApp['login']>>;
let t: TestApp;
let staff: Session;
let ip = 0;

async function submit(station: string, content: string, category = 'urban_construction', location?: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/public/opinions',
    payload: { station, category, content, ...(location ? { location } : {}) },
    remoteAddress: `10.9.0.${++ip}`,
  });
  expect(res.statusCode, res.body).toBe(201);
  const code = res.json<{ trackingCode: string }>().trackingCode.replaceAll('-', '');
  const [row] = await t.db.select({ id: opinions.id }).from(opinions).where(eq(opinions.trackingCode, code));
  return row!.id;
}

const similar = (s: Session, id: string) => s.request('GET', `/api/opinions/${id}/similar`);
type Item = { id: string; score: number; summary: string; trackingCode: string; status: string };

let city: { stationCode: string };
let ids: Record<'lift' | 'liftAgain' | 'liftDeclined' | 'liftOld' | 'traffic' | 'liftOtherBody', string>;

beforeAll(async () => {
  t = await buildTestApp();
  staff = await t.login('staff');
  const xzstaff = await t.login('xzstaff');
  city = await makeStationAndDeputy(t.db, staff.user.bodyId);
  const xiuzhou = await makeStationAndDeputy(t.db, xzstaff.user.bodyId, '（秀洲）');
  const lift = '我们小区是九十年代的老小区，六层没有电梯，老人上下楼很困难，希望政府出台加装电梯补贴政策。';
  ids = {
    lift: await submit(city.stationCode, lift, 'urban_construction', '南湖区东栅街道'),
    liftAgain: await submit(city.stationCode, '建议对老旧小区加装电梯给予财政补贴，老年人上下楼太难了。', 'social_security'),
    liftDeclined: await submit(city.stationCode, '老小区加装电梯补贴什么时候出台？老人上下楼困难。'),
    liftOld: await submit(city.stationCode, '老旧小区没有电梯，希望给加装电梯补贴，老人上下楼困难。'),
    traffic: await submit(city.stationCode, '学校门口早晚高峰交通拥堵，希望增加交警疏导。', 'transport'),
    liftOtherBody: await submit(xiuzhou.stationCode, lift),
  };
  expect(
    (await staff.request('POST', `/api/opinions/${ids.liftDeclined}/actions/decline`, { action: 'decline', reason: '重复提交' }))
      .statusCode,
  ).toBe(200);
  await t.db
    .update(opinions)
    .set({ createdAt: new Date(Date.now() - 120 * 86_400_000) })
    .where(eq(opinions.id, ids.liftOld));
}, 180_000);
afterAll(() => t.close());

describe('similar opinions (GET /api/opinions/:id/similar)', () => {
  it('offers recent opinions of the same body that read alike, most similar first, with the score', async () => {
    const res = await similar(staff, ids.lift);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{ items: Item[] }>().items;
    expect(items.map((i) => i.id)).toContain(ids.liftAgain);
    expect(items[0]).toMatchObject({ id: ids.liftAgain, status: 'submitted', summary: expect.stringContaining('加装电梯') });
    expect(items[0]!.score).toBeGreaterThanOrEqual(0.2);
    expect(items[0]!.score).toBeLessThanOrEqual(1);
    expect(items.map((i) => i.score)).toEqual([...items.map((i) => i.score)].sort((a, b) => b - a));
    // Not the unrelated one, the declined one, the one older than 90 days, nor another body's.
    for (const other of [ids.lift, ids.traffic, ids.liftDeclined, ids.liftOld, ids.liftOtherBody])
      expect(items.map((i) => i.id)).not.toContain(other);
    expect(items.length).toBeLessThanOrEqual(5);
  });

  it('lets staff merge the duplicate it found; a merged opinion is no longer offered', async () => {
    const [top] = (await similar(staff, ids.liftAgain)).json<{ items: Item[] }>().items;
    expect(top?.id).toBe(ids.lift);
    const merged = await staff.request('POST', `/api/opinions/${ids.liftAgain}/actions/merge`, { action: 'merge', intoId: top!.id });
    expect(merged.json()).toMatchObject({ status: 'merged', mergedIntoId: ids.lift });
    const after = (await similar(staff, ids.lift)).json<{ items: Item[] }>().items;
    expect(after.map((i) => i.id)).not.toContain(ids.liftAgain);
  });

  it('is for triage staff of the body only', async () => {
    expect((await similar(await t.login('leader'), ids.lift)).statusCode).toBe(403);
    expect((await similar(await t.login('unit'), ids.lift)).statusCode).toBe(403);
    expect((await similar(await t.login('xzstaff'), ids.lift)).statusCode).toBe(404);
    expect((await similar(staff, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/opinions/${ids.lift}/similar` })).statusCode).toBe(401);
  });
});
