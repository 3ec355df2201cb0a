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
  'workbench.read': { method: 'GET', url: '/api/workbench' },
  'attachments.upload': { method: 'GET', url: '/api/attachments?ownerEntity=body&ownerId=00000000-0000-0000-0000-000000000000' },
  'followUps.use': { method: 'GET', url: '/api/follow-up-tasks?subjectType=major_matter&subjectId=00000000-0000-0000-0000-000000000000' },
  'outbox.read': { method: 'GET', url: '/api/admin/outbox' },
  'calendar.read': { method: 'GET', url: '/api/calendar/coverage' },
  'calendar.manage': { method: 'GET', url: '/api/admin/calendar/years' },
  'deputies.read': { method: 'GET', url: '/api/deputies' },
  'deputies.manage': { method: 'GET', url: '/api/deputies/import-template.xlsx' },
  'deputies.self': { method: 'GET', url: '/api/me/deputy' },
  'duties.record': { method: 'GET', url: '/api/duties' },
  'stations.read': { method: 'GET', url: '/api/stations' },
  'stations.manage': { method: 'GET', url: '/api/stations/00000000-0000-0000-0000-000000000000/sessions/export.xlsx' },
  'suggestions.read': { method: 'GET', url: '/api/suggestions' },
  'suggestions.draft': { method: 'POST', url: '/api/suggestions' },
  'suggestions.manage': { method: 'POST', url: '/api/suggestion-sessions' },
  'suggestions.rates': { method: 'GET', url: '/api/suggestions/rates' },
  'suggestions.handle': { method: 'GET', url: '/api/suggestions/assigned' },
  'suggestions.settings': { method: 'GET', url: '/api/suggestion-settings/00000000-0000-0000-0000-000000000000' },
  'opinions.read': { method: 'GET', url: '/api/opinions/export' },
  'opinions.triage': { method: 'POST', url: '/api/opinions/bulk-accept' },
  'opinions.handle': { method: 'GET', url: '/api/opinions/assigned' },
  'opinions.categories': { method: 'GET', url: '/api/opinions/categories?bodyId=00000000-0000-0000-0000-000000000000' },
  'campaigns.read': { method: 'GET', url: '/api/campaigns' },
  'campaigns.manage': { method: 'POST', url: '/api/campaigns' },
  'campaigns.handle': { method: 'GET', url: '/api/campaign-clues/assigned' },
  'campaigns.visit': { method: 'GET', url: '/api/my/campaigns' },
  'reportbacks.read': { method: 'GET', url: '/api/reportbacks' },
  'reportbacks.manage': { method: 'POST', url: '/api/reportbacks' },
  'opinions.received': { method: 'GET', url: '/api/me/opinions' },
  'honours.read': { method: 'GET', url: '/api/honours' },
  'honours.manage': { method: 'POST', url: '/api/honours' },
  'honours.vote': { method: 'POST', url: '/api/honours/00000000-0000-0000-0000-000000000000/ballots' },
  'votes.read': { method: 'GET', url: '/api/votes' },
  'votes.manage': { method: 'GET', url: '/api/votes/00000000-0000-0000-0000-000000000000/turnout' },
  'votes.vote': { method: 'POST', url: '/api/votes/00000000-0000-0000-0000-000000000000/ballots' },
  'contacts.read': { method: 'GET', url: '/api/contact-links' },
  'contacts.manage': { method: 'GET', url: '/api/contact-links/members' },
  'contacts.record': { method: 'POST', url: '/api/contact-links' },
  'appointments.read': { method: 'GET', url: '/api/appointments' },
  'appointments.request': { method: 'GET', url: '/api/appointments/units' },
  'livelihood.read': { method: 'GET', url: '/api/livelihood/cycles' },
  'livelihood.manage': { method: 'POST', url: '/api/livelihood/cycles' },
  'livelihood.propose': { method: 'POST', url: '/api/livelihood/proposals' },
  'livelihood.inspect': { method: 'POST', url: '/api/livelihood/projects/00000000-0000-0000-0000-000000000000/inspections' },
  'livelihood.settings': { method: 'POST', url: '/api/livelihood/settings/00000000-0000-0000-0000-000000000000' },
  'meetings.read': { method: 'GET', url: '/api/meetings' },
  'meetings.manage': { method: 'POST', url: '/api/meetings' },
  'meetings.attend': { method: 'GET', url: '/api/my/meetings' },
  'supervision.read': { method: 'GET', url: '/api/supervision-points' },
  'supervision.manage': { method: 'GET', url: '/api/joint-meetings' },
  'supervision.handle': { method: 'GET', url: '/api/supervision-points/assigned' },
  'legislation.read': { method: 'GET', url: '/api/legislation/drafts' },
  'legislation.manage': { method: 'POST', url: '/api/legislation/drafts' },
  'legislation.contribute': { method: 'GET', url: '/api/legislation/my/contact-points' },
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
    // A browser without a session still holds a CSRF token; the answer must be "log in", not "forged".
    const csrf = await t.app.inject({ method: 'GET', url: '/api/auth/csrf' });
    const res = await t.app.inject({
      method: probe.method,
      url: probe.url,
      headers: { 'x-csrf-token': csrf.json().csrfToken },
      cookies: { _csrf: csrf.cookies.find((c) => c.name === '_csrf')!.value },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHORIZED');
  });
});

describe('order of checks', () => {
  it('refuses a role before looking at the body, so a forbidden caller learns nothing about the fields', async () => {
    const res = await sessions.get('staff')!.request('POST', '/api/admin/users', { username: '' });
    expect(res.statusCode).toBe(403);
  });
});
