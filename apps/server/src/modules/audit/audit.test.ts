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
    expect(event).toMatchObject({ action: 'update', actorName: '王磊', bodyName: '嘉兴市人大常委会' });
    expect(event.before.contactName).toBeNull();
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
    expect(sheet.getRow(2).getCell(6).value).toBe('登录');
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
    const district = await t.login('xzleader', 'Xiuzhou2026a');
    const events = (await district.request('GET', '/api/audit?pageSize=200')).json().items as { bodyName: string | null }[];
    expect(events.length).toBeGreaterThan(0);
    const cityEvents = events.filter((e) => e.bodyName === '嘉兴市人大常委会');
    expect(cityEvents).toEqual([]);
  });
});
