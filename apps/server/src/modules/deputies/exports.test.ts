import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dutyKindLabel } from '@renda/shared';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { readExport } from '../../test/xlsx.js';
import { allDutyKinds } from './seven-ones.js';

let t: TestApp;
let staff: Awaited<ReturnType<TestApp['login']>>;
let deputy: Awaited<ReturnType<TestApp['login']>>;
let leader: Awaited<ReturnType<TestApp['login']>>;
beforeAll(async () => {
  t = await buildTestApp();
  staff = await t.login('staff');
  deputy = await t.login('deputy');
  leader = await t.login('leader');
});
afterAll(() => t.close());

type Duty = { title: string; kind: keyof typeof dutyKindLabel; occurredOn: string };

describe('duty log export', () => {
  it('downloads the log with Chinese headers, filtered and newest first like the list', async () => {
    const all = await readExport(await staff.request('GET', '/api/duties/export.xlsx'), '履职登记.xlsx');
    expect(all.header.slice(0, 5)).toEqual(['活动日期', '活动类型', '标题', '地点', '参加代表']);
    const list = (await staff.request('GET', '/api/duties?pageSize=100')).json<{ items: Duty[]; total: number }>();
    expect(all.rows.length).toBe(list.total);

    const kind = 'voter_reception';
    const filtered = (await staff.request('GET', `/api/duties?kind=${kind}&pageSize=100`)).json<{ items: Duty[]; total: number }>();
    const file = await readExport(await staff.request('GET', `/api/duties/export.xlsx?kind=${kind}`), '履职登记.xlsx');
    expect(file.rows.length).toBe(filtered.total);
    expect(file.rows.length).toBeGreaterThan(0);
    expect(file.rows.length).toBeLessThan(all.rows.length);
    expect(file.rows.slice(0, 100).map((r) => [r[0], r[2]])).toEqual(filtered.items.map((d) => [d.occurredOn, d.title]));
    expect(new Set(file.rows.map((r) => r[1]))).toEqual(new Set([dutyKindLabel[kind]]));
  });

  it('gives a deputy only the records they took part in', async () => {
    const own = (await deputy.request('GET', '/api/duties?pageSize=100')).json<{ items: Duty[]; total: number }>();
    const file = await readExport(await deputy.request('GET', '/api/duties/export.xlsx'), '履职登记.xlsx');
    expect(file.rows.map((r) => r[2])).toEqual(own.items.map((d) => d.title));
    const all = (await staff.request('GET', '/api/duties?pageSize=1')).json<{ total: number }>();
    expect(file.rows.length).toBeLessThan(all.total);
  });

  it('is refused to a role that may not read the log', async () => {
    expect((await leader.request('GET', '/api/duties/export.xlsx')).statusCode).toBe(403);
  });
});

describe('assessment ranking export', () => {
  type Row = { deputyId: string; name: string; rank: number; score: number; counts: Record<string, number> };

  it('downloads the ranking with a column per kind of duty, for the body, term, year and group chosen', async () => {
    const me = (await deputy.request('GET', '/api/me/deputy')).json<{ bodyId: string; term: string }>();
    const year = new Date().getFullYear();
    const q = `bodyId=${me.bodyId}&term=${encodeURIComponent(me.term)}&year=${year}`;
    const ranking = (await staff.request('GET', `/api/assessment/ranking?${q}`)).json<{ items: Row[] }>().items;
    const all = await readExport(await staff.request('GET', `/api/assessment/ranking.xlsx?${q}`), `${year}年量化考评排名.xlsx`);
    expect(all.header).toEqual(['名次', '姓名', '得分', ...allDutyKinds.map((k) => dutyKindLabel[k])]);
    expect(all.rows).toEqual(ranking.map((r) => [r.rank, r.name, r.score, ...allDutyKinds.map((k) => r.counts[k] ?? 0)]));

    const groups = (await deputy.request('GET', '/api/me/groups')).json<{ items: { id: string; name: string }[] }>().items;
    const group = groups.find((g) => g.name === '南湖区代表小组')!;
    const inGroup = (await staff.request('GET', `/api/assessment/ranking?${q}&groupId=${group.id}`)).json<{ items: Row[] }>().items;
    const file = await readExport(
      await staff.request('GET', `/api/assessment/ranking.xlsx?${q}&groupId=${group.id}`),
      `${year}年量化考评排名.xlsx`,
    );
    expect(file.rows.map((r) => r[1])).toEqual(inGroup.map((r) => r.name));
    expect(file.rows.length).toBeGreaterThan(0);
    expect(file.rows.length).toBeLessThan(all.rows.length);
  });

  it('is refused to a role that may not read the registry', async () => {
    const me = (await deputy.request('GET', '/api/me/deputy')).json<{ bodyId: string; term: string }>();
    const res = await deputy.request(
      'GET',
      `/api/assessment/ranking.xlsx?bodyId=${me.bodyId}&term=${encodeURIComponent(me.term)}&year=2026`,
    );
    expect(res.statusCode).toBe(403);
  });
});
