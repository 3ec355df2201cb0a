import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { readExport } from '../../test/xlsx.js';

let t: TestApp;
let staff: Awaited<ReturnType<TestApp['login']>>;
beforeAll(async () => {
  t = await buildTestApp();
  staff = await t.login('staff');
});
afterAll(() => t.close());

type Station = { name: string; kind: string; bodyName: string };

describe('stations export', () => {
  it('downloads the list with Chinese headers, filtered and ordered like the list', async () => {
    const all = await readExport(await staff.request('GET', '/api/stations/export.xlsx'), '代表联络站.xlsx');
    expect(all.header).toEqual(['名称', '类型', '所属人大', '所在区域', '地址', '所在场所', '接待时间', '联络员', '联系电话', '状态']);
    const list = (await staff.request('GET', '/api/stations?pageSize=100')).json<{ items: Station[]; total: number }>();
    expect(all.rows.map((r) => r[0])).toEqual(list.items.map((s) => s.name));

    const kind = 'liaison_station';
    const filtered = (await staff.request('GET', `/api/stations?kind=${kind}&pageSize=100`)).json<{ items: Station[]; total: number }>();
    const file = await readExport(await staff.request('GET', `/api/stations/export.xlsx?kind=${kind}&page=3`), '代表联络站.xlsx');
    expect(file.rows.map((r) => r[0])).toEqual(filtered.items.map((s) => s.name));
    expect(file.rows.length).toBeGreaterThan(0);
    expect(file.rows.length).toBeLessThan(all.rows.length);
    expect(new Set(file.rows.map((r) => r[1]))).toEqual(new Set(['代表联络站']));
  });

  it('is refused to a role that may not read the stations', async () => {
    const unit = await t.login('unit');
    expect((await unit.request('GET', '/api/stations/export.xlsx')).statusCode).toBe(403);
  });
});
