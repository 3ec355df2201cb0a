import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/app.js';

type Session = Awaited<ReturnType<TestApp['login']>>;

let t: TestApp;
let staff: Session;
let admin: Session;
let deputy: Session;
let deputyId: string;
let stationId: string;
beforeAll(async () => {
  t = await buildTestApp();
  [staff, admin, deputy] = [await t.login('staff'), await t.login('admin'), await t.login('deputy')];
  deputyId = (await staff.request('GET', '/api/deputies?pageSize=1')).json().items[0].id;
  stationId = (await staff.request('GET', '/api/stations?pageSize=1')).json().items[0].id;
});
afterAll(() => t.close());

const day = { from: '2026-05-01', to: '2026-05-31' };
const instant = { from: '2026-05-01T00:00:00+08:00', to: '2026-05-31T23:59:59+08:00' };

/** Every list and report that takes a period: who asks, and the URL with the period appended. */
const queries: [string, () => Session, (r: { from: string; to: string }) => string][] = [
  ['audit trail', () => admin, (r) => `/api/audit?from=${encodeURIComponent(r.from)}&to=${encodeURIComponent(r.to)}`],
  ['audit export', () => admin, (r) => `/api/audit/export?from=${encodeURIComponent(r.from)}&to=${encodeURIComponent(r.to)}`],
  ['duty records', () => staff, (r) => `/api/duties?from=${r.from}&to=${r.to}`],
  ['the opinions inbox', () => staff, (r) => `/api/opinions?from=${r.from}&to=${r.to}`],
  ['suggestions', () => staff, (r) => `/api/suggestions?from=${r.from}&to=${r.to}`],
  ['a deputy’s performance file', () => staff, (r) => `/api/deputies/${deputyId}/performance?from=${r.from}&to=${r.to}`],
  ['my performance file', () => deputy, (r) => `/api/me/performance?from=${r.from}&to=${r.to}`],
  ['report-backs', () => staff, (r) => `/api/reportbacks?from=${r.from}&to=${r.to}`],
  ['report-backs export', () => staff, (r) => `/api/reportbacks/export.xlsx?from=${r.from}&to=${r.to}`],
  ['a station’s rota', () => staff, (r) => `/api/stations/${stationId}/rota?from=${r.from}&to=${r.to}`],
  ['station figures', () => staff, (r) => `/api/stations/figures?from=${r.from}&to=${r.to}`],
];
const isAudit = (name: string) => name.startsWith('audit');

describe('a reversed period is refused with a Chinese 400, not answered with an empty 200', () => {
  it.each(queries)('%s', async (name, who, url) => {
    const r = isAudit(name) ? instant : day;
    const reversed = await who().request('GET', url({ from: r.to, to: r.from }));
    expect(reversed.statusCode, reversed.body).toBe(400);
    expect(reversed.json().error).toEqual({
      code: 'VALIDATION_FAILED',
      message: '请求参数有误：结束日期不能早于开始日期',
      details: { fields: [{ path: 'to', message: '结束日期不能早于开始日期' }] },
    });
    // The same period the right way round, and a single day, are answered.
    expect((await who().request('GET', url(r))).statusCode).toBe(200);
    expect((await who().request('GET', url({ from: r.from, to: r.from }))).statusCode).toBe(200);
  });

  it('compares date-times by the instant they name, whatever their offsets', async () => {
    const sameInstant = `/api/audit?from=${encodeURIComponent('2026-05-01T08:00:00+08:00')}&to=${encodeURIComponent('2026-05-01T00:00:00Z')}`;
    expect((await admin.request('GET', sameInstant)).statusCode).toBe(200);
    const earlier = `/api/audit?from=${encodeURIComponent('2026-05-01T09:00:00+08:00')}&to=${encodeURIComponent('2026-05-01T00:30:00Z')}`;
    expect((await admin.request('GET', earlier)).statusCode).toBe(400);
  });
});

describe('forms with a period refuse one that ends before it starts', () => {
  it('a congress session closing before it opens', async () => {
    const res = await staff.request('POST', '/api/suggestion-sessions', {
      bodyId: staff.user.bodyId,
      name: '第十六届人民代表大会第五次会议',
      year: 2026,
      startsOn: '2026-02-05',
      endsOn: '2026-02-03',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('提交的内容有误：结束日期不能早于开始日期');
    expect(res.json().error.details.fields).toEqual([{ path: 'endsOn', message: '结束日期不能早于开始日期' }]);
  });

  it('a weekly rota repeat running backwards', async () => {
    const res = await staff.request('POST', `/api/stations/${stationId}/rota/repeat`, {
      from: '2026-06-30',
      to: '2026-06-01',
      weekdays: [2],
      startTime: '09:00',
      endTime: '11:00',
      topic: '听取群众意见',
      responsibleName: '李晓燕',
      deputyIds: [deputyId],
      preview: true,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toEqual([{ path: 'to', message: '结束日期不能早于开始日期' }]);
  });
});
