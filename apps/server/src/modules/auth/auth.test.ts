import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, users } from '../../db/schema.js';
import { buildTestApp, type TestApp } from '../../test/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

async function csrf() {
  const res = await t.app.inject({ method: 'GET', url: '/api/auth/csrf' });
  return { token: res.json().csrfToken as string, cookie: res.cookies.find((c) => c.name === '_csrf')!.value };
}

async function attempt(username: string, password: string) {
  const { token, cookie } = await csrf();
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    headers: { 'x-csrf-token': token },
    cookies: { _csrf: cookie },
  });
}

describe('login', () => {
  it('opens a session that /api/auth/me reports, with an http-only strict cookie', async () => {
    const res = await attempt('staff', 'Renda2026demo');
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ username: 'staff', role: 'staff', bodyName: '嘉兴市人大常委会' });
    const cookie = res.cookies.find((c) => c.name === 'renda_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { renda_session: cookie.value } });
    expect(me.json().user.displayName).toBe('李晓燕');
    const state = await t.app.inject({ method: 'GET', url: '/api/auth/session', cookies: { renda_session: cookie.value } });
    expect(state.json().user.username).toBe('staff');
  });

  it('tells a visitor without a session that nobody is logged in, without an error status', async () => {
    const state = await t.app.inject({ method: 'GET', url: '/api/auth/session' });
    expect(state.statusCode).toBe(200);
    expect(state.json().user).toBeNull();
    expect(state.json().csrfToken).toBeTruthy();
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('refuses a wrong password and an unknown user with the same Chinese message', async () => {
    const wrong = await attempt('leader', 'not-the-password1');
    const unknown = await attempt('nobody', 'not-the-password1');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error).toEqual({ code: 'LOGIN_FAILED', message: '用户名或密码错误' });
    expect(unknown.json().error).toEqual(wrong.json().error);
  });

  it('refuses a login without the CSRF token', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'staff', password: 'Renda2026demo' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_INVALID');
  });

  it('refuses a malformed body with field details', async () => {
    const { token, cookie } = await csrf();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: '' },
      headers: { 'x-csrf-token': token },
      cookies: { _csrf: cookie },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json().error;
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.message).toContain('请输入用户名');
    expect(body.details.fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['username', 'password']));
  });

  it('locks the account after five failures in a row, even for the right password, until an admin unlocks it', async () => {
    for (let i = 0; i < 4; i++) expect((await attempt('deputy', `wrong-password-${i}`)).statusCode).toBe(401);
    const fifth = await attempt('deputy', 'wrong-password-5');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.message).toContain('锁定');
    const right = await attempt('deputy', 'Renda2026demo');
    expect(right.statusCode).toBe(423);

    const admin = await t.login('admin');
    const deputy = await t.db.query.users.findFirst({ where: eq(users.username, 'deputy') });
    const unlocked = await admin.request('POST', `/api/admin/users/${deputy!.id}/unlock`);
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json().lockedUntil).toBeNull();
    expect((await attempt('deputy', 'Renda2026demo')).statusCode).toBe(200);
  });
});

describe('logout and password change', () => {
  it('logout ends the session', async () => {
    const s = await t.login('leader');
    expect((await s.request('POST', '/api/auth/logout')).statusCode).toBe(204);
    expect((await s.request('GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('changing the password keeps this session, ends the others, and checks the current password', async () => {
    const a = await t.login('xzstaff');
    const b = await t.login('xzstaff');
    const wrong = await a.request('POST', '/api/auth/change-password', { currentPassword: 'nope-nope-1', newPassword: 'NewSecret2027' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('CURRENT_PASSWORD_WRONG');
    const weak = await a.request('POST', '/api/auth/change-password', { currentPassword: 'Renda2026demo', newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    const ok = await a.request('POST', '/api/auth/change-password', { currentPassword: 'Renda2026demo', newPassword: 'NewSecret2027' });
    expect(ok.statusCode).toBe(204);
    expect((await a.request('GET', '/api/auth/me')).statusCode).toBe(200);
    expect((await b.request('GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await attempt('xzstaff', 'NewSecret2027')).statusCode).toBe(200);
  });
});

describe('a password someone else chose', () => {
  /** A staff account an administrator opens with a password of the administrator's choosing. */
  async function openedByAdmin(username: string, displayName: string, password: string) {
    const admin = await t.login('admin');
    const created = await admin.request('POST', '/api/admin/users', {
      username,
      displayName,
      role: 'staff',
      bodyId: admin.user.bodyId,
      password,
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json() as { passwordMustChange: boolean };
  }

  it('holds back every API but the change itself until the user picks their own, then lifts the mark and audits it', async () => {
    expect((await attempt('leader', 'Renda2026demo')).json().user.passwordMustChange).toBe(false);
    expect((await openedByAdmin('firstlogin', '周雨桐', 'Initial2026x')).passwordMustChange).toBe(true);

    const login = await attempt('firstlogin', 'Initial2026x');
    expect(login.json().user).toMatchObject({ username: 'firstlogin', passwordMustChange: true });
    const user = await t.login('firstlogin', 'Initial2026x');
    expect((await user.request('GET', '/api/auth/me')).json().user.passwordMustChange).toBe(true);
    expect((await user.request('GET', '/api/auth/session')).json().user.passwordMustChange).toBe(true);
    for (const [method, url] of [
      ['GET', '/api/bodies'],
      ['GET', '/api/suggestions?pageSize=5'],
      ['POST', '/api/admin/users'],
    ] as const) {
      const refused = await user.request(method, url, {});
      expect(refused.statusCode, url).toBe(403);
      expect(refused.json().error).toEqual({ code: 'PASSWORD_CHANGE_REQUIRED', message: '请先修改初始密码' });
    }

    const same = await user.request('POST', '/api/auth/change-password', { currentPassword: 'Initial2026x', newPassword: 'Initial2026x' });
    expect(same.statusCode).toBe(400);
    expect(same.json().error).toMatchObject({ code: 'PASSWORD_UNCHANGED', message: '新密码不能与当前密码相同' });
    const weak = await user.request('POST', '/api/auth/change-password', { currentPassword: 'Initial2026x', newPassword: 'onlyletters' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.message).toContain('密码须包含数字');
    expect((await user.request('GET', '/api/bodies')).statusCode).toBe(403);

    const ok = await user.request('POST', '/api/auth/change-password', { currentPassword: 'Initial2026x', newPassword: 'MyOwnPass2027' });
    expect(ok.statusCode).toBe(204);
    expect((await user.request('GET', '/api/auth/me')).json().user.passwordMustChange).toBe(false);
    expect((await user.request('GET', '/api/bodies')).statusCode).toBe(200);
    expect((await attempt('firstlogin', 'MyOwnPass2027')).json().user.passwordMustChange).toBe(false);
    const [changed] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, user.user.id), eq(auditEvents.action, 'change_password')));
    expect(changed).toMatchObject({ actorId: user.user.id, before: { passwordMustChange: true }, after: { passwordMustChange: false } });
  });

  it('lets a user with the mark log out', async () => {
    await openedByAdmin('firstlogout', '吴思远', 'Initial2026y');
    const user = await t.login('firstlogout', 'Initial2026y');
    expect((await user.request('POST', '/api/auth/logout')).statusCode).toBe(204);
    expect((await user.request('GET', '/api/auth/me')).statusCode).toBe(401);
  });
});

describe('bad requests lose nothing', () => {
  it('a refused user creation writes no user and no audit event', async () => {
    const admin = await t.login('admin');
    const [before] = await t.db.select({ n: count() }).from(users);
    const res = await admin.request('POST', '/api/admin/users', { username: 'x', role: 'nobody' });
    expect(res.statusCode).toBe(400);
    const dup = await admin.request('POST', '/api/admin/users', {
      username: 'staff',
      displayName: '重复账号',
      role: 'staff',
      bodyId: admin.user.bodyId,
      password: 'Abcdef12345',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('ALREADY_EXISTS');
    const [after] = await t.db.select({ n: count() }).from(users);
    expect(after!.n).toBe(before!.n);
  });

  it('answers an unknown API route with the JSON error shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('ROUTE_NOT_FOUND');
  });
});
