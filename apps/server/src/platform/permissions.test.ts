import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, permissions, roles, type Permission } from '@renda/shared';
import { buildTestApp, type TestApp } from '../test/app.js';
import { demoAccounts } from '../seed/demo.js';

/** One representative route per protected route class; the matrix below runs each as each role. */
const probes: Record<Permission, { method: 'GET' | 'POST'; url: string }> = {
  'admin.manage': { method: 'GET', url: '/api/admin/users' },
  'audit.read': { method: 'GET', url: '/api/audit' },
  'bodies.read': { method: 'GET', url: '/api/bodies' },
  'handlingUnits.read': { method: 'GET', url: '/api/handling-units' },
  'notifications.own': { method: 'GET', url: '/api/notifications/unread-count' },
  'attachments.upload': { method: 'GET', url: '/api/attachments?ownerEntity=body&ownerId=00000000-0000-0000-0000-000000000000' },
  'outbox.read': { method: 'GET', url: '/api/admin/outbox' },
};

let t: TestApp;
const sessions = new Map<string, Awaited<ReturnType<TestApp['login']>>>();
beforeAll(async () => {
  t = await buildTestApp();
  for (const role of roles) {
    const account = demoAccounts.find((a) => a.role === role)!;
    sessions.set(role, await t.login(account.username));
  }
});
afterAll(() => t.close());

describe('permission matrix', () => {
  const cases = Object.keys(permissions).flatMap((p) => roles.map((r) => [p as Permission, r] as const));
  it.each(cases)('%s as %s', async (permission, role) => {
    const probe = probes[permission];
    const res = await sessions.get(role)!.request(probe.method, probe.url);
    if (can(role, permission)) expect(res.statusCode, res.body).not.toBe(403);
    else {
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toEqual({ code: 'FORBIDDEN', message: '没有权限执行此操作' });
    }
    expect(res.statusCode).toBeLessThan(500);
  });

  it.each(Object.entries(probes))('%s without a session is 401', async (_permission, probe) => {
    const res = await t.app.inject({ method: probe.method, url: probe.url });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHORIZED');
  });
});
