import ExcelJS from 'exceljs';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@renda/shared';
import { auditEvents, notifications } from '../../db/schema.js';
import type { TestApp } from '../../test/app.js';
import { mayReadContact } from './rules.js';
import { opinionByCode, opinionsTestApp } from './test-fixtures.js';

// 个人信息保护法第二十三条: the handling unit sees the citizen's name and phone only with their consent;
// staff see them, and every read of them (detail, action answer, export) is in the audit trail.

type Session = Awaited<ReturnType<TestApp['login']>>;
let t: TestApp;
let staff: Session;
let unit: Session;
let housingUnitId: string;
let stationCode: string;
let ip = 0;

const consenting = { name: '张桂英', phone: '13900000101' };
const declining = { name: '李建华', phone: '13900000102' };
let withConsent: string;
let withoutConsent: string;
const codes = new Map<string, string>();

async function submit(citizen: { name: string; phone: string }, contactConsent: boolean) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/public/opinions',
    remoteAddress: `10.9.0.${++ip}`,
    payload: {
      station: stationCode,
      category: 'urban_construction',
      content: '小区门口的路灯坏了一个多月，晚上出行不安全。',
      ...citizen,
      contactConsent,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  const code = res.json<{ trackingCode: string }>().trackingCode;
  const { id } = await opinionByCode(t.db, code);
  codes.set(code, id);
  return id;
}

async function routeToHousing(id: string) {
  for (const body of [{}, { handlingUnitId: housingUnitId, routeKind: 'special_assignment' }]) {
    const action = 'handlingUnitId' in body ? 'route' : 'accept';
    const res = await staff.request('POST', `/api/opinions/${id}/actions/${action}`, body);
    expect(res.statusCode, res.body).toBe(200);
  }
}

const contactReads = (actorId: string) =>
  t.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entity, 'opinion'), eq(auditEvents.action, 'readContact'), eq(auditEvents.actorId, actorId)))
    .orderBy(auditEvents.id);

async function sheetOf(s: Session, url = '/api/opinions/export') {
  const res = await s.request('GET', url);
  expect(res.statusCode, res.body).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1);
  const rows = sheet.getSheetValues().slice(2) as unknown[][];
  const col = (h: string) => headers.indexOf(h) + 1;
  // Only this file's opinions: the demo data has others.
  return rows
    .filter((r) => r && codes.has(r[col('查询码')] as string))
    .map((r) => ({
      id: codes.get(r[col('查询码')] as string),
      name: r[col('反映人')] ?? null,
      phone: r[col('手机号')] ?? null,
      consent: r[col('同意承办单位联系')],
    }));
}

beforeAll(async () => {
  let qr;
  ({ t, staff, unit, housingUnitId, cityQr: qr } = await opinionsTestApp());
  stationCode = qr.stationCode;
  withConsent = await submit(consenting, true);
  withoutConsent = await submit(declining, false);
  for (const id of [withConsent, withoutConsent]) await routeToHousing(id);
});
afterAll(() => t.close());

describe('who may read the citizen’s contact details', () => {
  it.each<[Role, boolean, boolean]>([
    ['staff', false, true],
    ['staff', true, true],
    ['leader', false, true],
    ['handling_unit', false, false],
    ['handling_unit', true, true],
    ['deputy', true, false],
    ['admin', true, false],
  ])('%s, consent %s → %s', (role, consent, allowed) => {
    expect(mayReadContact(role, consent)).toBe(allowed);
  });
});

describe('the handling unit', () => {
  it('gets no name or phone without the citizen’s consent, is told why, and can still reply', async () => {
    const res = await unit.request('GET', `/api/opinions/${withoutConsent}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ citizenName: null, citizenPhone: null, contactConsent: false, contactWithheld: true });
    expect(res.body).not.toContain(declining.phone);
    expect(res.body).not.toContain(declining.name);

    for (const [action, body] of [
      ['signFor', {}],
      ['reply', { text: '已安排维修人员更换路灯，三日内完成。' }],
    ] as const) {
      const step = await unit.request('POST', `/api/opinions/${withoutConsent}/actions/${action}`, body);
      expect(step.statusCode, step.body).toBe(200);
      expect(step.body).not.toContain(declining.phone);
      expect(step.json()).toMatchObject({ citizenPhone: null, contactWithheld: true });
    }
    const list = await unit.request('GET', '/api/opinions/assigned');
    expect(list.body).not.toContain(declining.phone);
    // Nothing the unit's accounts were sent names the citizen either.
    const sent = await t.db.select().from(notifications).where(eq(notifications.userId, unit.user.id));
    expect(sent.length).toBeGreaterThan(0);
    expect(JSON.stringify(sent)).not.toContain(declining.phone);
    expect(JSON.stringify(sent)).not.toContain(declining.name);
  });

  it('sees the name and phone with consent, and the read is audited without the phone', async () => {
    const before = (await contactReads(unit.user.id)).length;
    const res = await unit.request('GET', `/api/opinions/${withConsent}`);
    expect(res.json()).toMatchObject({ citizenName: consenting.name, citizenPhone: consenting.phone, contactWithheld: false });
    const reads = await contactReads(unit.user.id);
    expect(reads.length).toBe(before + 1);
    expect(reads.at(-1)).toMatchObject({ entityId: withConsent, actorName: '刘明', after: { via: 'detail', fields: ['name', 'phone'] } });
    expect(JSON.stringify(reads.map((r) => r.after))).not.toContain(consenting.phone);
  });

  it('reading an opinion without consent records no read of contact details', async () => {
    const before = await contactReads(unit.user.id);
    await unit.request('GET', `/api/opinions/${withoutConsent}`);
    expect(await contactReads(unit.user.id)).toEqual(before);
  });

  it('exports its opinions with the phone only where the citizen consented; the export is audited once', async () => {
    const before = (await contactReads(unit.user.id)).length;
    const rows = await sheetOf(unit, '/api/opinions/assigned/export');
    expect(rows, JSON.stringify(rows)).toHaveLength(2);
    expect(rows.find((r) => r.id === withoutConsent)).toEqual({ id: withoutConsent, name: null, phone: null, consent: '否' });
    expect(rows.find((r) => r.id === withConsent)).toEqual({
      id: withConsent,
      name: consenting.name,
      phone: consenting.phone,
      consent: '是',
    });
    const reads = await contactReads(unit.user.id);
    const exportRead = reads.slice(before).find((r) => (r.after as { via: string }).via === 'export');
    const ids = (exportRead?.after as { opinionIds: string[] }).opinionIds;
    expect(ids).toContain(withConsent);
    expect(ids).not.toContain(withoutConsent);
    expect(JSON.stringify(reads.map((r) => r.after))).not.toContain(consenting.phone);
  });
});

describe('staff', () => {
  it('see the contact details whatever the citizen chose, each read audited with who and when', async () => {
    const before = (await contactReads(staff.user.id)).length;
    const res = await staff.request('GET', `/api/opinions/${withoutConsent}`);
    expect(res.json()).toMatchObject({
      citizenName: declining.name,
      citizenPhone: declining.phone,
      contactConsent: false,
      contactWithheld: false,
    });
    const reads = await contactReads(staff.user.id);
    expect(reads.length).toBe(before + 1);
    const last = reads.at(-1)!;
    expect(last).toMatchObject({ entityId: withoutConsent, after: { via: 'detail', fields: ['name', 'phone'] } });
    expect(last.at).toBeInstanceOf(Date);
    expect(JSON.stringify(reads.map((r) => r.after))).not.toContain(declining.phone);
  });

  it('export every phone, and the file is recorded as one read naming the opinions', async () => {
    const rows = await sheetOf(staff);
    expect(rows.map((r) => r.phone)).toEqual(expect.arrayContaining([consenting.phone, declining.phone]));
    const exports = (await contactReads(staff.user.id)).filter((r) => (r.after as { via: string }).via === 'export');
    expect(exports).toHaveLength(1);
    expect((exports[0]?.after as { opinionIds: string[] }).opinionIds).toEqual(expect.arrayContaining([withConsent, withoutConsent]));
  });

  it('a bulk action returns no details, so it records no read of contact details', async () => {
    const id = await submit({ name: '王秀兰', phone: '13900000103' }, false);
    const before = await contactReads(staff.user.id);
    const res = await staff.request('POST', '/api/opinions/bulk-accept', { ids: [id] });
    expect(res.json()).toEqual({ done: [id], failed: [] });
    const after = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'readContact'), inArray(auditEvents.entityId, [id])));
    expect(after).toEqual([]);
    expect(await contactReads(staff.user.id)).toEqual(before);
  });
});
