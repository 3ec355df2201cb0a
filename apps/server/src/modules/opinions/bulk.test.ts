import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, notifications, outboxMessages, users } from '../../db/schema.js';
import { clock } from '../../platform/clock.js';
import { opinionByCode, opinionsTestApp, type OpinionsTestApp } from './test-fixtures.js';

let t: OpinionsTestApp['t'];
let staff: Session;
let xzstaff: Session;
let leader: Session;
let unit: Session;
let admin: Session;
let cityQr: OpinionsTestApp['cityQr'];
let xzQr: OpinionsTestApp['xzQr'];
let housingUnitId: string;
type Session = OpinionsTestApp['staff'];
let phone = 13700000000;

/** A citizen's opinion through the public form, with its own phone number; answers its id and tracking code. */
async function submitted(station = cityQr.stationCode) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/public/opinions',
    payload: { station, category: 'transport', content: '公交站台没有遮雨棚，下雨天等车淋雨。', phone: String(++phone) },
    remoteAddress: `10.4.${phone % 200}.1`,
  });
  expect(res.statusCode, res.body).toBe(201);
  const code = res.json<{ trackingCode: string }>().trackingCode;
  const row = await opinionByCode(t.db, code);
  return { id: row!.id, code, phone: row!.citizenPhone! };
}
async function accepted() {
  const o = await submitted();
  expect((await staff.request('POST', `/api/opinions/${o.id}/actions/accept`, { action: 'accept' })).statusCode).toBe(200);
  return o;
}
const track = async (code: string) => (await t.app.inject({ method: 'GET', url: `/api/public/opinions/${code}` })).json();
const smsTo = async (recipient: string) =>
  (await t.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, recipient))).map((m) => m.body);
const auditActions = async (ids: string[]) =>
  (
    await t.db
      .select({ id: auditEvents.entityId, action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'opinion'), inArray(auditEvents.entityId, ids)))
  ).map((a) => `${a.id}:${a.action}`);

beforeAll(async () => {
  ({ t, staff, xzstaff, leader, unit, admin, cityQr, xzQr, housingUnitId } = await opinionsTestApp());
});
afterAll(() => t.close());
beforeEach(() => clock.reset());

describe('批量不予受理', () => {
  it('declines each item as the single action does, tells each citizen the reason, and reports the refused ones', async () => {
    const [a, b] = [await submitted(), await submitted()];
    const alreadyAccepted = await accepted();
    const reason = '所反映事项已进入诉讼程序，请通过法院依法解决';
    const res = await staff.request('POST', '/api/opinions/bulk-decline', { ids: [a.id, alreadyAccepted.id, b.id, a.id], reason });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      done: [a.id, b.id],
      failed: [{ id: alreadyAccepted.id, code: 'OPINION_ACTION_NOT_ALLOWED', message: '当前状态（已受理）不能执行此操作' }],
    });
    for (const o of [a, b]) {
      expect(await track(o.code)).toMatchObject({ status: 'declined', statusLabel: '不予受理', declineReason: reason });
      expect(await smsTo(o.phone)).toContain(`【嘉兴市人大常委会】您反映的意见（查询码 ${o.code}）不予受理，原因可凭查询码查看。`);
    }
    expect(await auditActions([a.id, b.id, alreadyAccepted.id])).toEqual(expect.arrayContaining([`${a.id}:decline`, `${b.id}:decline`]));
    expect((await auditActions([alreadyAccepted.id])).filter((x) => x.endsWith(':decline'))).toEqual([]);
  });

  it('keeps a lower body’s staff to their own opinions: the city’s item fails alone', async () => {
    const own = await submitted(xzQr.stationCode);
    const city = await submitted();
    const res = await xzstaff.request('POST', '/api/opinions/bulk-decline', { ids: [city.id, own.id], reason: '不属于人大职责范围' });
    expect(res.json()).toEqual({
      done: [own.id],
      failed: [{ id: city.id, code: 'NOT_FOUND', message: '群众意见不存在或无权查看' }],
    });
    expect((await track(city.code)).status).toBe('submitted');
    expect((await track(own.code)).status).toBe('declined');
  });

  it('refuses a blank reason, an empty or oversized selection and other roles, with structured errors, changing nothing', async () => {
    const o = await submitted();
    const blank = await staff.request('POST', '/api/opinions/bulk-decline', { ids: [o.id], reason: ' ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ path: 'reason', message: '请填写理由' }] },
    });
    const none = await staff.request('POST', '/api/opinions/bulk-decline', { ids: [], reason: '不属于人大职责范围' });
    expect(none.json().error.details.fields).toEqual([{ path: 'ids', message: '请选择意见' }]);
    const many = Array.from({ length: 201 }, () => o.id);
    expect(
      (await staff.request('POST', '/api/opinions/bulk-decline', { ids: many, reason: '不属于人大职责范围' })).json().error.message,
    ).toContain('一次最多 200 条');
    for (const who of [leader, unit, admin]) {
      const res = await who.request('POST', '/api/opinions/bulk-decline', { ids: [o.id], reason: '不属于人大职责范围' });
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toMatchObject({ code: 'FORBIDDEN', message: '没有权限执行此操作' });
    }
    expect((await track(o.code)).status).toBe('submitted');
  });
});

describe('批量转办', () => {
  it('routes each item to one unit in one way, with the deadline of the rule in force, as the single action does', async () => {
    clock.set(new Date('2026-03-02T02:00:00Z')); // Monday 10:00 in China
    // The city has its own period for replies: 10 working days.
    const rule = await admin.request('PUT', '/api/admin/deadline-rules/opinion.reply', {
      bodyId: staff.user.bodyId,
      rule: { amount: 10, unit: 'working_days' },
    });
    expect(rule.statusCode, rule.body).toBe(200);
    const [a, b] = [await accepted(), await accepted()];
    const notYetAccepted = await submitted();
    const preview = (await staff.request('GET', `/api/opinions/${a.id}/route-deadline`)).json();
    expect(preview).toMatchObject({ dueDate: '2026-03-16', rule: '10个工作日' });

    const res = await staff.request('POST', '/api/opinions/bulk-route', {
      ids: [a.id, notYetAccepted.id, b.id],
      handlingUnitId: housingUnitId,
      routeKind: 'meeting_reminder',
      note: '请一并核查全市公交站台遮雨设施',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      done: [a.id, b.id],
      failed: [{ id: notYetAccepted.id, code: 'OPINION_ACTION_NOT_ALLOWED', message: '当前状态（待受理）不能执行此操作' }],
    });
    for (const o of [a, b]) {
      const detail = (await staff.request('GET', `/api/opinions/${o.id}`)).json();
      expect(detail).toMatchObject({
        status: 'routed',
        handlingUnitName: '嘉兴市住房和城乡建设局',
        routeKind: 'meeting_reminder',
        routeNote: '请一并核查全市公交站台遮雨设施',
        dueAt: preview.dueAt,
      });
      expect(detail.timeline.at(-1)).toMatchObject({ action: 'route', note: '以会议提醒方式转交嘉兴市住房和城乡建设局' });
      expect(await track(o.code)).toMatchObject({ statusLabel: '已转交承办单位办理', dueDate: '2026-03-16' });
      expect(await smsTo(o.phone)).toContain(`【嘉兴市人大常委会】您反映的意见（查询码 ${o.code}）已转交承办单位办理。`);
    }
    expect(await auditActions([a.id, b.id])).toEqual(expect.arrayContaining([`${a.id}:route`, `${b.id}:route`]));
    // The unit was told of each and lists both.
    const [unitUser] = await t.db.select().from(users).where(eq(users.username, 'unit'));
    const told = await t.db.select().from(notifications).where(eq(notifications.userId, unitUser!.id));
    expect(told.filter((n) => n.title === '新的转办群众意见').length).toBeGreaterThanOrEqual(2);
    const assigned = (await unit.request('GET', '/api/opinions/assigned?pageSize=100')).json();
    expect(assigned.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([a.id, b.id]));
    await admin.request('PUT', '/api/admin/deadline-rules/opinion.reply', { bodyId: staff.user.bodyId, rule: null });
  });

  it('refuses a unit outside the scope for each item, a missing way, and other roles', async () => {
    const o = await accepted();
    const xzUnit = await xzstaff.request('POST', '/api/opinions/bulk-route', {
      ids: [o.id],
      handlingUnitId: housingUnitId,
      routeKind: 'petition_referral',
    });
    expect(xzUnit.json()).toEqual({ done: [], failed: [{ id: o.id, code: 'NOT_FOUND', message: '群众意见不存在或无权查看' }] });
    const noWay = await staff.request('POST', '/api/opinions/bulk-route', { ids: [o.id], handlingUnitId: housingUnitId });
    expect(noWay.statusCode).toBe(400);
    expect(noWay.json().error.details.fields).toMatchObject([{ path: 'routeKind', message: '请选择转办方式' }]);
    const noUnit = await staff.request('POST', '/api/opinions/bulk-route', { ids: [o.id], routeKind: 'petition_referral' });
    expect(noUnit.json().error.details.fields).toEqual([{ path: 'handlingUnitId', message: '请选择承办单位' }]);
    const unknownUnit = await staff.request('POST', '/api/opinions/bulk-route', {
      ids: [o.id],
      handlingUnitId: '00000000-0000-7000-8000-000000000000',
      routeKind: 'petition_referral',
    });
    expect(unknownUnit.json().failed).toEqual([{ id: o.id, code: 'NOT_FOUND', message: '承办单位不存在或无权查看' }]);
    for (const who of [leader, unit]) {
      const res = await who.request('POST', '/api/opinions/bulk-route', {
        ids: [o.id],
        handlingUnitId: housingUnitId,
        routeKind: 'petition_referral',
      });
      expect(res.statusCode).toBe(403);
    }
    expect((await track(o.code)).status).toBe('accepted');
  });
});

describe('the API reference', () => {
  it('documents the bulk actions and the category dictionary with Chinese summaries and their schemas', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const summary = (path: string, method: string) => doc.paths[path][method].summary as string;
    expect(summary('/api/opinions/bulk-decline', 'post')).toBe('批量不予受理（同一理由，各条分别告知群众）');
    expect(summary('/api/opinions/bulk-route', 'post')).toMatch(/^批量转办/);
    expect(summary('/api/opinions/categories', 'delete')).toMatch(/^恢复默认/);
    expect(doc.paths['/api/opinions/bulk-route'].post.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['ids', 'handlingUnitId', 'routeKind']),
    );
  });
});
