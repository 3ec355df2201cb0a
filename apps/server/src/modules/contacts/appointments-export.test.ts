import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { readExport } from '../../test/xlsx.js';

let t: TestApp;
let staff: Awaited<ReturnType<TestApp['login']>>;
let deputy: Awaited<ReturnType<TestApp['login']>>;
beforeAll(async () => {
  t = await buildTestApp();
  staff = await t.login('staff');
  deputy = await t.login('deputy');
  const units = (await deputy.request('GET', '/api/appointments/units')).json<{ items: { id: string; name: string }[] }>().items;
  const unitId = units.find((u) => u.name === '嘉兴市住房和城乡建设局')!.id;
  const res = await deputy.request('POST', '/api/appointments', {
    unitId,
    official: '局长',
    topic: '老旧小区加装电梯推进缓慢',
    reason: '烟雨社区 12 幢加装电梯审批已逾半年，居民多次反映。',
  });
  expect(res.statusCode, res.body).toBe(201);
});
afterAll(() => t.close());

type Appointment = { topic: string; deputyName: string; unitName: string; stateLabel: string };
const file = '代表约见.xlsx';

describe('appointments export', () => {
  it('downloads the list with Chinese headers, filtered and newest first like the list', async () => {
    const all = await readExport(await staff.request('GET', '/api/appointments/export.xlsx'), file);
    expect(all.header.slice(0, 6)).toEqual(['约见事项', '代表', '代表小组', '约见机关', '约见负责人', '状态']);
    const list = (await staff.request('GET', '/api/appointments?pageSize=100')).json<{ items: Appointment[] }>().items;
    expect(all.rows.map((r) => [r[0], r[1], r[3], r[5]])).toEqual(list.map((a) => [a.topic, a.deputyName, a.unitName, a.stateLabel]));
    expect(all.rows.length).toBeGreaterThan(1);

    const requested = (await staff.request('GET', '/api/appointments?state=requested')).json<{ items: Appointment[] }>().items;
    const filtered = await readExport(await staff.request('GET', '/api/appointments/export.xlsx?state=requested'), file);
    expect(filtered.rows.map((r) => r[0])).toEqual(requested.map((a) => a.topic));
    expect(filtered.rows.length).toBeGreaterThan(0);
    expect(filtered.rows.length).toBeLessThan(all.rows.length);
    expect(new Set(filtered.rows.map((r) => r[5]))).toEqual(new Set(['待审核']));
  });

  it('gives an agency only the appointments with it', async () => {
    const unit = await t.login('jtunit');
    const own = (await unit.request('GET', '/api/appointments?pageSize=100')).json<{ items: Appointment[] }>().items;
    const exported = await readExport(await unit.request('GET', '/api/appointments/export.xlsx'), file);
    expect(exported.rows.map((r) => r[0])).toEqual(own.map((a) => a.topic));
    expect(new Set(exported.rows.map((r) => r[3]))).toEqual(new Set(['嘉兴市交通运输局']));
  });

  it('every role may read appointments, so only a visitor without a session is refused', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/appointments/export.xlsx' })).statusCode).toBe(401);
  });
});
