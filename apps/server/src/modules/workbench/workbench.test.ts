import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workbench } from '@renda/shared';
import { clock } from '../../platform/clock.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { stations } from '../stations/tables.js';

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
    '/supervision/points': role === 'handling_unit' ? '/api/supervision-points/assigned' : '/api/supervision-points',
    '/supervision/items': '/api/supervision-items',
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
    // A reminder opens a form; meetings and ballots open the deputy's own pages (tested below).
    if (entry.link.endsWith('/new') || entry.module === 'meetings') continue;
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
        'supervision.answered',
        'supervision.overdue',
        'supervision.stageOverdue',
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
    expect(keys(entries)).toEqual([
      'opinions.overdue',
      'suggestions.supervised',
      'suggestions.overdue',
      'supervision.overdue',
      'supervision.stageOverdue',
    ]);
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
      'meetings.upcoming',
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
      'supervision.open',
      'supervision.overdue',
    ]);
    const due = entries.find((e) => e.key === 'suggestions.due')!.items!;
    const dates = due.map((i) => i.dueAt!);
    expect(dates).toEqual([...dates].sort());
  });

  it('deputy: a meeting waits for their answer until they confirm, then is listed among the meetings coming up', async () => {
    const [staff, deputy] = await Promise.all([t.login('staff'), t.login('deputy')]);
    const line = async () => (await workbenchOf(deputy)).entries.find((e) => e.key === 'meetings.upcoming')!;
    // The demo's own notices are answered first, so the line starts by listing what comes up.
    for (let asking = await line(); asking.tone === 'todo'; asking = await line()) {
      for (const item of asking.items!) {
        const answered = await deputy.request('POST', `/api/my/meetings/${item.id}/reply`, { response: 'confirmed' });
        expect(answered.statusCode, answered.body).toBe(200);
      }
    }
    const before = await line();
    expect(before).toMatchObject({ label: '近期会议', tone: 'watch' });
    const created = await staff.request('POST', '/api/meetings', {
      bodyId: staff.user.bodyId,
      kind: 'standing_committee',
      number: 31,
      term: '第九届',
      title: '市九届人大常委会第三十一次会议（工作台测试）',
      from: '2099-03-02',
      to: '2099-03-02',
      place: '市人大常委会第一会议室',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: string }>().id;
    // A meeting still being arranged is not on the deputy's list.
    expect(await line()).toEqual(before);
    expect((await staff.request('POST', `/api/meetings/${id}/actions/notify`, {})).statusCode).toBe(200);
    const asking = await line();
    expect(asking).toMatchObject({ label: '待确认出席的会议', tone: 'todo', count: 1 });
    expect(asking.items).toEqual([expect.objectContaining({ id, state: '待确认出席', dateKind: 'meeting', link: `/meetings/my/${id}` })]);
    // The line opens 我的会议 filtered to exactly the meetings it counts.
    const listed = async (link: string) =>
      (await deputy.request('GET', link.replace('/meetings/my', '/api/my/meetings')))
        .json<{ items: { id: string }[] }>()
        .items.map((m) => m.id);
    expect(asking.link).toBe('/meetings/my?show=awaiting');
    expect(await listed(asking.link)).toEqual([id]);
    expect((await deputy.request('GET', `/api/my/meetings/${id}`)).statusCode).toBe(200);
    const replied = await deputy.request('POST', `/api/my/meetings/${id}/reply`, { response: 'confirmed' });
    expect(replied.statusCode, replied.body).toBe(200);
    const after = await line();
    expect(after).toMatchObject({ label: '近期会议', tone: 'watch', count: before.count + 1 });
    expect(after.items!.map((i) => i.id)).toContain(id);
    expect(after.link).toBe('/meetings/my?show=coming');
    expect(await listed(after.link)).toHaveLength(after.count);
  });

  it('a voter: an open vote waiting for their ballot opens the phone ballot, and the line goes once they vote', async () => {
    const [staff, deputy] = await Promise.all([t.login('staff'), t.login('deputy')]);
    const waiting = async () => (await workbenchOf(deputy)).entries.find((e) => e.key === 'votes.waiting');
    const before = (await waiting())?.count ?? 0;
    const own = (await deputy.request('GET', '/api/me/deputy')).json<{ id: string }>().id;
    const vote = await staff.request('POST', '/api/votes', {
      bodyId: staff.user.bodyId,
      title: '工作台测试表决',
      subject: { module: 'livelihood', id: 'workbench-test' },
      electorate: { kind: 'list', deputyIds: [own] },
      ballotKind: 'approve',
      maxChoices: 1,
      secret: true,
      items: [{ key: 'a', label: '老旧小区加装电梯' }],
      rule: { places: 1, source: '测试' },
    });
    expect(vote.statusCode, vote.body).toBe(201);
    const id = vote.json<{ id: string }>().id;
    expect((await waiting())?.count ?? 0, 'a draft vote asks for no ballot').toBe(before);
    expect((await staff.request('POST', `/api/votes/${id}/actions/open`)).statusCode).toBe(200);
    const line = (await waiting())!;
    expect(line.count).toBe(before + 1);
    expect(line.items!.find((i) => i.id === id)).toMatchObject({ title: '工作台测试表决', link: `/votes/${id}/ballot` });
    const cast = await deputy.request('POST', `/api/votes/${id}/ballots`, { choices: { a: 'chosen' } });
    expect(cast.statusCode, cast.body).toBe(200);
    expect((await waiting())?.count ?? 0).toBe(before);
  });

  it('an administrator has no casework lines', async () => {
    const admin = await t.login('admin');
    expect((await workbenchOf(admin)).entries).toEqual([]);
  });
});

describe('figures that moved (the leader’s): this month so far against the same days of last month', () => {
  const total = async (session: Session, url: string) => {
    const res = await session.request('GET', url);
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return res.json<{ total: number; items: { id: string }[] }>();
  };

  it('each figure is the total of its list filtered to its period, China dates, and a new opinion moves it', async () => {
    clock.set(new Date('2026-12-05T02:00:00Z')); // 5 December, 10:00 in China
    try {
      const [leader, staff] = await Promise.all([t.login('leader'), t.login('staff')]);
      const { figures } = await workbenchOf(leader);
      expect(figures.map((f) => f.key)).toEqual([
        'opinions.received',
        'opinions.receivedOverdue',
        'suggestions.submitted',
        'suggestions.submittedOverdue',
      ]);
      for (const f of figures) {
        expect(f.period).toEqual({ from: '2026-12-01', to: '2026-12-05' });
        expect(f.previousPeriod).toEqual({ from: '2026-11-01', to: '2026-11-05' });
        expect(f.link).toContain('from=2026-12-01&to=2026-12-05');
        expect((await total(leader, apiOf(f.link, 'leader'))).total, f.label).toBe(f.current);
        expect((await total(leader, apiOf(f.previousLink, 'leader'))).total, f.label).toBe(f.previous);
        expect(f.change).toBe(f.current - f.previous);
      }
      expect(figures.find((f) => f.key === 'opinions.received')!.link).toBe('/opinions?from=2026-12-01&to=2026-12-05');
      expect(figures.find((f) => f.key === 'opinions.receivedOverdue')).toMatchObject({ riseIsBad: true });

      // Sent at 00:30 on 1 December in China (still 30 November in UTC): this month's, not last month's.
      clock.set(new Date('2026-11-30T16:30:00Z'));
      // One of the demo city's own stations (its QR code), as a citizen scans it.
      const [station] = await t.db
        .select({ publicCode: stations.publicCode })
        .from(stations)
        .where(eq(stations.bodyId, staff.user.bodyId))
        .limit(1);
      const stationCode = station!.publicCode;
      const sent = await t.app.inject({
        method: 'POST',
        url: '/api/public/opinions',
        payload: { station: stationCode, category: 'transport', content: '公交站台没有遮雨棚，下雨天等车淋雨。', phone: '13700009901' },
        remoteAddress: '10.9.9.1',
      });
      expect(sent.statusCode, sent.body).toBe(201);
      clock.set(new Date('2026-12-05T02:00:00Z'));
      const moved = (await workbenchOf(leader)).figures;
      const received = (fs: typeof figures) => fs.find((f) => f.key === 'opinions.received')!;
      expect(received(moved)).toMatchObject({ current: received(figures).current + 1, previous: received(figures).previous });

      // The list's own date filter: the day it came in, not the day before; the filter bar's local date-times read the same.
      const ids = async (from: string, to: string) =>
        (await total(leader, `/api/opinions?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&pageSize=100`)).items.map(
          (i) => i.id,
        );
      const code = sent.json<{ trackingCode: string }>().trackingCode;
      const id = (await total(leader, `/api/opinions?q=${code}`)).items[0]!.id;
      expect(await ids('2026-12-01', '2026-12-01')).toContain(id);
      expect(await ids('2026-12-01T00:00:00+08:00', '2026-12-01T23:59:59+08:00')).toEqual(await ids('2026-12-01', '2026-12-01'));
      expect(await ids('2026-11-30', '2026-11-30')).not.toContain(id);

      // Suggestions filter by the day they were submitted; a period with none answers none.
      expect((await total(leader, '/api/suggestions?from=2099-01-01&to=2099-12-31')).total).toBe(0);
      const all = (await total(leader, '/api/suggestions')).total;
      expect((await total(leader, '/api/suggestions?from=2000-01-01&to=2098-12-31')).total).toBeLessThanOrEqual(all);
    } finally {
      clock.set(null);
    }
  });

  it('only a leader has figures', async () => {
    for (const who of ['staff', 'deputy', 'unit', 'admin']) expect((await workbenchOf(await t.login(who))).figures, who).toEqual([]);
  });
});
