import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, bodies, outboxMessages } from '../../db/schema.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { multipart } from '../../test/multipart.js';
import { withCheckCharacter } from './id-number.js';

let t: TestApp;
let staff: Awaited<ReturnType<TestApp['login']>>;
let xiuzhouId: string;
beforeAll(async () => {
  t = await buildTestApp();
  staff = await t.login('staff');
  xiuzhouId = (await t.db.query.bodies.findFirst({ where: eq(bodies.regionCode, '330411') }))!.id;
});
afterAll(() => t.close());

const idNumber = (seq: number) => withCheckCharacter(`33041119800101${String(seq).padStart(3, '0')}`);

async function newDeputy(name: string, seq: number, phone: string | null) {
  const res = await staff.request('POST', '/api/deputies', { bodyId: xiuzhouId, term: '第十届', name, idNumber: idNumber(seq), phone });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; publicCode: string };
}

describe('logins created from the registry', () => {
  it('gives selected deputies a login: the password shown once, or sent by SMS to the deputy’s mobile', async () => {
    const withPhone = await newDeputy('登录甲', 771, '13900007701');
    const without = await newDeputy('登录乙', 772, null);
    const res = await staff.request('POST', '/api/deputies/logins', { deputyIds: [withPhone.id, without.id] });
    expect(res.statusCode, res.body).toBe(200);
    const { created, skipped } = res.json() as {
      created: { deputyId: string; username: string; password: string | null; smsTo: string | null }[];
      skipped: unknown[];
    };
    expect(skipped).toEqual([]);
    const sms = created.find((c) => c.deputyId === withPhone.id)!;
    const shown = created.find((c) => c.deputyId === without.id)!;
    expect(sms).toMatchObject({ username: `d${withPhone.publicCode}`, password: null, smsTo: '139****7701' });
    expect(shown.password).toMatch(/^[A-Za-z]{4}\d{2}[A-Za-z]{4}\d{2}$/);

    // The deputy without a phone logs in with the shown password and is the registry's deputy.
    const deputy = await t.login(shown.username, shown.password!);
    const me = (await deputy.request('GET', '/api/auth/me')).json();
    expect(me.user ?? me).toMatchObject({ role: 'deputy', displayName: '登录乙', passwordMustChange: true });
    expect((await deputy.request('GET', '/api/suggestions')).json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await staff.request('GET', `/api/deputies/${without.id}`)).json().userId).toBe(deputy.user.id);

    // The other's password went by SMS through the outbox, marked secret (masked in the outbox list).
    const [message] = await t.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, '13900007701'));
    expect(message!.body).toMatch(new RegExp(`用户名 ${sms.username}，初始密码 ⟦[A-Za-z0-9]{12}⟧`));
    const password = /⟦([^⟧]+)⟧/.exec(message!.body)![1]!;
    expect((await t.login(sms.username, password)).user.id).toBeTruthy();

    // Once is enough: a second request skips both, and nothing else is created. Audited on the deputy.
    const again = (await staff.request('POST', '/api/deputies/logins', { deputyIds: [without.id] })).json();
    expect(again).toEqual({ created: [], skipped: [{ deputyId: without.id, name: '登录乙', reason: '已有登录账号' }] });
    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, without.id));
    expect(audit.map((e) => e.action)).toContain('create_login');
    expect(JSON.stringify(audit.map((e) => [e.before, e.after]))).not.toContain(shown.password!);
  });

  it('is for staff within their scope only', async () => {
    const deputy = await t.login('deputy');
    const other = await newDeputy('登录丙', 773, null);
    expect((await deputy.request('POST', '/api/deputies/logins', { deputyIds: [other.id] })).statusCode).toBe(403);
    expect((await staff.request('POST', '/api/deputies/logins', { deputyIds: [] })).statusCode).toBe(400);
  });

  it('gives a handling unit a login from the units page', async () => {
    const admin = await t.login('admin');
    const units = (await admin.request('GET', '/api/handling-units?q=教育局&pageSize=50')).json().items as { id: string; name: string }[];
    const unit = units.find((u) => u.name === '嘉兴市教育局')!;
    const res = await admin.request('POST', `/api/admin/handling-units/${unit.id}/logins`, { displayName: '钱晓燕', phone: null });
    expect(res.statusCode, res.body).toBe(201);
    const login = res.json() as { username: string; password: string };
    expect(login.username).toMatch(/^u[a-z2-9]{8}$/);
    const person = await t.login(login.username, login.password);
    const me = (await person.request('GET', '/api/auth/me')).json();
    expect(me.user ?? me).toMatchObject({ role: 'handling_unit', handlingUnitId: unit.id, passwordMustChange: true });
    expect((await staff.request('POST', `/api/admin/handling-units/${unit.id}/logins`, { displayName: '钱晓燕' })).statusCode).toBe(403);
    const audit = (await admin.request('GET', `/api/audit?entity=handling_unit&entityId=${unit.id}&action=create_login`)).json().items;
    expect(audit).toEqual([expect.objectContaining({ entityTitle: '嘉兴市教育局' })]);
  });

  it('opens logins for the deputies of a registry import in the same go, when asked', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('代表名册');
    ws.addRow(['姓名*', '性别', '出生日期', '政治面貌', '工作单位', '选区（选举单位）', '手机号', '身份证号*']);
    ws.addRow(['导入甲', '男', '1980-01-01', null, null, null, '13900007781', idNumber(781)]);
    ws.addRow(['导入乙', '女', '1980-01-01', null, null, null, null, idNumber(782)]);
    const fields = { bodyId: xiuzhouId, term: '第十届', openLogins: 'true' };
    const { payload, headers } = await multipart(fields, [
      { name: 'file', fileName: 'dm.xlsx', data: Buffer.from(await book.xlsx.writeBuffer()) },
    ]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/deputies/import',
      payload,
      cookies: staff.cookies,
      headers: { ...headers, 'x-csrf-token': staff.token },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { imported, logins } = res.json() as {
      imported: number;
      logins: { created: { displayName: string; username: string; password: string | null; smsTo: string | null }[]; skipped: unknown[] };
    };
    expect(imported).toBe(2);
    expect(logins.skipped).toEqual([]);
    expect(logins.created.map((c) => [c.displayName, c.smsTo])).toEqual(
      expect.arrayContaining([
        ['导入甲', '139****7781'],
        ['导入乙', null],
      ]),
    );
    const [sms] = await t.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, '13900007781'));
    expect(sms!.body).toContain('初始密码');
    const shown = logins.created.find((c) => c.displayName === '导入乙')!;
    const deputy = await t.login(shown.username, shown.password!);
    expect((await deputy.request('GET', '/api/auth/me')).json().user).toMatchObject({ role: 'deputy', passwordMustChange: true });
  });
});
