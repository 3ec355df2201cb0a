import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';

let t: TestApp;
let admin: Awaited<ReturnType<TestApp['login']>>;
let bodies: { id: string; name: string; level: string; parentId: string | null; regionCode: string }[];
const byName = (name: string) => bodies.find((b) => b.name === name)!;

beforeAll(async () => {
  t = await buildTestApp();
  admin = await t.login('admin');
  bodies = (await admin.request('GET', '/api/bodies')).json().items;
});
afterAll(() => t.close());

describe('congress bodies and the region tree', () => {
  it('has the demo city, three county-level bodies and their townships on official division codes', () => {
    expect(byName('嘉兴市人大常委会')).toMatchObject({ level: 'city', regionCode: '330400', parentId: null });
    for (const name of ['南湖区人大常委会', '秀洲区人大常委会', '嘉善县人大常委会']) expect(byName(name).level).toBe('county');
    expect(byName('王江泾镇人民代表大会')).toMatchObject({ level: 'township', parentId: byName('秀洲区人大常委会').id });
    expect(byName('新城街道议政代表会').level).toBe('subdistrict');
  });

  it('walks regions level by level', async () => {
    const towns = (await t.app.inject({ method: 'GET', url: '/api/regions?parentCode=330411' })).json().items;
    expect(towns.map((r: { name: string }) => r.name)).toContain('王江泾镇');
    const villages = (await t.app.inject({ method: 'GET', url: `/api/regions?parentCode=${towns[0].code}` })).json().items;
    expect(villages.length).toBeGreaterThan(0);
    expect(villages[0].level).toBe('village');
  });

  it('refuses a body whose level or region does not fit under its parent, with a field to fix', async () => {
    const county = byName('秀洲区人大常委会');
    const wrongLevel = await admin.request('POST', '/api/admin/bodies', {
      parentId: county.id,
      regionCode: '330000',
      level: 'provincial',
      name: '错误机关',
    });
    expect(wrongLevel.statusCode).toBe(400);
    expect(wrongLevel.json().error.code).toBe('BODY_LEVEL_INVALID');
    const wrongRegion = await admin.request('POST', '/api/admin/bodies', {
      parentId: county.id,
      regionCode: '330411',
      level: 'township',
      name: '错误乡镇',
    });
    expect(wrongRegion.json().error.code).toBe('REGION_LEVEL_MISMATCH');
    expect(wrongRegion.json().error.details.fields[0].path).toBe('regionCode');
    const unknown = await admin.request('POST', '/api/admin/bodies', {
      parentId: county.id,
      regionCode: '999999999',
      level: 'township',
      name: '不存在',
    });
    expect(unknown.json().error.code).toBe('REGION_NOT_FOUND');
  });

  it('moves a body with its subtree and refuses a cycle', async () => {
    const nanhu = byName('南湖区人大常委会');
    const xiuzhou = byName('秀洲区人大常委会');
    const town = byName('王江泾镇人民代表大会');
    const cycle = await admin.request('PATCH', `/api/admin/bodies/${xiuzhou.id}`, {
      parentId: town.id,
      regionCode: '330411',
      level: 'county',
      name: xiuzhou.name,
    });
    expect(cycle.statusCode).toBe(400);
    const moved = await admin.request('PATCH', `/api/admin/bodies/${town.id}`, {
      parentId: nanhu.id,
      regionCode: town.regionCode,
      level: 'township',
      name: town.name,
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().parentId).toBe(nanhu.id);
    const back = await admin.request('PATCH', `/api/admin/bodies/${town.id}`, {
      parentId: xiuzhou.id,
      regionCode: town.regionCode,
      level: 'township',
      name: town.name,
    });
    expect(back.statusCode).toBe(200);
  });
});

describe('data scope', () => {
  it('a district administrator sees and manages only the district and the bodies below it', async () => {
    const xiuzhou = byName('秀洲区人大常委会');
    const created = await admin.request('POST', '/api/admin/users', {
      username: 'xzadmin',
      displayName: '钱立新',
      role: 'admin',
      bodyId: xiuzhou.id,
      password: 'Xiuzhou2026b',
    });
    expect(created.statusCode).toBe(201);
    const district = await t.firstLogin('xzadmin', 'Xiuzhou2026b');
    const visible = (await district.request('GET', '/api/bodies')).json().items as { name: string }[];
    expect(visible.map((b) => b.name)).toContain('王江泾镇人民代表大会');
    expect(visible.map((b) => b.name)).not.toContain('嘉兴市人大常委会');
    expect(visible.map((b) => b.name)).not.toContain('南湖区人大常委会');

    const users = (await district.request('GET', '/api/admin/users?pageSize=100')).json();
    expect(users.items.every((u: { bodyName: string }) => u.bodyName !== '嘉兴市人大常委会')).toBe(true);
    const cityStaff = (await admin.request('GET', '/api/admin/users?q=staff'))
      .json()
      .items.find((u: { username: string }) => u.username === 'staff');
    const reach = await district.request('PATCH', `/api/admin/users/${cityStaff.id}`, { displayName: '越权修改' });
    expect(reach.statusCode).toBe(404);
    const intoCity = await district.request('POST', '/api/admin/users', {
      username: 'sneaky',
      displayName: '越权账号',
      role: 'staff',
      bodyId: byName('嘉兴市人大常委会').id,
      password: 'Sneaky20261',
    });
    expect(intoCity.statusCode).toBe(404);
  });
});

describe('handling units and users', () => {
  it('requires a handling unit for a handling-unit account and pages the user list', async () => {
    const city = byName('嘉兴市人大常委会');
    const missing = await admin.request('POST', '/api/admin/users', {
      username: 'unit2',
      displayName: '赵磊',
      role: 'handling_unit',
      bodyId: city.id,
      password: 'Unit2026abc',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.fields[0].path).toBe('handlingUnitId');
    const page = (await admin.request('GET', '/api/admin/users?page=1&pageSize=2')).json();
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThanOrEqual(6);
    expect(JSON.stringify(page)).not.toContain('passwordHash');
  });

  it("an administrator's password reset asks the user to change it at the next login, and is audited so", async () => {
    const leader = await t.login('leader');
    const reset = await admin.request('POST', `/api/admin/users/${leader.user.id}/reset-password`, { password: 'Reset2026abc' });
    expect(reset.statusCode, reset.body).toBe(204);
    expect((await leader.request('GET', '/api/auth/me')).statusCode).toBe(401);
    const again = await t.login('leader', 'Reset2026abc');
    expect((await again.request('GET', '/api/auth/me')).json().user.passwordMustChange).toBe(true);
    expect((await again.request('GET', '/api/suggestions')).json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const listed = (await admin.request('GET', '/api/admin/users?q=leader'))
      .json()
      .items.find((u: { username: string }) => u.username === 'leader');
    expect(listed.passwordMustChange).toBe(true);
    const audit = (await admin.request('GET', `/api/audit?entity=user&entityId=${leader.user.id}&action=reset_password`)).json().items;
    expect(audit).toEqual([expect.objectContaining({ after: { passwordMustChange: true } })]);
    // Back to the demo password, as the user's own choice.
    const own = await again.request('POST', '/api/auth/change-password', { currentPassword: 'Reset2026abc', newPassword: 'Renda2026demo' });
    expect(own.statusCode, own.body).toBe(204);
    expect((await again.request('GET', '/api/suggestions')).statusCode).toBe(200);
  });

  it('deactivating a user ends their sessions; an admin cannot deactivate themself', async () => {
    const leader = await t.login('leader');
    const self = await admin.request('PATCH', `/api/admin/users/${admin.user.id}`, { active: false });
    expect(self.statusCode).toBe(403);
    const off = await admin.request('PATCH', `/api/admin/users/${leader.user.id}`, { active: false });
    expect(off.json().active).toBe(false);
    expect((await leader.request('GET', '/api/auth/me')).statusCode).toBe(401);
    await admin.request('PATCH', `/api/admin/users/${leader.user.id}`, { active: true });
  });

  it('sets a per-body deadline rule that lower bodies inherit until they set their own', async () => {
    // The rule registry is filled by modules; the test registers one of its own.
    const { defineDeadlineRule } = await import('../../platform/deadline-rules.js');
    defineDeadlineRule({ key: 'test.reply', label: '测试答复期限', default: { amount: 3, unit: 'calendar_months' }, source: '测试' });
    const city = byName('嘉兴市人大常委会');
    const town = byName('王江泾镇人民代表大会');
    const set = await admin.request('PUT', '/api/admin/deadline-rules/test.reply', {
      bodyId: city.id,
      rule: { amount: 2, unit: 'calendar_months' },
    });
    expect(set.statusCode).toBe(200);
    const inherited = (await admin.request('GET', `/api/admin/deadline-rules?bodyId=${town.id}`))
      .json()
      .items.find((r: { key: string }) => r.key === 'test.reply');
    expect(inherited).toMatchObject({ inForce: { amount: 2, unit: 'calendar_months' }, setByBodyId: city.id, default: { amount: 3 } });
    const bad = await admin.request('PUT', '/api/admin/deadline-rules/test.reply', { bodyId: city.id, rule: { amount: 0, unit: 'weeks' } });
    expect(bad.statusCode).toBe(400);
    await admin.request('PUT', '/api/admin/deadline-rules/test.reply', { bodyId: city.id, rule: null });
    const back = (await admin.request('GET', `/api/admin/deadline-rules?bodyId=${town.id}`))
      .json()
      .items.find((r: { key: string }) => r.key === 'test.reply');
    expect(back).toMatchObject({ inForce: { amount: 3 }, setByBodyId: null });
  });

  it('searches for % and _ as the characters themselves, not as LIKE wildcards', async () => {
    const city = byName('嘉兴市人大常委会');
    for (const name of ['满意率100%服务中心', '第_号便民服务点'])
      expect((await admin.request('POST', '/api/admin/handling-units', { bodyId: city.id, name, kind: 'other' })).statusCode).toBe(201);
    const units = async (q: string) =>
      ((await admin.request('GET', `/api/handling-units?pageSize=100&q=${encodeURIComponent(q)}`)).json().items as { name: string }[]).map(
        (u) => u.name,
      );
    expect(await units('%')).toEqual(['满意率100%服务中心']);
    expect(await units('_')).toEqual(['第_号便民服务点']);
    expect(await units('0%服')).toEqual(['满意率100%服务中心']);

    const created = await admin.request('POST', '/api/admin/users', {
      username: 'li_ming',
      displayName: '李明',
      role: 'staff',
      bodyId: city.id,
      password: 'LiMing2026ab',
    });
    expect(created.statusCode, created.body).toBe(201);
    const users = async (q: string) =>
      ((await admin.request('GET', `/api/admin/users?pageSize=100&q=${encodeURIComponent(q)}`)).json().items as { username: string }[]).map(
        (u) => u.username,
      );
    expect(await users('_')).toEqual(['li_ming']);
    expect(await users('%')).toEqual([]);
  });
});
