import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workbench } from '@renda/shared';
import { buildTestApp, type TestApp } from '../../test/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
}, 120_000);
afterAll(() => t?.close());

type Session = Awaited<ReturnType<TestApp['login']>>;

/** The API behind the page an entry opens (a unit's /opinions is the list of opinions routed to it). */
function apiOf(link: string, role: string): string {
  const [path, query = ''] = link.split('?');
  const api: Record<string, string> = {
    '/suggestions': '/api/suggestions',
    '/suggestions/assigned': '/api/suggestions/assigned',
    '/opinions': role === 'handling_unit' ? '/api/opinions/assigned' : '/api/opinions',
    '/opinions/received': '/api/me/opinions',
    '/stations': '/api/stations',
    '/deputies/duties': '/api/duties',
  };
  if (!api[path!]) throw new Error(`no list behind ${link}`);
  return `${api[path!]}?${query}${query ? '&' : ''}pageSize=100`;
}

async function workbenchOf(session: Session) {
  const res = await session.request('GET', '/api/workbench');
  expect(res.statusCode).toBe(200);
  return res.json<Workbench>();
}

/** Every entry's count is the total of the filtered list it opens, and its items are in that list. */
async function expectEntriesMatchLists(session: Session, role: string) {
  const { entries } = await workbenchOf(session);
  for (const entry of entries) {
    if (entry.link.endsWith('/new')) continue; // a reminder opens a form, not a list
    const res = await session.request('GET', apiOf(entry.link, role));
    expect(res.statusCode, entry.link).toBe(200);
    const list = res.json<{ total: number; items: { id: string }[] }>();
    expect(list.total, `${entry.label} (${entry.link})`).toBe(entry.count);
    for (const item of entry.items ?? []) expect(list.items.map((i) => i.id)).toContain(item.id);
  }
  return entries;
}

const keys = (entries: Workbench['entries']) => entries.map((e) => e.key);

describe('the workbench (工作台): a to-do list per role, each line opening the list it counts', () => {
  it('staff: opinions to accept, suggestions to review and assign, requests waiting, overdue items, rota gaps', async () => {
    const staff = await t.login('staff');
    const entries = await expectEntriesMatchLists(staff, 'staff');
    expect(keys(entries)).toEqual(
      expect.arrayContaining([
        'opinions.submitted',
        'opinions.overdue',
        'suggestions.submitted',
        'suggestions.accepted',
        'suggestions.reassignment',
        'suggestions.extension',
        'suggestions.overdue',
        'stations.rotaGap',
      ]),
    );
    // Accepting a submitted suggestion moves it from 待审核 to 待交办.
    const count = (es: Workbench['entries'], key: string) => es.find((e) => e.key === key)!.count;
    const submitted = await staff.request('GET', '/api/suggestions?state=submitted&pageSize=1');
    const first = submitted.json<{ items: { id: string }[] }>().items[0];
    expect(first, 'the demo has a submitted suggestion').toBeDefined();
    expect((await staff.request('POST', `/api/suggestions/${first!.id}/actions/accept`, {})).statusCode).toBe(200);
    const after = (await workbenchOf(staff)).entries;
    expect(count(after, 'suggestions.submitted')).toBe(count(entries, 'suggestions.submitted') - 1);
    expect(count(after, 'suggestions.accepted')).toBe(count(entries, 'suggestions.accepted') + 1);
  });

  it('leader: the key suggestions they supervise with their state, and overdue items in scope', async () => {
    const leader = await t.login('leader');
    const entries = await expectEntriesMatchLists(leader, 'leader');
    expect(keys(entries)).toEqual(['opinions.overdue', 'suggestions.supervised', 'suggestions.overdue']);
    const supervised = entries.find((e) => e.key === 'suggestions.supervised')!;
    expect(supervised.link).toBe('/suggestions?supervisedByMe=true');
    expect(supervised.items!.length).toBe(Math.min(5, supervised.count));
    for (const item of supervised.items!) expect(item.state).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('deputy: co-sign invitations, opinions sent to them, replies to rate, the duty-log reminder', async () => {
    const deputy = await t.login('deputy');
    const entries = await expectEntriesMatchLists(deputy, 'deputy');
    expect(keys(entries)).toEqual([
      'opinions.received',
      'suggestions.cosign',
      'suggestions.rating',
      'suggestions.returned',
      'deputies.duties',
    ]);
    const duty = entries.find((e) => e.key === 'deputies.duties')!;
    expect(duty.count === 0 ? duty.link : duty.link.startsWith('/deputies/duties?from=')).toBe(
      duty.count === 0 ? '/deputies/duties/new' : true,
    );
  });

  it('handling unit: items to sign for, replies due soonest first, joint opinions owed, overdue', async () => {
    const unit = await t.login('unit');
    const entries = await expectEntriesMatchLists(unit, 'handling_unit');
    expect(keys(entries)).toEqual([
      'opinions.signFor',
      'opinions.reply',
      'opinions.overdue',
      'suggestions.signFor',
      'suggestions.due',
      'suggestions.jointOpinion',
      'suggestions.overdue',
    ]);
    const due = entries.find((e) => e.key === 'suggestions.due')!.items!;
    const dates = due.map((i) => i.dueAt!);
    expect(dates).toEqual([...dates].sort());
  });

  it('an administrator has no casework lines', async () => {
    const admin = await t.login('admin');
    expect((await workbenchOf(admin)).entries).toEqual([]);
  });
});
