import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, bodies, deputies } from '../../db/schema.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { reportBackRatings } from './tables.js';

type Session = Awaited<ReturnType<TestApp['login']>>;
let t: TestApp;
let staff: Session;
let deputy: Session;
let leader: Session;
let xzstaff: Session;
let cityId: string;
let zhangId: string;
let cityDeputyIds: string[];
let xiuzhouDeputyId: string;

beforeAll(async () => {
  t = await buildTestApp();
  staff = await t.login('staff');
  deputy = await t.login('deputy');
  leader = await t.login('leader');
  xzstaff = await t.login('xzstaff');
  cityId = (await t.db.query.bodies.findFirst({ where: eq(bodies.regionCode, '330400') }))!.id;
  const xiuzhouId = (await t.db.query.bodies.findFirst({ where: eq(bodies.regionCode, '330411') }))!.id;
  zhangId = (await t.db.query.deputies.findFirst({ where: and(eq(deputies.bodyId, cityId), eq(deputies.name, '张秀英')) }))!.id;
  const city = await t.db.select({ id: deputies.id }).from(deputies).where(eq(deputies.bodyId, cityId)).limit(4);
  cityDeputyIds = city.map((d) => d.id);
  xiuzhouDeputyId = (await t.db.query.deputies.findFirst({ where: eq(deputies.bodyId, xiuzhouId) }))!.id;
});
afterAll(() => t.close());

/** A voter's phone: each call from its own address unless one is given (the route is rate-limited per IP). */
let nextIp = 1;
const rate = (code: string, payload: unknown, ip = `10.0.0.${nextIp++}`) =>
  t.app.inject({
    method: 'POST',
    url: `/api/public/reportbacks/${code}/ratings`,
    payload: payload as object,
    remoteAddress: ip,
  });

const event = {
  heldOn: '2026-03-15',
  place: '南湖街道烟雨社区代表联络站',
  constituency: '南湖区第十二选区',
  title: '向原选区选民报告履职情况',
  report: '一年来，我进站接待选民 6 次，提出建议 2 件……',
};

describe('report-back to voters (述、晒、评)', () => {
  let id: string;
  let code: string;

  it('refuses an incomplete event with a Chinese message, then creates it as a draft', async () => {
    const bad = await staff.request('POST', '/api/reportbacks', { ...event, deputyId: zhangId, place: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('请填写述职地点');
    const res = await staff.request('POST', '/api/reportbacks', { ...event, deputyId: zhangId });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ deputyName: '张秀英', state: 'draft', stateLabel: '准备中', allowedActions: ['openRating'] });
    expect(body.results).toEqual({ total: 0, counts: { satisfied: 0, basically_satisfied: 0, dissatisfied: 0 }, satisfactionRate: null });
    expect(body.publicCode).toMatch(/^[a-z2-7]{20}$/);
    id = body.id;
    code = body.publicCode;
  });

  it('shows the report publicly but takes no rating before rating is opened', async () => {
    const page = await t.app.inject({ method: 'GET', url: `/api/public/reportbacks/${code}` });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ deputyName: '张秀英', title: event.title, acceptingRatings: false });
    expect(page.json()).not.toHaveProperty('publicCode');
    const early = await rate(code, { phone: '13800000001', rating: 'satisfied' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'REPORT_BACK_NOT_OPEN' });
    expect((await t.app.inject({ method: 'GET', url: '/api/public/reportbacks/aaaaaaaaaaaaaaaaaaaa' })).statusCode).toBe(404);
  });

  it('takes one rating per phone number while open and computes the satisfaction rate', async () => {
    const open = await staff.request('POST', `/api/reportbacks/${id}/actions/openRating`);
    expect(open.json()).toMatchObject({ state: 'rating', allowedActions: ['close'] });
    const edit = await staff.request('PUT', `/api/reportbacks/${id}`, { ...event, deputyId: zhangId, title: '改' });
    expect(edit.json().error.code).toBe('REPORT_BACK_LOCKED');

    for (const [phone, rating] of [
      ['13800000001', 'satisfied'],
      ['13800000002', 'satisfied'],
      ['13800000003', 'basically_satisfied'],
      ['13800000004', 'dissatisfied'],
    ])
      expect((await rate(code, { phone, rating, comment: '希望多来社区' })).statusCode).toBe(201);

    const again = await rate(code, { phone: '13800000001', rating: 'dissatisfied' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toEqual({ code: 'RATING_DUPLICATE', message: '该手机号已评价过本次述职，每个手机号只能评价一次' });
    const badPhone = await rate(code, { phone: '1380000', rating: 'satisfied' });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().error.message).toContain('请填写 11 位手机号');
    const badRating = await rate(code, { phone: '13800000009', rating: 'great' });
    expect(badRating.statusCode).toBe(400);
    expect(badRating.json().error.message).toContain('请选择满意、基本满意或不满意');

    const got = (await staff.request('GET', `/api/reportbacks/${id}`)).json();
    expect(got.results).toEqual({ total: 4, counts: { satisfied: 2, basically_satisfied: 1, dissatisfied: 1 }, satisfactionRate: 0.75 });
    const ratings = (await staff.request('GET', `/api/reportbacks/${id}/ratings`)).json().items;
    expect(ratings).toHaveLength(4);
    expect(ratings.map((r: { phone: string }) => r.phone)).toContain('138****0001');
    // Full phone numbers are not kept anywhere: not in the ratings, not in the audit trail.
    const stored = await t.db.select().from(reportBackRatings).where(eq(reportBackRatings.reportBackId, id));
    expect(JSON.stringify(stored)).not.toContain('13800000001');
    const trail = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(trail.map((e) => e.action)).toEqual(expect.arrayContaining(['create', 'openRating', 'rate']));
    expect(JSON.stringify(trail.map((e) => [e.before, e.after]))).not.toContain('13800000001');
  });

  it('refuses ratings after closing and cannot be closed twice', async () => {
    const closed = await staff.request('POST', `/api/reportbacks/${id}/actions/close`);
    expect(closed.json()).toMatchObject({ state: 'closed', allowedActions: [] });
    const late = await rate(code, { phone: '13800000005', rating: 'satisfied' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toEqual({ code: 'REPORT_BACK_CLOSED', message: '本次述职评议已结束，不能再提交评价' });
    const twice = await staff.request('POST', `/api/reportbacks/${id}/actions/close`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe('当前状态（已结束）不能执行此操作');
    expect((await staff.request('GET', `/api/reportbacks/${id}`)).json().results.total).toBe(4);
  });

  it('puts the results in the deputy’s performance file and its Word document', async () => {
    const file = await staff.request('GET', `/api/deputies/${zhangId}/performance?from=2026-01-01&to=2026-12-31`);
    expect(file.statusCode, file.body).toBe(200);
    const section = file.json().sections.find((s: { key: string }) => s.key === 'reportbacks');
    expect(section.title).toBe('回选区述职及选民评议');
    const row = section.rows.find((r: string[]) => r[0] === '2026-03-15');
    expect(row).toEqual(['2026-03-15', event.title, event.place, '已结束', '2 / 1 / 1', '75.0%']);
    const outside = await staff.request('GET', `/api/deputies/${zhangId}/performance?from=2025-01-01&to=2025-12-31`);
    expect(outside.json().sections ?? []).toEqual([]);
    const docx = await staff.request('GET', `/api/deputies/${zhangId}/performance.docx?from=2026-01-01&to=2026-12-31`);
    expect(docx.statusCode).toBe(200);
  });

  it('serves a QR code PNG that opens the rating page', async () => {
    const png = await staff.request('GET', `/api/reportbacks/${id}/qr.png`);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
  });

  it('keeps events to their body and staff: other counties see nothing, leaders only read', async () => {
    expect((await xzstaff.request('GET', `/api/reportbacks/${id}`)).statusCode).toBe(404);
    expect((await xzstaff.request('POST', '/api/reportbacks', { ...event, deputyId: zhangId })).statusCode).toBe(404);
    expect((await leader.request('GET', `/api/reportbacks/${id}`)).statusCode).toBe(200);
    expect((await leader.request('POST', `/api/reportbacks/${id}/actions/close`)).statusCode).toBe(403);
    const list = (await staff.request('GET', `/api/reportbacks?deputyId=${zhangId}`)).json();
    expect(list.items.map((r: { id: string }) => r.id)).toContain(id);
  });

  it('holds attachments (the written report, photos) within the body', async () => {
    const own = await staff.request('GET', `/api/attachments?ownerEntity=report_back&ownerId=${id}`);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().items).toEqual([]);
    expect((await xzstaff.request('GET', `/api/attachments?ownerEntity=report_back&ownerId=${id}`)).statusCode).toBe(404);
  });

  it('limits ratings per IP address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push((await rate(code, { phone: `1390000000${i % 10}`, rating: 'satisfied' }, '10.9.9.9')).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 409)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});

describe('最美人大代表', () => {
  let id: string;
  let nominees: { id: string; deputyId: string }[];
  let deputyBallotCode: string;

  it('refuses a campaign whose ballot allows fewer choices than places', async () => {
    const bad = await staff.request('POST', '/api/honours', { bodyId: cityId, title: '评选', places: 3, maxChoices: 2 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('每票可选人数不能少于名额');
    const res = await staff.request('POST', '/api/honours', { bodyId: cityId, title: '2026年度“最美人大代表”', places: 1, maxChoices: 2 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      state: 'nominating',
      allowedActions: ['edit', 'nominate', 'withdrawNomination', 'openVoting'],
      results: null,
    });
    id = res.json().id;
  });

  it('nominates deputies of the body with a reason, once each', async () => {
    const noVotingYet = await staff.request('POST', `/api/honours/${id}/actions/openVoting`);
    expect(noVotingYet.json().error.code).toBe('HONOUR_TOO_FEW_NOMINEES');
    for (const deputyId of cityDeputyIds.slice(0, 3)) {
      const res = await staff.request('POST', `/api/honours/${id}/nominations`, {
        deputyId,
        reason: '常年进站接待选民，为民办实事成效明显。',
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const twice = await staff.request('POST', `/api/honours/${id}/nominations`, { deputyId: cityDeputyIds[0], reason: '再次提名' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('NOMINATION_DUPLICATE');
    const otherBody = await staff.request('POST', `/api/honours/${id}/nominations`, { deputyId: xiuzhouDeputyId, reason: '秀洲区代表' });
    expect(otherBody.json().error).toMatchObject({ code: 'NOMINEE_NOT_OF_BODY', message: '只能提名本机关的代表' });
    const noReason = await staff.request('POST', `/api/honours/${id}/nominations`, { deputyId: cityDeputyIds[3] });
    expect(noReason.json().error.message).toContain('请填写提名理由');
    const early = await deputy.request('POST', `/api/honours/${id}/ballots`, { nominationIds: [] });
    expect(early.statusCode).toBe(400);
    const c = (await staff.request('GET', `/api/honours/${id}`)).json();
    expect(c.nominees).toHaveLength(3);
    nominees = c.nominees;
    const notYet = await deputy.request('POST', `/api/honours/${id}/ballots`, { nominationIds: [nominees[0]!.id] });
    expect(notYet.json().error.code).toBe('HONOUR_NOT_VOTING');
  });

  it('lets staff change the terms and withdraw a nomination until voting opens, audited', async () => {
    const terms = {
      title: '2026年度嘉兴市“最美人大代表”',
      description: '由全体市人大代表和常委会机关工作人员投票产生。',
      places: 1,
      maxChoices: 2,
    };
    const tooFew = await staff.request('PUT', `/api/honours/${id}`, { ...terms, places: 3 });
    expect(tooFew.statusCode).toBe(400);
    expect(tooFew.json().error.message).toContain('每票可选人数不能少于名额');
    expect((await deputy.request('PUT', `/api/honours/${id}`, terms)).statusCode).toBe(403);
    const edited = await staff.request('PUT', `/api/honours/${id}`, terms);
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ ...terms, bodyId: cityId, state: 'nominating' });

    const added = await staff.request('POST', `/api/honours/${id}/nominations`, {
      deputyId: cityDeputyIds[3],
      reason: '误提名，随后撤销。',
    });
    const extra = (added.json().nominees as { id: string; deputyId: string }[]).find((n) => n.deputyId === cityDeputyIds[3])!;
    expect((await deputy.request('DELETE', `/api/honours/${id}/nominations/${extra.id}`)).statusCode).toBe(403);
    const withdrawn = await staff.request('DELETE', `/api/honours/${id}/nominations/${extra.id}`);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json().nominees.map((n: { id: string }) => n.id)).toEqual(nominees.map((n) => n.id));
    const again = await staff.request('DELETE', `/api/honours/${id}/nominations/${extra.id}`);
    expect(again.statusCode).toBe(404);

    const audit = await leader.request('GET', `/api/audit?entity=honour_campaign&entityId=${id}`);
    const actions = (audit.json().items as { action: string }[]).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['create', 'update', 'nominate', 'withdrawNomination']));
  });

  it('gives each eligible voter one ballot of up to N distinct nominees', async () => {
    const open = await staff.request('POST', `/api/honours/${id}/actions/openVoting`);
    expect(open.json()).toMatchObject({ state: 'voting', allowedActions: ['close'] });
    const late = await staff.request('POST', `/api/honours/${id}/nominations`, { deputyId: cityDeputyIds[3], reason: '补充提名理由' });
    expect(late.json().error.code).toBe('HONOUR_ACTION_NOT_ALLOWED');
    const lateEdit = await staff.request('PUT', `/api/honours/${id}`, { title: '改名', places: 1, maxChoices: 1 });
    expect(lateEdit.json().error).toMatchObject({ code: 'HONOUR_ACTION_NOT_ALLOWED', message: '当前阶段（投票中）不能执行此操作' });
    const lateWithdraw = await staff.request('DELETE', `/api/honours/${id}/nominations/${nominees[0]!.id}`);
    expect(lateWithdraw.json().error.code).toBe('HONOUR_ACTION_NOT_ALLOWED');

    const before = (await deputy.request('GET', `/api/honours/${id}`)).json();
    expect(before).toMatchObject({ eligible: true, voted: false, results: null });
    const tooMany = await deputy.request('POST', `/api/honours/${id}/ballots`, { nominationIds: nominees.map((n) => n.id) });
    expect(tooMany.json().error).toMatchObject({ code: 'BALLOT_INVALID', message: '每张选票最多选择 2 名候选人' });
    const same = await deputy.request('POST', `/api/honours/${id}/ballots`, { nominationIds: [nominees[0]!.id, nominees[0]!.id] });
    expect(same.json().error.message).toBe('同一候选人只能选择一次');
    const ok = await deputy.request('POST', `/api/honours/${id}/ballots`, { nominationIds: [nominees[0]!.id, nominees[1]!.id] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      voted: true,
      ballotsCast: 1,
      results: null,
      ballotCode: expect.stringMatching(/^[A-Z2-9-]{14}$/) as string,
    });
    deputyBallotCode = ok.json().ballotCode;
    const again = await deputy.request('POST', `/api/honours/${id}/ballots`, { nominationIds: [nominees[2]!.id] });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toEqual({ code: 'BALLOT_DUPLICATE', message: '您已投过票，每人只能投一票' });

    // Two ballots sent at once by the same voter: exactly one counts.
    const both = await Promise.all([
      staff.request('POST', `/api/honours/${id}/ballots`, { nominationIds: [nominees[0]!.id] }),
      staff.request('POST', `/api/honours/${id}/ballots`, { nominationIds: [nominees[0]!.id] }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);

    // Staff of another body and leaders are not voters of this campaign.
    expect((await xzstaff.request('POST', `/api/honours/${id}/ballots`, { nominationIds: [nominees[0]!.id] })).statusCode).toBe(404);
    expect((await leader.request('POST', `/api/honours/${id}/ballots`, { nominationIds: [nominees[0]!.id] })).statusCode).toBe(403);
    expect((await leader.request('GET', `/api/honours/${id}`)).json()).toMatchObject({ eligible: false, ballotsCast: 2 });
  });

  it('lists the eligible voters with whether they voted, for staff only', async () => {
    const res = await staff.request('GET', `/api/honours/${id}/voters`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { name: string; kind: string; kindLabel: string; voted: boolean }[];
    expect(items).toContainEqual(expect.objectContaining({ name: '张秀英', kind: 'deputy', kindLabel: '代表', voted: true }));
    expect(items).toContainEqual(expect.objectContaining({ name: '李晓燕', kind: 'staff', kindLabel: '工作人员', voted: true }));
    expect(items.filter((v) => v.voted)).toHaveLength(2);
    // Staff of a county and the leader are not in the city's electorate.
    expect(items.map((v) => v.name)).not.toContain('沈佳琪');
    expect(items.map((v) => v.name)).not.toContain('陈建国');
    expect((await deputy.request('GET', `/api/honours/${id}/voters`)).statusCode).toBe(403);
  });

  it('closes the vote and publishes the ranked result', async () => {
    const closed = await staff.request('POST', `/api/honours/${id}/actions/close`);
    expect(closed.statusCode).toBe(200);
    const after = await deputy.request('POST', `/api/honours/${id}/ballots`, { nominationIds: [nominees[0]!.id] });
    expect(after.json().error.code).toBe('HONOUR_NOT_VOTING');
    const results = closed.json().results as { nominationId: string; votes: number; rank: number; outcome: string; outcomeLabel: string }[];
    expect(results.map((r) => [r.nominationId, r.votes, r.rank, r.outcomeLabel])).toEqual([
      [nominees[0]!.id, 2, 1, '当选'],
      [nominees[1]!.id, 1, 2, '未当选'],
      [nominees[2]!.id, 0, 3, '未当选'],
    ]);
    // The voter finds their ballot in the published list by its code.
    const list = await t.app.inject({ method: 'GET', url: `/api/public/votes/${closed.json().voteId}/ballots?code=${deputyBallotCode}` });
    expect(list.json().items).toEqual([{ code: deputyBallotCode, choices: { [nominees[0]!.id]: 'chosen', [nominees[1]!.id]: 'chosen' } }]);
  });

  it('keeps the ballot secret: the audit trail says who voted, not for whom', async () => {
    // The ballots are cast on the selection's vote (votes module), which audits each cast without its choices.
    const { voteId } = (await staff.request('GET', `/api/honours/${id}`)).json();
    const trail = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'vote'), eq(auditEvents.entityId, voteId), eq(auditEvents.action, 'cast')));
    expect(trail).toHaveLength(2);
    for (const e of trail) expect(JSON.stringify(e.after)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });
});
