import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultOpinionCategories } from '@renda/shared';
import { auditEvents, bodies } from '../../db/schema.js';
import { makeStationAndDeputy, opinionsTestApp, type OpinionsTestApp } from './test-fixtures.js';

type Session = OpinionsTestApp['staff'];
let t: OpinionsTestApp['t'];
let staff: Session;
let xzstaff: Session;
let leader: Session;
let unit: Session;
let admin: Session;
let cityQr: OpinionsTestApp['cityQr'];
let townQr: Awaited<ReturnType<typeof makeStationAndDeputy>>;
let townId: string;
let ip = 0;

const builtin = defaultOpinionCategories.map((c) => ({ ...c, active: true }));
const form = async (station: string) =>
  (await t.app.inject({ method: 'GET', url: `/api/public/opinions/form?station=${station}` })).json<{ categories: { label: string }[] }>();
const submit = (station: string, category: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/public/opinions',
    payload: { station, category, content: '村里的河道有垃圾漂浮，希望清理。' },
    remoteAddress: `10.3.0.${++ip}`,
  });
const get = (s: Session, bodyId: string) => s.request('GET', `/api/opinions/categories?bodyId=${bodyId}`);
const put = (s: Session, bodyId: string, items: unknown[]) => s.request('PUT', '/api/opinions/categories', { bodyId, items });
const reset = (s: Session, bodyId: string) => s.request('DELETE', `/api/opinions/categories?bodyId=${bodyId}`);

async function lastAudit(bodyId: string) {
  const [row] = await t.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entity, 'opinion_categories'), eq(auditEvents.entityId, bodyId)))
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return row;
}

beforeAll(async () => {
  ({ t, staff, xzstaff, leader, unit, admin, cityQr } = await opinionsTestApp());
  const [town] = await t.db.select({ id: bodies.id }).from(bodies).where(eq(bodies.parentId, xzstaff.user.bodyId)).limit(1);
  townId = town!.id;
  townQr = await makeStationAndDeputy(t.db, townId, '（镇）');
});
afterAll(() => t.close());

describe('the category dictionary of a body', () => {
  it('says where the list in force comes from: built-in, the body’s own, or a parent’s', async () => {
    const city = await get(staff, staff.user.bodyId);
    expect(city.statusCode, city.body).toBe(200);
    expect(city.json()).toMatchObject({ source: 'builtin', setByBodyId: null, setByBodyName: null });
    // The demo city’s opinions use the built-in categories: those are marked, so the editor offers only to deactivate them.
    expect(city.json().items.find((i: { code: string }) => i.code === 'transport')).toMatchObject({ label: '交通出行', inUse: true });

    const saved = await put(xzstaff, xzstaff.user.bodyId, [
      { code: 'river', label: '河道治理' },
      { code: 'other', label: '其他' },
    ]);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ source: 'own', setByBodyName: '秀洲区人大常委会' });
    const town = (await get(xzstaff, townId)).json();
    expect(town).toMatchObject({ source: 'inherited', setByBodyId: xzstaff.user.bodyId, setByBodyName: '秀洲区人大常委会' });
    expect(town.items.map((i: { label: string }) => i.label)).toEqual(['河道治理', '其他']);
  });

  it('adds, renames, reorders and deactivates; citizens see the active ones in order; the change is audited', async () => {
    const items = [
      { code: 'other', label: '其他事项', active: true },
      { code: 'river', label: '河湖治理', active: false },
      { code: 'c_elevator', label: '老旧小区加装电梯', active: true },
    ];
    const res = await put(xzstaff, xzstaff.user.bodyId, items);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual(items.map((i) => ({ ...i, inUse: false })));
    expect((await form(townQr.stationCode)).categories.map((c) => c.label)).toEqual(['其他事项', '老旧小区加装电梯']);
    expect((await submit(townQr.stationCode, 'river')).json().error.message).toBe('请选择有效的意见类别');
    expect((await submit(townQr.stationCode, 'c_elevator')).statusCode).toBe(201);

    const audit = await lastAudit(xzstaff.user.bodyId);
    expect(audit).toMatchObject({ action: 'update', bodyId: xzstaff.user.bodyId, actorName: '沈佳琪' });
    expect(audit!.before).toEqual([
      { code: 'river', label: '河道治理', active: true },
      { code: 'other', label: '其他', active: true },
    ]);
    expect(audit!.after).toEqual(items);
  });

  it.each([
    ['a blank name', [{ code: 'other', label: '  ' }], 'items.0.label', '请填写类别名称'],
    ['a long name', [{ code: 'other', label: '长'.repeat(21) }], 'items.0.label', '类别名称最多 20 个字'],
    [
      'a duplicate name',
      [
        { code: 'other', label: '其他' },
        { code: 'c_more', label: '其他 ' },
      ],
      'items.1.label',
      '类别名称“其他”重复',
    ],
    ['no category', [], 'items', '至少保留一个类别'],
    ['none open to citizens', [{ code: 'other', label: '其他', active: false }], 'items', '至少启用一个类别'],
    ['too many', Array.from({ length: 51 }, (_, i) => ({ code: `c_${i}`, label: `类别${i}` })), 'items', '最多 50 个类别'],
    ['a malformed code', [{ code: 'X', label: '其他' }], 'items.0.code', '代码为 2–32 位小写字母、数字或下划线'],
  ])('refuses %s in Chinese, naming the field, and keeps the list', async (_case, items, path, message) => {
    const before = (await get(staff, staff.user.bodyId)).json();
    const res = await put(staff, staff.user.bodyId, items);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ path, message }] } });
    expect((await get(staff, staff.user.bodyId)).json()).toEqual(before);
  });

  it('lets only staff and administrators of the body or above change it', async () => {
    expect((await put(leader, leader.user.bodyId, builtin)).statusCode).toBe(403);
    expect((await put(unit, staff.user.bodyId, builtin)).statusCode).toBe(403);
    expect((await get(leader, leader.user.bodyId)).json().error.code).toBe('FORBIDDEN');
    const outside = await put(xzstaff, staff.user.bodyId, builtin);
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error).toMatchObject({ code: 'NOT_FOUND', message: '人大机关不存在或无权查看' });
    expect((await reset(xzstaff, staff.user.bodyId)).statusCode).toBe(404);
    // An administrator of the city may set a district’s list.
    const byAdmin = await put(admin, townId, [
      { code: 'other', label: '其他' },
      { code: 'c_elevator', label: '加装电梯' },
    ]);
    expect(byAdmin.statusCode, byAdmin.body).toBe(200);
    expect((await reset(admin, townId)).statusCode).toBe(200);
  });
});

describe('removing a category opinions use', () => {
  it('is refused: the category stays, deactivated, so its opinions keep their label and their filter', async () => {
    const sent = await submit(cityQr.stationCode, 'transport');
    expect(sent.statusCode).toBe(201);
    const withoutTransport = builtin.filter((c) => c.code !== 'transport');
    const refused = await put(staff, staff.user.bodyId, withoutTransport);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'OPINION_CATEGORY_IN_USE',
      message: '类别“交通出行”已有意见使用，不能删除；不再使用的类别请改为停用',
      details: { codes: ['transport'] },
    });
    expect((await get(staff, staff.user.bodyId)).json().source).toBe('builtin');

    // Deactivated and renamed instead: citizens no longer choose it, the stored opinions keep what they were filed under.
    const kept = builtin.map((c) => (c.code === 'transport' ? { ...c, label: '交通', active: false } : c));
    expect((await put(staff, staff.user.bodyId, kept)).statusCode).toBe(200);
    expect((await form(cityQr.stationCode)).categories.map((c) => c.label)).not.toContain('交通');
    const inbox = (await staff.request('GET', '/api/opinions?category=transport&pageSize=5')).json();
    expect(inbox.total).toBeGreaterThan(0);
    expect(inbox.items[0].categoryLabel).toBe('交通出行');

    // A category no opinion carries may go.
    expect((await put(staff, staff.user.bodyId, [...kept, { code: 'c_pets', label: '宠物管理' }])).statusCode).toBe(200);
    const removed = await put(staff, staff.user.bodyId, kept);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().items.map((i: { label: string }) => i.label)).not.toContain('宠物管理');
  });

  it('restores the default (the parent’s or the built-in list) unless that would drop a category in use', async () => {
    const restored = await reset(staff, staff.user.bodyId);
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json()).toMatchObject({ source: 'builtin', setByBodyId: null });
    expect(restored.json().items.map((i: { label: string }) => i.label)).toEqual(builtin.map((c) => c.label));
    expect(await lastAudit(staff.user.bodyId)).toMatchObject({ action: 'delete' });
    const again = await reset(staff, staff.user.bodyId);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'OPINION_CATEGORIES_NOT_OWN',
      message: '本机关没有自己的类别字典，已在沿用上级机关或内置的字典',
    });

    // 秀洲区's own 加装电梯 carries an opinion of a town below it, and the built-in list has no such category.
    const refused = await reset(xzstaff, xzstaff.user.bodyId);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe('类别“老旧小区加装电梯”已有意见使用，而内置的字典中没有，不能恢复默认');
    expect((await get(xzstaff, xzstaff.user.bodyId)).json().source).toBe('own');
  });
});
