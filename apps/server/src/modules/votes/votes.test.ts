import { Writable } from 'node:stream';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { voteBallots, voteRoll } from '../../db/schema.js';
import { DEMO_PASSWORD } from '../../seed/demo.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { deputies } from '../deputies/tables.js';
import { giveDeputiesAccounts } from '../../test/voters.js';

type Session = Awaited<ReturnType<TestApp['login']>>;

/** Log lines the app writes while these tests run, to show that none names a ballot. */
const logLines: string[] = [];
const logStream = new Writable({
  write(chunk, _enc, done) {
    logLines.push(String(chunk));
    done();
  },
});

let t: TestApp;
let staff: Session;
let admin: Session;
let deputy: Session;
let cityId: string;
let voters: Session[];
let voterDeputyIds: string[];
let listIds: string[];

const source = '《地方各级人民代表大会和地方各级人民政府组织法》：由全体代表的过半数通过';
const items = [
  { key: 'a', label: '老旧小区加装电梯', budget: 800 },
  { key: 'b', label: '城乡公交一体化', budget: 600 },
  { key: 'c', label: '社区居家养老服务中心', budget: 400 },
];
const key = (n: number) => `retry-key-${n}-`.padEnd(24, 'x');

async function cast(s: Session, voteId: string, choices: Record<string, string>, idem?: string) {
  return t.app.inject({
    method: 'POST',
    url: `/api/votes/${voteId}/ballots`,
    cookies: s.cookies,
    headers: { 'x-csrf-token': s.token, ...(idem ? { 'idempotency-key': idem } : {}) },
    payload: { choices },
  });
}

beforeAll(async () => {
  t = await buildTestApp({ LOG_LEVEL: 'info' });
  // The app's own logger writes nowhere in tests; a second app on the same database logs into `logLines`.
  [staff, admin, deputy] = await Promise.all([t.login('staff'), t.login('admin'), t.login('deputy')]);
  cityId = staff.user.bodyId;
  const made = await giveDeputiesAccounts(t.db, cityId, 5, DEMO_PASSWORD, 'votetest');
  voters = [];
  for (const m of made) voters.push(await t.login(m.username));
  voterDeputyIds = made.map((m) => m.deputyId);
  const [own] = await t.db.select({ id: deputies.id }).from(deputies).where(eq(deputies.userId, deputy.user.id));
  const [paperOnly] = await t.db
    .select({ id: deputies.id })
    .from(deputies)
    .where(and(eq(deputies.bodyId, cityId), sql`${deputies.userId} is null`, eq(deputies.status, 'in_office')))
    .limit(1);
  // 7 on the roll: the demo deputy, 5 with new accounts, 2 who vote on paper (one has no account at all).
  listIds = [own!.id, ...voterDeputyIds, paperOnly!.id];
}, 120_000);
afterAll(() => t?.close());

const spec = (over: Record<string, unknown> = {}) => ({
  bodyId: cityId,
  title: '2027年度民生实事项目票决',
  subject: { module: 'livelihood', id: 'test-2027' },
  electorate: { kind: 'list', deputyIds: listIds },
  ballotKind: 'approve',
  maxChoices: 2,
  secret: true,
  items,
  rule: { places: 2, source },
  ...over,
});

describe('a secret vote from draft to announcement', () => {
  let voteId: string;
  const codes: string[] = [];

  it('creates a draft; a deputy cannot create or run one; voting before opening is refused in Chinese', async () => {
    expect((await deputy.request('POST', '/api/votes', spec())).statusCode).toBe(403);
    const res = await staff.request('POST', '/api/votes', spec());
    expect(res.statusCode).toBe(201);
    const v = res.json();
    voteId = v.id;
    expect(v).toMatchObject({ state: 'draft', stateLabel: '未开始', electorateSize: 7, allowedActions: ['open'] });
    expect(v.ruleText).toContain('过半数（至少 4 票）');
    expect(v.ruleText).toContain(source);
    const early = await cast(deputy, voteId, { a: 'chosen' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'VOTE_NOT_OPEN', message: '投票尚未开始，请在主持人宣布开始投票后再投' });
    expect((await deputy.request('POST', `/api/votes/${voteId}/actions/open`)).statusCode).toBe(403);
  });

  it('opens: the roll is fixed; ballots are validated; each voter gets a code', async () => {
    const opened = await staff.request('POST', `/api/votes/${voteId}/actions/open`);
    expect(opened.json()).toMatchObject({ state: 'open', turnout: { voted: 0, electorateSize: 7 } });
    const tooMany = await cast(deputy, voteId, { a: 'chosen', b: 'chosen', c: 'chosen' });
    expect(tooMany.json().error).toMatchObject({ code: 'BALLOT_INVALID', message: '每张选票最多选择 2 项' });
    const ok = await cast(deputy, voteId, { a: 'chosen', b: 'chosen' }, key(0));
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ repeated: false });
    expect((await deputy.request('GET', `/api/votes/${voteId}`)).json()).toMatchObject({ youVoted: true, yourBallotCode: null });
    codes.push(ok.json().ballotCode);
    expect(codes[0]).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  });

  it('a retry with the same key returns the same code and stores nothing; a second ballot is refused', async () => {
    const retry = await cast(deputy, voteId, { a: 'chosen', b: 'chosen' }, key(0));
    expect(retry.json()).toMatchObject({ ballotCode: codes[0], repeated: true });
    const again = await cast(deputy, voteId, { c: 'chosen' }, key(99));
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'BALLOT_DUPLICATE', message: '您已投过票，每人只能投一票' });
    // A double click: two requests at once, same key → one ballot, same code.
    const [x, y] = await Promise.all([
      cast(voters[0]!, voteId, { a: 'chosen' }, key(1)),
      cast(voters[0]!, voteId, { a: 'chosen' }, key(1)),
    ]);
    expect([x.statusCode, y.statusCode]).toEqual([200, 200]);
    expect(x.json().ballotCode).toBe(y.json().ballotCode);
    codes.push(x.json().ballotCode);
    const [{ n }] = (await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(voteBallots)
      .where(eq(voteBallots.voteId, voteId))) as [{ n: number }];
    expect(n).toBe(2);
    // Another voter sending a key already used (its code is in the box): refused, and the roll mark is
    // undone with the ballot (one statement), so this voter can still vote with a key of their own.
    const reused = await cast(voters[1]!, voteId, { b: 'chosen' }, key(0));
    expect(reused.json().error).toMatchObject({ code: 'BALLOT_KEY_REUSED', message: '此投票凭据已被使用，请刷新页面后重新投票' });
    expect((await voters[1]!.request('GET', `/api/votes/${voteId}`)).json()).toMatchObject({ youVoted: false });
    // Someone not on the roll (staff, here) is refused.
    expect((await cast(staff, voteId, { a: 'chosen' })).statusCode).toBe(403);
  });

  it('more voters; staff watch the turnout live', async () => {
    for (const [i, s] of voters.slice(1, 4).entries()) {
      const res = await cast(s, voteId, i === 2 ? { c: 'chosen' } : { a: 'chosen', c: 'chosen' }, key(i + 2));
      codes.push(res.json().ballotCode);
    }
    const turnout = (await staff.request('GET', `/api/votes/${voteId}/turnout`)).json();
    expect(turnout).toMatchObject({ voted: 5, electorateSize: 7, byChannel: { app: 5, paper: 0 } });
    expect(turnout.notVoted).toHaveLength(2);
    expect((await deputy.request('GET', `/api/votes/${voteId}/turnout`)).statusCode).toBe(403);
  });

  it('paper ballots: marked on the roll at the box, keyed in, confirmed by a second person', async () => {
    const paperDeputy = listIds.at(-1)!;
    const marked = await staff.request('POST', `/api/votes/${voteId}/paper-roll`, { deputyId: paperDeputy });
    expect(marked.json()).toMatchObject({ voted: 6, byChannel: { paper: 1 } });
    const twice = await staff.request('POST', `/api/votes/${voteId}/paper-roll`, { deputyId: paperDeputy });
    expect(twice.json().error.code).toBe('BALLOT_DUPLICATE');
    const entered = await staff.request('POST', `/api/votes/${voteId}/paper-ballots`, { choices: { b: 'chosen', c: 'chosen' } });
    const [pending] = entered.json().items;
    expect(pending).toMatchObject({ mine: true, enteredBy: '李晓燕' });
    // No more paper ballots than paper marks on the roll.
    const extra = await staff.request('POST', `/api/votes/${voteId}/paper-ballots`, { choices: { a: 'chosen' } });
    expect(extra.json().error.code).toBe('PAPER_BALLOTS_EXCEED_ROLL');
    const self = await staff.request('POST', `/api/votes/${voteId}/paper-ballots/${pending.id}/confirm`);
    expect(self.statusCode).toBe(403);
    expect(self.json().error).toMatchObject({ code: 'PAPER_SAME_PERSON', message: '录入人不能确认自己录入的选票，须由另一名工作人员确认' });
    expect((await staff.request('GET', `/api/votes/${voteId}`)).json().pendingPaperBallots).toBe(1);
    const confirmed = await admin.request('POST', `/api/votes/${voteId}/paper-ballots/${pending.id}/confirm`);
    expect(confirmed.json().items).toEqual([]);
    // The public list is not out while voting.
    expect((await t.app.inject({ method: 'GET', url: `/api/public/votes/${voteId}/ballots` })).statusCode).toBe(409);
  });

  it('closes: tally on all 7 members, the list published, a ballot after closing refused', async () => {
    const closed = (await staff.request('POST', `/api/votes/${voteId}/actions/close`)).json();
    expect(closed.state).toBe('closed');
    // a: deputy, v0, v1, v2 = 4; b: deputy, paper = 2; c: v1, v2, v3, paper = 4. 7 members → 4 needed.
    expect(
      closed.result.items.map((i: { key: string; votes: number; passed: boolean; chosen: boolean }) => [
        i.key,
        i.votes,
        i.passed,
        i.chosen,
      ]),
    ).toEqual([
      ['a', 4, true, true],
      ['b', 2, false, false],
      ['c', 4, true, true],
    ]);
    expect(closed.result).toMatchObject({ electorateSize: 7, ballotsCast: 6, needed: 4, tie: null });
    expect(closed.result.figuresText).toContain('应投票 7 人，收回选票 6 张');
    const late = await cast(voters[4]!, voteId, { a: 'chosen' });
    expect(late.json().error).toMatchObject({ code: 'VOTE_CLOSED', message: '投票已结束（已结束），不能再投票' });
    const list = (await t.app.inject({ method: 'GET', url: `/api/public/votes/${voteId}/ballots` })).json().items;
    expect(list).toHaveLength(6);
    expect(list.map((b: { code: string }) => b.code)).toEqual([...list.map((b: { code: string }) => b.code)].sort());
    for (const code of codes) expect(list.some((b: { code: string }) => b.code === code)).toBe(true);
    const found = (
      await t.app.inject({ method: 'GET', url: `/api/public/votes/${voteId}/ballots?code=${codes[0]!.replaceAll('-', '').toLowerCase()}` })
    ).json();
    expect(found.items).toEqual([{ code: codes[0], choices: { a: 'chosen', b: 'chosen' } }]);
  });

  it('announces after recomputing from the published list; a tampered box is refused', async () => {
    // Tamper with the box after closing: the recount no longer equals the tally, so no announcement.
    const [one] = await t.db.select().from(voteBallots).where(eq(voteBallots.voteId, voteId)).limit(1);
    await t.db
      .update(voteBallots)
      .set({ choices: { b: 'chosen' } })
      .where(and(eq(voteBallots.voteId, voteId), eq(voteBallots.code, one!.code)));
    const refused = await staff.request('POST', `/api/votes/${voteId}/actions/announce`);
    expect(refused.json().error.code).toBe('VOTE_RECOUNT_MISMATCH');
    await t.db
      .update(voteBallots)
      .set({ choices: one!.choices })
      .where(and(eq(voteBallots.voteId, voteId), eq(voteBallots.code, one!.code)));
    const announced = (await staff.request('POST', `/api/votes/${voteId}/actions/announce`)).json();
    expect(announced).toMatchObject({ state: 'announced', stateLabel: '已公布' });
    expect(announced.verifiedAt).not.toBeNull();
    const pub = (await t.app.inject({ method: 'GET', url: `/api/public/votes/${voteId}` })).json();
    expect(pub).toMatchObject({ state: 'announced', bodyName: expect.any(String) as string });
    expect(pub.result.ruleText).toContain(source);
  });

  it('secret: nothing in the schema, the trail or the logs links a voter to a ballot', async () => {
    const columns = await t.database.raw.query(
      `select column_name from information_schema.columns where table_name = 'vote_ballots' order by ordinal_position`,
    );
    // The ballot table holds the vote, a random code and the choices: no voter, no time, no serial id.
    expect(columns.rows.map((r) => r.column_name)).toEqual(['vote_id', 'code', 'choices']);
    const roll = await t.database.raw.query(
      `select column_name from information_schema.columns where table_name = 'vote_roll' order by ordinal_position`,
    );
    expect(roll.rows.map((r) => r.column_name)).not.toContain('code');
    expect(roll.rows.map((r) => r.column_name).filter((c) => /(^|_)(at|time|code|ballot)/.test(String(c)))).toEqual([]);
    // No foreign key or shared column other than vote_id between the two tables.
    const shared = (roll.rows.map((r) => r.column_name) as string[]).filter((c) => columns.rows.some((b) => b.column_name === c));
    expect(shared).toEqual(['vote_id']);
    const audit = await t.database.raw.query(
      `select action, after::text as after from audit_events where entity = 'vote' and entity_id = $1`,
      [voteId],
    );
    const trail = audit.rows.map((r) => `${r.action} ${r.after}`).join('\n');
    expect(audit.rows.filter((r) => r.action === 'cast')).toHaveLength(5);
    for (const code of codes) expect(trail).not.toContain(code);
    expect(trail).not.toMatch(/"chosen"|"choices"/);
    // The roll says who voted, and nothing else.
    const line = await t.db
      .select()
      .from(voteRoll)
      .where(and(eq(voteRoll.voteId, voteId), eq(voteRoll.voterId, listIds[0]!)));
    expect(Object.keys(line[0]!).sort()).toEqual(['channel', 'deputyId', 'name', 'userId', 'voteId', 'voted', 'voterId']);
  });

  it('the request log of a cast names neither the code nor the choices', async () => {
    const { buildApp } = await import('../../app.js');
    const { app } = await buildApp({ config: t.config, database: t.database, logger: { level: 'trace', stream: logStream } });
    await app.ready();
    try {
      const draft = (await staff.request('POST', '/api/votes', spec({ title: '日志检查' }))).json();
      await staff.request('POST', `/api/votes/${draft.id}/actions/open`);
      const res = await app.inject({
        method: 'POST',
        url: `/api/votes/${draft.id}/ballots`,
        cookies: voters[4]!.cookies,
        headers: { 'x-csrf-token': voters[4]!.token, 'idempotency-key': key(50) },
        payload: { choices: { a: 'chosen' } },
      });
      expect(res.statusCode).toBe(200);
      const log = logLines.join('');
      expect(log).toContain(`/api/votes/${draft.id}/ballots`);
      expect(log).not.toContain(res.json().ballotCode);
      expect(log).not.toContain('chosen');
      expect(log).not.toContain(key(50));
    } finally {
      await app.close();
    }
  });
});

describe('run-off and owners', () => {
  it('a tie at the last place creates a run-off on the tied items at closing', async () => {
    const v = (
      await staff.request(
        'POST',
        '/api/votes',
        spec({ title: '平票测试', rule: { places: 1, threshold: 'at_least', thresholdCount: 1, source } }),
      )
    ).json();
    await staff.request('POST', `/api/votes/${v.id}/actions/open`);
    await cast(deputy, v.id, { a: 'chosen' });
    await cast(voters[0]!, v.id, { b: 'chosen' });
    const closed = (await staff.request('POST', `/api/votes/${v.id}/actions/close`)).json();
    expect(closed.result.tie).toEqual({ keys: ['a', 'b'], places: 1 });
    expect(closed.runoffVoteId).toEqual(expect.any(String));
    const runoff = (await staff.request('GET', `/api/votes/${closed.runoffVoteId}`)).json();
    expect(runoff).toMatchObject({ state: 'draft', parentVoteId: v.id, maxChoices: 1 });
    expect(runoff.items.map((i: { key: string }) => i.key)).toEqual(['a', 'b']);
  });

  it('another body cannot see the vote; the public cannot see a draft', async () => {
    const v = (await staff.request('POST', '/api/votes', spec({ title: '范围测试' }))).json();
    const xz = await t.login('xzstaff');
    expect((await xz.request('GET', `/api/votes/${v.id}`)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/votes/${v.id}` })).statusCode).toBe(404);
  });

  it('standing-committee votes count on the full committee', async () => {
    const v = (
      await staff.request(
        'POST',
        '/api/votes',
        spec({ title: '常委会表决', electorate: { kind: 'standing_committee' }, ballotKind: 'for_against_abstain', maxChoices: undefined }),
      )
    ).json();
    const members = await t.db
      .select({ id: deputies.id })
      .from(deputies)
      .where(and(eq(deputies.bodyId, cityId), sql`${deputies.committeeRole} is not null`));
    expect(v.electorateSize).toBe(members.length);
    expect(v.electorateSize).toBeGreaterThan(0);
  });
});

describe('the cast path', () => {
  const ballotsIn = async (voteId: string) =>
    (await t.db.select({ code: voteBallots.code }).from(voteBallots).where(eq(voteBallots.voteId, voteId))).length;
  const lineOf = async (voteId: string, userId: string) =>
    (
      await t.db
        .select({ voted: voteRoll.voted })
        .from(voteRoll)
        .where(and(eq(voteRoll.voteId, voteId), eq(voteRoll.userId, userId)))
    )[0];

  it('takes two round trips once the vote is known; state, scope and roll are read on every cast', async () => {
    const v = (await staff.request('POST', '/api/votes', spec({ title: '投票路径' }))).json();
    await staff.request('POST', `/api/votes/${v.id}/actions/open`);
    // The first cast reads the vote's fixed facts into the process's cache.
    expect((await cast(voters[0]!, v.id, { a: 'chosen' }, key(60))).statusCode).toBe(200);

    // The next: the session and the cast statement, no transaction.
    const client = (t.db as unknown as { session: { client: { query: (...args: unknown[]) => unknown } } }).session.client;
    const queries = vi.spyOn(client, 'query');
    const transactions = vi.spyOn(t.db, 'transaction');
    let second;
    try {
      second = await cast(voters[1]!, v.id, { b: 'chosen' }, key(61));
      expect(queries).toHaveBeenCalledTimes(2);
      expect(transactions).not.toHaveBeenCalled();
    } finally {
      queries.mockRestore();
      transactions.mockRestore();
    }
    expect(second.json()).toMatchObject({ repeated: false });

    // The answers come in the order reading the roll first gives: voted before, then not on the roll, before an invalid ballot.
    const tooMany = { a: 'chosen', b: 'chosen', c: 'chosen' };
    expect((await cast(voters[0]!, v.id, tooMany, key(64))).json().error.code).toBe('BALLOT_DUPLICATE');
    expect((await cast(staff, v.id, tooMany)).statusCode).toBe(403);

    // Someone of another body, even put on the roll, is refused on the cached vote: the statement checks the scope itself.
    const xz = await t.login('xzstaff');
    await t.db.insert(voteRoll).values({ voteId: v.id, voterId: xz.user.id, userId: xz.user.id, name: '范围外' });
    expect((await cast(xz, v.id, { a: 'chosen' }, key(62))).statusCode).toBe(404);
    expect((await cast(xz, v.id, tooMany)).statusCode).toBe(404);
    expect(await lineOf(v.id, xz.user.id)).toEqual({ voted: false });
    await t.db.delete(voteRoll).where(and(eq(voteRoll.voteId, v.id), eq(voteRoll.userId, xz.user.id)));

    // Closed after being cached: refused, nothing written; a lost answer retried with its key gets the same code.
    expect((await staff.request('POST', `/api/votes/${v.id}/actions/close`)).json().state).toBe('closed');
    const late = await cast(voters[2]!, v.id, { a: 'chosen' }, key(63));
    expect(late.json().error).toMatchObject({ code: 'VOTE_CLOSED', message: '投票已结束（已结束），不能再投票' });
    expect(await lineOf(v.id, voters[2]!.user.id)).toEqual({ voted: false });
    const retry = await cast(voters[1]!, v.id, { b: 'chosen' }, key(61));
    expect(retry.json()).toEqual({ ballotCode: second.json().ballotCode, repeated: true });
    expect((await cast(voters[1]!, v.id, { b: 'chosen' }, key(65))).json().error.code).toBe('BALLOT_DUPLICATE');
    expect(await ballotsIn(v.id)).toBe(2);
  });
});
