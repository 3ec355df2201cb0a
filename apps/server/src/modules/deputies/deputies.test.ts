import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachments, auditEvents, bodies } from '../../db/schema.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { samplePng } from '../../test/images.js';
import { multipart } from '../../test/multipart.js';
import { withCheckCharacter } from './id-number.js';
import { deputies } from './tables.js';

let t: TestApp;
let staff: Awaited<ReturnType<TestApp['login']>>;
let xiuzhouId: string;
beforeAll(async () => {
  t = await buildTestApp();
  staff = await t.login('staff');
  xiuzhouId = (await t.db.query.bodies.findFirst({ where: eq(bodies.regionCode, '330411') }))!.id;
});
afterAll(() => t.close());

const idNumber = (seq: number, birth = '19800101') => withCheckCharacter(`330411${birth}${String(seq).padStart(3, '0')}`);

async function sheet(rows: (string | null)[][]) {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('代表名册');
  ws.addRow(['姓名*', '性别', '出生日期', '政治面貌', '工作单位', '选区（选举单位）', '手机号', '身份证号*']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function upload(url: string, fields: Record<string, string>, file: Buffer) {
  const { payload, headers } = await multipart(fields, [{ name: 'file', fileName: 'dm.xlsx', data: file }]);
  return t.app.inject({ method: 'POST', url, payload, cookies: staff.cookies, headers: { ...headers, 'x-csrf-token': staff.token } });
}

function goodRows(n: number, from = 1): (string | null)[][] {
  return Array.from({ length: n }, (_, i) => [
    `测试代表${from + i}`,
    i % 2 ? '女' : '男',
    '1980-01-01',
    '中共党员',
    '秀洲区某单位',
    '王江泾镇第1选区',
    `1390000${String(from + i).padStart(4, '0')}`,
    idNumber(from + i),
  ]);
}

describe('deputies registry', () => {
  it('lists the demo deputies of the city, filters by term, level, name prefix and group', async () => {
    const all = await staff.request('GET', '/api/deputies?pageSize=200');
    expect(all.statusCode).toBe(200);
    expect(all.json().total).toBeGreaterThanOrEqual(60);
    const county = await staff.request('GET', '/api/deputies?level=county&pageSize=200');
    expect(county.json().items.every((d: { level: string }) => d.level === 'county')).toBe(true);
    const zhang = await staff.request('GET', `/api/deputies?q=${encodeURIComponent('张秀')}`);
    expect(zhang.json().items.map((d: { name: string }) => d.name)).toContain('张秀英');
    const groups = await staff.request('GET', '/api/deputy-groups?kind=region');
    const xz = groups.json().items.find((g: { name: string }) => g.name === '秀洲区代表小组');
    const members = await staff.request('GET', `/api/deputies?groupId=${xz.id}&pageSize=100`);
    expect(members.json().total).toBe(xz.memberCount);
    expect(members.json().items.every((d: { regionGroupName: string }) => d.regionGroupName === '秀洲区代表小组')).toBe(true);
    const desc = await staff.request('GET', '/api/deputies?sort=birthDate&order=desc&pageSize=5&term=' + encodeURIComponent('第九届'));
    const dates = desc.json().items.map((d: { birthDate: string }) => d.birthDate);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('refuses a bad query with a Chinese message', async () => {
    const res = await staff.request('GET', '/api/deputies?status=retired');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('creates, updates and changes status with a date; status changes follow the table', async () => {
    const created = await staff.request('POST', '/api/deputies', {
      bodyId: xiuzhouId,
      term: '第十届',
      name: '测试甲',
      gender: 'male',
      idNumber: idNumber(901),
      phone: '13900009999',
    });
    expect(created.statusCode).toBe(201);
    const d = created.json();
    expect(d.publicCode).toMatch(/^[a-z2-7]{20}$/);
    const dup = await staff.request('POST', '/api/deputies', {
      bodyId: xiuzhouId,
      term: '第十届',
      name: '测试甲二',
      idNumber: idNumber(901),
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toBe('该代表已在本届名册中');
    const badTerm = await staff.request('POST', '/api/deputies', { bodyId: xiuzhouId, term: '10', name: '测试乙' });
    expect(badTerm.json().error.message).toContain('届次应写作');
    const upd = await staff.request('PATCH', `/api/deputies/${d.id}`, { employer: '王江泾镇人民政府', post: '副镇长' });
    expect(upd.json()).toMatchObject({ employer: '王江泾镇人民政府', post: '副镇长' });
    const removedNoReason = await staff.request('POST', `/api/deputies/${d.id}/actions/remove`, { date: '2025-03-01' });
    expect(removedNoReason.json().error.code).toBe('DEPUTY_FIELDS_MISSING');
    const resigned = await staff.request('POST', `/api/deputies/${d.id}/actions/resign`, { date: '2025-03-01' });
    expect(resigned.json()).toMatchObject({ status: 'resigned', statusDate: '2025-03-01' });
    const back = await staff.request('POST', `/api/deputies/${d.id}/actions/reinstate`, { date: '2025-03-02', reason: '误录' });
    expect(back.statusCode).toBe(403);
    expect(back.json().error.message).toBe('您不能对此件执行“恢复在任”');
    const events = await t.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.entityId, d.id));
    expect(events[0]!.n).toBe(3);
  });

  it('sets and clears the standing-committee post (常委会职务), audited, and refuses an unknown post', async () => {
    const created = await staff.request('POST', '/api/deputies', {
      bodyId: xiuzhouId,
      term: '第十届',
      name: '测试丙',
      committeeRole: 'member',
    });
    expect(created.json()).toMatchObject({ committeeRole: 'member' });
    const id = created.json().id as string;
    const promoted = await staff.request('PATCH', `/api/deputies/${id}`, { committeeRole: 'vice_chair' });
    expect(promoted.json()).toMatchObject({ committeeRole: 'vice_chair' });
    const row = await t.db.query.deputies.findFirst({ where: eq(deputies.id, id) });
    expect(row!.committeeRole).toBe('vice_chair');
    const bad = await staff.request('PATCH', `/api/deputies/${id}`, { committeeRole: 'president' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].path).toBe('committeeRole');
    expect(bad.json().error.message).toMatch(/有误/);
    const cleared = await staff.request('PATCH', `/api/deputies/${id}`, { committeeRole: null });
    expect(cleared.json().committeeRole).toBeNull();
    const listed = await staff.request('GET', `/api/deputies?pageSize=100&bodyId=${xiuzhouId}&q=测试丙`);
    expect(listed.json().items).toEqual([expect.objectContaining({ id, committeeRole: null })]);
    const events = await t.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(events[0]!.n).toBe(3);
  });

  it('a leader reads but cannot write; a handling unit cannot read', async () => {
    const leader = await t.login('leader');
    expect((await leader.request('GET', '/api/deputies')).statusCode).toBe(200);
    expect((await leader.request('POST', '/api/deputies', { bodyId: xiuzhouId, term: '第十届', name: '某某' })).statusCode).toBe(403);
    const unit = await t.login('unit');
    expect((await unit.request('GET', '/api/deputies')).statusCode).toBe(403);
  });
});

describe('registry photo', () => {
  const putPhoto = async (who: Awaited<ReturnType<TestApp['login']>>, id: string, fileName: string, data: Buffer) => {
    const { payload, headers } = await multipart({}, [{ name: 'file', fileName, data }]);
    return t.app.inject({
      method: 'PUT',
      url: `/api/deputies/${id}/photo`,
      payload,
      cookies: who.cookies,
      headers: { ...headers, 'x-csrf-token': who.token },
    });
  };

  it('takes a JPG or PNG, shows it to staff, on the public card and in the Word file, and audits each change', async () => {
    const d = (
      await staff.request('POST', '/api/deputies', { bodyId: xiuzhouId, term: '第十届', name: '照片甲', idNumber: idNumber(931) })
    ).json();
    expect(d.photoId).toBeNull();
    expect((await staff.request('GET', `/api/deputies/${d.id}/photo`)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/deputies/${d.publicCode}` })).json().photoUrl).toBeNull();

    const photo = samplePng(30, 40);
    const set = await putPhoto(staff, d.id, '照片甲.png', photo);
    expect(set.statusCode).toBe(200);
    expect(set.json().photoId).toEqual(expect.any(String));
    const served = await staff.request('GET', `/api/deputies/${d.id}/photo`);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.rawPayload.equals(photo)).toBe(true);

    const card = (await t.app.inject({ method: 'GET', url: `/api/public/deputies/${d.publicCode}` })).json();
    expect(card.photoUrl).toMatch(new RegExp(`^/api/public/deputies/${d.publicCode}/photo\\?v=`));
    const pub = await t.app.inject({ method: 'GET', url: card.photoUrl });
    expect(pub.statusCode).toBe(200);
    expect(pub.headers['cache-control']).toContain('public');
    expect(pub.rawPayload.equals(photo)).toBe(true);

    const docx = await staff.request('GET', `/api/deputies/${d.id}/performance.docx?from=2026-01-01&to=2026-12-31`);
    expect(docx.statusCode, docx.body).toBe(200);
    const zip = await JSZip.loadAsync(docx.rawPayload);
    const media = Object.keys(zip.files).filter((n) => n.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect((await zip.file(media[0]!)!.async('nodebuffer')).equals(photo)).toBe(true);
    // 30×40 printed 140 pixels high keeps its proportions: 105×140 pixels, in EMU (9525 per pixel).
    expect(await zip.file('word/document.xml')!.async('string')).toContain(`cx="${105 * 9525}" cy="${140 * 9525}"`);

    const replaced = await putPhoto(staff, d.id, '新照片.png', samplePng(20, 20, [200, 0, 0]));
    expect(replaced.json().photoId).not.toBe(set.json().photoId);
    const newCard = (await t.app.inject({ method: 'GET', url: `/api/public/deputies/${d.publicCode}` })).json();
    expect(newCard.photoUrl).not.toBe(card.photoUrl);

    const removed = await staff.request('DELETE', `/api/deputies/${d.id}/photo`);
    expect(removed.json().photoId).toBeNull();
    expect((await t.app.inject({ method: 'GET', url: card.photoUrl })).statusCode).toBe(404);
    const again = await staff.request('DELETE', `/api/deputies/${d.id}/photo`);
    expect(again.json().error).toMatchObject({ code: 'PHOTO_NONE', message: '该代表尚未上传照片' });

    const trail = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, d.id));
    expect(trail.map((e) => e.action).sort()).toEqual(['create', 'photo_remove', 'photo_set', 'photo_set']);
  });

  it('refuses files that are not a whole JPG or PNG, and writers other than staff, keeping the photo it had', async () => {
    const d = (
      await staff.request('POST', '/api/deputies', { bodyId: xiuzhouId, term: '第十届', name: '照片乙', idNumber: idNumber(932) })
    ).json();
    const first = (await putPhoto(staff, d.id, 'ok.png', samplePng(8, 8))).json();

    const pdf = await putPhoto(staff, d.id, 'scan.png', Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF'));
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json().error).toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED', message: '代表照片请上传 JPG 或 PNG 图片' });
    // Cut short inside its signature, and a whole signature with a damaged header after it.
    const cut = await putPhoto(staff, d.id, 'cut.png', samplePng(8, 8).subarray(0, 12));
    expect(cut.json().error.code).toBe('FILE_TYPE_NOT_ALLOWED');
    const damaged = Buffer.concat([samplePng(8, 8).subarray(0, 16), Buffer.alloc(64)]);
    const noSize = await putPhoto(staff, d.id, 'damaged.png', damaged);
    expect(noSize.json().error).toMatchObject({ code: 'PHOTO_UNREADABLE', message: '照片文件已损坏，无法读出尺寸，请重新选择' });
    const big = await putPhoto(staff, d.id, 'big.png', Buffer.concat([samplePng(8, 8), Buffer.alloc(5 * 1024 * 1024)]));
    expect(big.statusCode).toBe(413);
    const empty = await multipart({ note: 'x' }, []);
    const none = await t.app.inject({
      method: 'PUT',
      url: `/api/deputies/${d.id}/photo`,
      payload: empty.payload,
      cookies: staff.cookies,
      headers: { ...empty.headers, 'x-csrf-token': staff.token },
    });
    expect(none.json().error).toMatchObject({ code: 'FILE_REQUIRED', message: '请选择代表照片' });

    const leader = await t.login('leader');
    expect((await putPhoto(leader, d.id, 'x.png', samplePng())).statusCode).toBe(403);
    const deputy = await t.login('deputy');
    expect((await putPhoto(deputy, d.id, 'x.png', samplePng())).statusCode).toBe(403);

    expect((await staff.request('GET', `/api/deputies/${d.id}`)).json().photoId).toBe(first.photoId);
    const stored = await t.db.select({ n: count() }).from(attachments).where(eq(attachments.ownerId, d.id));
    expect(stored[0]!.n).toBe(1);
  });

  it('shows no photo on the card of a deputy no longer in office', async () => {
    const d = (
      await staff.request('POST', '/api/deputies', { bodyId: xiuzhouId, term: '第十届', name: '照片丙', idNumber: idNumber(933) })
    ).json();
    await putPhoto(staff, d.id, 'c.png', samplePng(4, 4));
    const url = (await t.app.inject({ method: 'GET', url: `/api/public/deputies/${d.publicCode}` })).json().photoUrl;
    await staff.request('POST', `/api/deputies/${d.id}/actions/resign`, { date: '2025-03-01' });
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(404);
  });
});

describe('Excel import and export', () => {
  it('previews 200 rows with bad ones named by row, and imports nothing while any row is bad', async () => {
    const rows = goodRows(200, 1);
    rows[4] = ['王', '男', '1980-01-01', null, null, null, null, idNumber(5)];
    rows[9]![7] = '330411198001010000';
    rows[20]![6] = '123';
    rows[30]![7] = rows[31]![7]!;
    const file = await sheet(rows);
    const fields = { bodyId: xiuzhouId, term: '第十届' };
    const preview = await upload('/api/deputies/import/preview', fields, file);
    expect(preview.statusCode).toBe(200);
    const p = preview.json();
    expect(p.total).toBe(200);
    expect(p.valid).toBe(196);
    expect(p.errors.map((e: { message: string }) => e.message)).toEqual([
      '第 6 行：姓名至少 2 个字',
      '第 11 行：身份证号不正确（位数或校验位有误）',
      '第 22 行：手机号“123”应为 11 位数字',
      '第 33 行：与第 32 行是同一人，重复',
    ]);
    const [before] = await t.db.select({ n: count() }).from(deputies);
    const refused = await upload('/api/deputies/import', fields, file);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toMatch(/^有 4 行数据有误，未导入任何代表/);
    const [after] = await t.db.select({ n: count() }).from(deputies);
    expect(after!.n).toBe(before!.n);
  });

  it('imports a clean sheet whole, then refuses the same people again', async () => {
    const file = await sheet(goodRows(200, 300));
    const fields = { bodyId: xiuzhouId, term: '第十届' };
    const ok = await upload('/api/deputies/import', fields, file);
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toEqual({ imported: 200 });
    const again = await upload('/api/deputies/import/preview', fields, file);
    expect(again.json().valid).toBe(0);
    expect(again.json().errors[0].message).toBe('第 2 行：该代表已在本届名册中');
    const list = await staff.request('GET', `/api/deputies?bodyId=${xiuzhouId}&q=${encodeURIComponent('测试代表3')}&pageSize=200`);
    expect(list.json().total).toBeGreaterThanOrEqual(100);
  });

  it('refuses a file that is not Excel and a sheet without the required columns', async () => {
    const notExcel = await upload('/api/deputies/import/preview', { bodyId: xiuzhouId, term: '第十届' }, Buffer.from('hello'));
    expect(notExcel.json().error.code).toBe('IMPORT_FILE_UNREADABLE');
    const book = new ExcelJS.Workbook();
    book.addWorksheet('x').addRow(['名字', '电话']);
    const noCols = await upload(
      '/api/deputies/import/preview',
      { bodyId: xiuzhouId, term: '第十届' },
      Buffer.from(await book.xlsx.writeBuffer()),
    );
    expect(noCols.json().error.message).toBe('表头缺少必填列：姓名、身份证号（请使用导入模板）');
  });

  it('exports the filtered list with Chinese headers', async () => {
    const res = await staff.request('GET', `/api/deputies/export.xlsx?bodyId=${xiuzhouId}&q=${encodeURIComponent('测试代表30')}`);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = book.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('姓名');
    const names = ws.getColumn(1).values.slice(2);
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => String(n).startsWith('测试代表30'))).toBe(true);
  });
});

describe('groups and grid cells', () => {
  it('keeps a deputy in one region group, requires the leader to be a member', async () => {
    const list = await staff.request('GET', `/api/deputies?bodyId=${xiuzhouId}&pageSize=5&status=in_office`);
    const ids = list.json().items.map((d: { id: string }) => d.id);
    const g = await staff.request('POST', '/api/deputy-groups', {
      bodyId: xiuzhouId,
      term: '第十届',
      kind: 'region',
      name: '王江泾镇代表小组',
      regionCode: '330411101',
    });
    expect(g.statusCode).toBe(201);
    const noField = await staff.request('POST', '/api/deputy-groups', {
      bodyId: xiuzhouId,
      term: '第十届',
      kind: 'specialist',
      name: '某专业小组',
    });
    expect(noField.json().error.message).toContain('专业小组须选择专业领域');
    const badLeader = await staff.request('PUT', `/api/deputy-groups/${g.json().id}/members`, {
      deputyIds: ids.slice(0, 2),
      leaderId: ids[3],
    });
    expect(badLeader.json().error.code).toBe('LEADER_NOT_MEMBER');
    const set = await staff.request('PUT', `/api/deputy-groups/${g.json().id}/members`, { deputyIds: ids.slice(0, 3), leaderId: ids[0] });
    expect(set.json()).toMatchObject({ memberCount: 3, leader: { id: ids[0] } });
    const g2 = await staff.request('POST', '/api/deputy-groups', {
      bodyId: xiuzhouId,
      term: '第十届',
      kind: 'region',
      name: '新塍镇代表小组',
    });
    const clash = await staff.request('PUT', `/api/deputy-groups/${g2.json().id}/members`, { deputyIds: [ids[1], ids[4]], leaderId: null });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.message).toContain('已在王江泾镇代表小组');
    const spec = await staff.request('POST', '/api/deputy-groups', {
      bodyId: xiuzhouId,
      term: '第十届',
      kind: 'specialist',
      field: 'legal',
      name: '法治专业小组',
    });
    const specSet = await staff.request('PUT', `/api/deputy-groups/${spec.json().id}/members`, {
      deputyIds: [ids[1], ids[4]],
      leaderId: ids[4],
    });
    expect(specSet.statusCode).toBe(200);
  });

  it('grid cells are villages or communities inside the body region', async () => {
    const list = await staff.request('GET', `/api/deputies?bodyId=${xiuzhouId}&pageSize=2&status=in_office`);
    const ids = list.json().items.map((d: { id: string }) => d.id);
    const town = await staff.request('POST', '/api/grid-cells', { bodyId: xiuzhouId, regionCode: '330411101', deputyIds: [] });
    expect(town.statusCode).toBe(400);
    const outside = await staff.request('POST', '/api/grid-cells', { bodyId: xiuzhouId, regionCode: '330421103001', deputyIds: [] });
    expect(outside.json().error.code).toBe('GRID_REGION_OUTSIDE');
    const ok = await staff.request('POST', '/api/grid-cells', { bodyId: xiuzhouId, regionCode: '330411101003', deputyIds: ids });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ name: '王江泾社区', townshipName: '王江泾镇' });
    expect(ok.json().deputies).toHaveLength(2);
    const filtered = await staff.request('GET', `/api/deputies?gridCellId=${ok.json().id}`);
    expect(filtered.json().total).toBe(2);
  });
});

describe('duty log, seven ones, assessment and performance file', () => {
  it('a deputy records own duties only; staff record a group activity for many', async () => {
    const deputy = await t.login('deputy');
    const me = (await deputy.request('GET', '/api/me/deputy')).json();
    expect(me.name).toBe('张秀英');
    const others = (await staff.request('GET', `/api/deputies?bodyId=${me.bodyId}&pageSize=3`))
      .json()
      .items.filter((d: { id: string }) => d.id !== me.id);
    const forOthers = await deputy.request('POST', '/api/duties', {
      kind: 'research',
      occurredOn: '2025-05-01',
      title: '调研',
      deputyIds: [others[0].id],
    });
    expect(forOthers.statusCode).toBe(403);
    const future = await deputy.request('POST', '/api/duties', {
      kind: 'research',
      occurredOn: '2999-01-01',
      title: '调研某事',
      deputyIds: [me.id],
    });
    expect(future.json().error.message).toBe('活动日期不能晚于今天');
    const today = new Date().toISOString().slice(0, 10);
    const own = await deputy.request('POST', '/api/duties', {
      kind: 'public_service',
      occurredOn: today,
      title: '协调修复小区路灯',
      place: '烟雨社区',
      deputyIds: [me.id],
    });
    expect(own.statusCode).toBe(201);
    expect(own.json()).toMatchObject({ source: 'deputy', participants: [{ id: me.id, name: '张秀英' }] });
    const group = await staff.request('POST', '/api/duties', {
      kind: 'group_activity',
      occurredOn: today,
      title: '南湖区代表小组活动',
      deputyIds: [me.id, others[0].id, others[1].id],
    });
    expect(group.statusCode).toBe(201);
    expect(group.json().participants).toHaveLength(3);
    const editGroup = await deputy.request('PUT', `/api/duties/${group.json().id}`, {
      kind: 'group_activity',
      occurredOn: today,
      title: '改标题',
      deputyIds: [me.id],
    });
    expect(editGroup.statusCode).toBe(403);
    const mine = await deputy.request('GET', '/api/duties?pageSize=100');
    expect(mine.json().items.every((r: { participants: { id: string }[] }) => r.participants.some((p) => p.id === me.id))).toBe(true);
    const notMine = await staff.request('POST', '/api/duties', {
      kind: 'training',
      occurredOn: today,
      title: '培训',
      deputyIds: [others[1].id],
    });
    expect((await deputy.request('GET', `/api/duties/${notMine.json().id}`)).statusCode).toBe(404);

    // Attachments (photos, minutes) follow the record: its deputy adds them, a county outside sees nothing.
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const attach = async (who: typeof deputy, recordId: string) => {
      const { payload, headers } = await multipart({ ownerEntity: 'duty_record', ownerId: recordId }, [
        { name: 'file', fileName: '路灯修复前后.pdf', data: pdf },
      ]);
      return t.app.inject({
        method: 'POST',
        url: '/api/attachments',
        payload,
        cookies: who.cookies,
        headers: { ...headers, 'x-csrf-token': who.token },
      });
    };
    const saved = await attach(deputy, own.json().id);
    expect(saved.statusCode, saved.body).toBe(201);
    const listed = await staff.request('GET', `/api/attachments?ownerEntity=duty_record&ownerId=${own.json().id}`);
    expect(listed.json().items.map((a: { fileName: string }) => a.fileName)).toEqual(['路灯修复前后.pdf']);
    expect((await attach(deputy, notMine.json().id)).statusCode).toBe(404);
    const xzstaff = await t.login('xzstaff');
    expect((await xzstaff.request('GET', `/api/attachments?ownerEntity=duty_record&ownerId=${own.json().id}`)).statusCode).toBe(404);
  });

  it('derives the seven ones and score from the log; the performance file exports to Word', async () => {
    const deputy = await t.login('deputy');
    const me = (await deputy.request('GET', '/api/me/deputy')).json();
    const year = new Date().getFullYear();
    const file = await staff.request('GET', `/api/deputies/${me.id}/performance?from=${year}-01-01&to=${year}-12-31`);
    expect(file.statusCode).toBe(200);
    const f = file.json();
    const count = (kind: string) => f.countsByKind.find((c: { kind: string }) => c.kind === kind).count;
    expect(count('public_service')).toBeGreaterThanOrEqual(1);
    expect(f.sevenOnes.items.find((i: { key: string }) => i.key === 'doGoodDeed').done).toBe(true);
    // Counted by the suggestions module from the suggestions themselves (tested there).
    expect(f.sevenOnes.items.find((i: { key: string }) => i.key === 'suggestion').count).toEqual(expect.any(Number));
    expect(f.recordsTotal).toBe(f.countsByKind.reduce((s: number, c: { count: number }) => s + c.count, 0));
    const before = f.liveScore;
    await deputy.request('POST', '/api/duties', {
      kind: 'inspection',
      occurredOn: `${year}-01-02`,
      title: '视察某项目',
      deputyIds: [me.id],
    });
    const after = (await deputy.request('GET', '/api/me/performance')).json();
    expect(after.liveScore).toBe(before + 4);
    const docx = await staff.request('GET', `/api/deputies/${me.id}/performance.docx?from=${year}-01-01&to=${year}-12-31`);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('张秀英代表履职档案');
    expect(xml).toContain('协调修复小区路灯');
    expect(xml).toContain('七个一');
  });

  it('ranks within the body with configurable weights, and publishes to the deputy', async () => {
    const deputy = await t.login('deputy');
    const me = (await deputy.request('GET', '/api/me/deputy')).json();
    const year = new Date().getFullYear();
    const q = `bodyId=${me.bodyId}&term=${encodeURIComponent(me.term)}&year=${year}`;
    const weights = (await staff.request('GET', `/api/assessment/weights?bodyId=${me.bodyId}`)).json();
    expect(weights.setByBodyId).toBeNull();
    const set = await staff.request('PUT', '/api/assessment/weights', {
      bodyId: me.bodyId,
      weights: weights.weights.map((w: { kind: string }) => ({
        kind: w.kind,
        points: w.kind === 'public_service' ? 50 : 1,
        yearlyCap: null,
      })),
    });
    expect(set.json().setByBodyId).toBe(me.bodyId);
    const ranking = (await staff.request('GET', `/api/assessment/ranking?${q}`)).json().items;
    expect(ranking[0].rank).toBe(1);
    const mine = ranking.find((r: { deputyId: string }) => r.deputyId === me.id);
    expect(mine.score).toBe(Object.entries(mine.counts).reduce((s, [k, n]) => s + (k === 'public_service' ? 50 : 1) * (n as number), 0));
    expect((await deputy.request('GET', `/api/me/assessment?year=${year}`)).json().result).toBeNull();
    const pub = await staff.request('POST', '/api/assessment/publish', { bodyId: me.bodyId, term: me.term, year });
    expect(pub.json().published).toBe(ranking.length);
    const result = (await deputy.request('GET', `/api/me/assessment?year=${year}`)).json().result;
    expect(result).toMatchObject({ score: mine.score, rank: mine.rank, of: ranking.length });
  });
});
