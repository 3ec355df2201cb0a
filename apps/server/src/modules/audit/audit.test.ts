import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('audit trail', () => {
  it('records who changed what, with before and after, in the same transaction as the change', async () => {
    const admin = await t.login('admin');
    const units = await admin.request('GET', '/api/handling-units?q=教育局&pageSize=50');
    const unit = units.json().items.find((u: { name: string }) => u.name === '嘉兴市教育局');
    const res = await admin.request('PATCH', `/api/admin/handling-units/${unit.id}`, {
      bodyId: unit.bodyId,
      name: unit.name,
      kind: unit.kind,
      contactName: '周敏',
      contactPhone: '0573-82011234',
      active: true,
    });
    expect(res.statusCode).toBe(200);
    const audit = await admin.request('GET', `/api/audit?entity=handling_unit&entityId=${unit.id}`);
    const [event] = audit.json().items;
    expect(event).toMatchObject({ action: 'update', actorName: '王磊', bodyName: '嘉兴市人大常委会', entityTitle: '嘉兴市教育局' });
    // The demo gives every city unit a contact person: the trail holds the one replaced.
    expect(event.before.contactName).toBe(unit.contactName);
    expect(unit.contactName).not.toBe('周敏');
    expect(event.after.contactName).toBe('周敏');
  });

  it('cannot be edited or deleted, even with SQL', async () => {
    // Drizzle wraps the database error; the trigger's message is on its cause.
    const failure = (p: Promise<unknown>) =>
      p.then(
        () => 'succeeded',
        (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
      );
    expect(await failure(t.db.execute(sql`UPDATE audit_events SET action = 'tampered'`))).toMatch(/append-only/);
    expect(await failure(t.db.execute(sql`DELETE FROM audit_events`))).toMatch(/append-only/);
    expect(await failure(t.db.execute(sql`TRUNCATE audit_events`))).toMatch(/append-only/);
  });

  it('filters by time range and exports the filtered rows to Excel with Chinese headers', async () => {
    const leader = await t.login('leader');
    const future = await leader.request('GET', `/api/audit?from=${encodeURIComponent('2099-01-01T00:00:00Z')}`);
    expect(future.json().total).toBe(0);
    const res = await leader.request('GET', '/api/audit/export?entity=session&action=login');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('审计日志')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('时间');
    expect(sheet.rowCount).toBeGreaterThan(1);
    expect(sheet.getRow(1).getCell(5).value).toBe('对象名称');
    expect(sheet.getRow(2).getCell(7).value).toBe('登录');
  });

  it('shows a district only its own events', async () => {
    const admin = await t.login('admin');
    const bodies = (await admin.request('GET', '/api/bodies')).json().items;
    const xiuzhou = bodies.find((b: { name: string }) => b.name === '秀洲区人大常委会');
    const created = await admin.request('POST', '/api/admin/users', {
      username: 'xzleader',
      displayName: '朱卫东',
      role: 'leader',
      bodyId: xiuzhou.id,
      password: 'Xiuzhou2026a',
    });
    expect(created.statusCode).toBe(201);
    const district = await t.firstLogin('xzleader', 'Xiuzhou2026a');
    const events = (await district.request('GET', '/api/audit?pageSize=200')).json().items as { bodyName: string | null }[];
    expect(events.length).toBeGreaterThan(0);
    const cityEvents = events.filter((e) => e.bodyName === '嘉兴市人大常委会');
    expect(cityEvents).toEqual([]);
  });

  it("shows each record's title beside its id, and a deleted record's id only", async () => {
    const staff = await t.login('staff');
    const leader = await t.login('leader');
    // A suggestion by its title, a group by its name, a user by name and account: each module names its own records.
    const suggestionEvents = (await leader.request('GET', '/api/audit?entity=suggestion&pageSize=20')).json().items as {
      entityId: string;
      entityTitle: string | null;
    }[];
    expect(suggestionEvents.length).toBeGreaterThan(0);
    for (const e of suggestionEvents.slice(0, 3)) {
      const item = (await staff.request('GET', `/api/suggestions/${e.entityId}`)).json();
      expect(e.entityTitle).toBe(item.title);
    }
    const bodies = (await staff.request('GET', '/api/bodies')).json().items as { id: string; name: string }[];
    const admin = await t.login('admin');
    const user = await admin.request('POST', '/api/admin/users', {
      username: 'audittitle',
      displayName: '沈佳怡',
      role: 'staff',
      bodyId: bodies.find((b) => b.name === '嘉兴市人大常委会')!.id,
      password: 'Jiaxing2026a',
    });
    expect(user.statusCode, user.body).toBe(201);
    const userEvents = (await admin.request('GET', `/api/audit?entity=user&entityId=${user.json().id}`)).json().items;
    expect(userEvents).toEqual([expect.objectContaining({ action: 'create', entityTitle: '沈佳怡（audittitle）' })]);

    const xiuzhou = bodies.find((b) => b.name === '秀洲区人大常委会')!;
    const group = await staff.request('POST', '/api/deputy-groups', {
      bodyId: xiuzhou.id,
      term: '第十届',
      kind: 'region',
      name: '油车港镇代表小组',
    });
    expect(group.statusCode, group.body).toBe(201);
    const id = group.json().id as string;
    const events = async () =>
      (await leader.request('GET', `/api/audit?entity=deputy_group&entityId=${id}`)).json().items as {
        action: string;
        entityTitle: string | null;
      }[];
    expect(await events()).toEqual([expect.objectContaining({ action: 'create', entityTitle: '油车港镇代表小组' })]);
    expect((await staff.request('DELETE', `/api/deputy-groups/${id}`)).statusCode).toBe(204);
    const after = await events();
    expect(after.map((e) => [e.action, e.entityTitle])).toEqual([
      ['delete', null],
      ['create', null],
    ]);
  });
});
