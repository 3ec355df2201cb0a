import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BallotChoices, BallotKind, VoteItem, VoteRule } from '@renda/shared';
import { auditEvents, bodies, deputies, handlingUnits, outboxMessages } from '../../db/schema.js';
import { voteRoll, votes } from '../votes/tables.js';
import { decideVote } from '../votes/index.js';
import { livelihoodCycles } from './tables.js';
import { clock } from '../../platform/clock.js';
import { chinaDate } from '../../platform/deadlines.js';
import { DEMO_PASSWORD } from '../../seed/demo.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { giveDeputiesAccounts } from '../../test/voters.js';

type Session = Awaited<ReturnType<TestApp['login']>>;
let t: TestApp;
let staff: Session;
let deputy: Session;
let unit: Session;
let jtunit: Session;
let xzstaff: Session;
let cityId: string;
let housingId: string;
let transportId: string;
let voters: Session[];
let voterDeputyIds: string[];

const today = () => chinaDate(clock.now());
const year = () => Number(today().slice(0, 4));

beforeAll(async () => {
  t = await buildTestApp();
  staff = await t.login('staff');
  deputy = await t.login('deputy');
  unit = await t.login('unit');
  jtunit = await t.login('jtunit');
  xzstaff = await t.login('xzstaff');
  cityId = (await t.db.query.bodies.findFirst({ where: eq(bodies.regionCode, '330400') }))!.id;
  housingId = (await t.db.query.handlingUnits.findFirst({ where: eq(handlingUnits.name, '嘉兴市住房和城乡建设局') }))!.id;
  transportId = (await t.db.query.handlingUnits.findFirst({ where: eq(handlingUnits.name, '嘉兴市交通运输局') }))!.id;
  // Every deputy of the city congress gets a login: the vote is counted on all of them.
  const made = await giveDeputiesAccounts(t.db, cityId, 40, DEMO_PASSWORD, 'lvvoter');
  voters = [deputy];
  for (const m of made) voters.push(await t.login(m.username));
  const own = await t.db.query.deputies.findFirst({ where: eq(deputies.userId, deputy.user.id) });
  voterDeputyIds = [own!.id, ...made.map((m) => m.deputyId)];
}, 180_000);
afterAll(() => t.close());

const candidate = (cycleId: string, name: string, unitId: string, extra: Record<string, unknown> = {}) => ({
  cycleId,
  name,
  content: `${name}：按照群众和代表的建议实施。`,
  location: '嘉兴市南湖区',
  budget: 860.5,
  unitId,
  target: '年底前完工并投入使用',
  dueOn: `${year()}-12-31`,
  category: 'transport',
  ...extra,
});

describe('the livelihood-project cycle (民生实事项目票决)', () => {
  let cycleId: string;
  let publicCode: string;
  let citizenCode: string;
  const ids: Record<string, string> = {};

  it('staff open a cycle for their body once a year; another county staff cannot see or open it', async () => {
    const res = await staff.request('POST', '/api/livelihood/cycles', { bodyId: cityId, year: year(), places: 2 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ state: 'soliciting', stateLabel: '征集中', places: 2, allowedActions: ['closeSolicitation'] });
    expect(res.json().ruleText).toContain('须获全体代表过半数选票方可当选');
    cycleId = res.json().id;
    publicCode = res.json().publicCode;
    const again = await staff.request('POST', '/api/livelihood/cycles', { bodyId: cityId, year: year(), places: 3 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('LIVELIHOOD_CYCLE_EXISTS');
    // 秀洲区 staff: the city's cycle and body lie outside their scope (404, never 403).
    expect((await xzstaff.request('GET', `/api/livelihood/cycles/${cycleId}`)).statusCode).toBe(404);
    expect((await xzstaff.request('POST', '/api/livelihood/cycles', { bodyId: cityId, year: year(), places: 2 })).statusCode).toBe(404);
    expect((await staff.request('GET', `/api/livelihood/cycles/${cycleId}/qr.png`)).headers['content-type']).toBe('image/png');
  });

  it('a citizen proposes on the phone page by the QR code; a retry stores one proposal', async () => {
    const form = await t.app.inject({ method: 'GET', url: `/api/public/livelihood/form?cycle=${publicCode}` });
    expect(form.json()).toMatchObject({ open: true, year: year() });
    const payload = {
      cycle: publicCode,
      title: '城南社区增设老年食堂',
      content: '城南社区老人多，希望在社区服务中心增设老年食堂，解决老人吃饭难。',
      location: '南湖区城南街道',
      name: '王阿姨',
      phone: '13800001111',
      clientToken: 'retry-token-0001',
    };
    const first = await t.app.inject({ method: 'POST', url: '/api/public/livelihood/proposals', payload });
    expect(first.statusCode, first.body).toBe(201);
    const retry = await t.app.inject({ method: 'POST', url: '/api/public/livelihood/proposals', payload });
    expect(retry.statusCode).toBe(200);
    expect(retry.json().trackingCode).toBe(first.json().trackingCode);
    citizenCode = first.json().trackingCode;
    const view = await t.app.inject({ method: 'GET', url: `/api/public/livelihood/proposals/${citizenCode}` });
    expect(view.json()).toMatchObject({ title: '城南社区增设老年食堂', stateLabel: '待筛选', projectName: null });
    const bad = await t.app.inject({ method: 'GET', url: '/api/public/livelihood/form?cycle=0000000000000000' });
    expect(bad.statusCode).toBe(404);
  });

  it('deputies and departments propose in the app and see their own; staff take in an opinion and classify', async () => {
    const byDeputy = await deputy.request('POST', '/api/livelihood/proposals', {
      cycleId,
      title: '中心城区学校周边交通安全提升',
      content: '上下学高峰期学校门口拥堵，建议增设护学岗和临时停车位。',
      category: 'transport',
    });
    expect(byDeputy.statusCode, byDeputy.body).toBe(201);
    expect(byDeputy.json()).toMatchObject({ source: 'deputy', proposerName: '张秀英' });
    ids.deputyProposal = byDeputy.json().id;
    const byUnit = await unit.request('POST', '/api/livelihood/proposals', {
      cycleId,
      title: '老旧小区加装电梯',
      content: '对具备条件的老旧小区加装电梯，方便老人出行。',
      category: 'housing',
    });
    expect(byUnit.json()).toMatchObject({ source: 'unit', proposerName: '嘉兴市住房和城乡建设局' });
    ids.unitProposal = byUnit.json().id;
    const own = (await deputy.request('GET', `/api/livelihood/proposals?cycleId=${cycleId}`)).json();
    expect(own.items.map((p: { id: string }) => p.id)).toEqual([ids.deputyProposal]);

    const opinionId = (await staff.request('GET', '/api/opinions?pageSize=1')).json().items[0].id;
    const fromOpinion = await staff.request('POST', '/api/livelihood/proposals/from-opinion', {
      cycleId,
      opinionId,
      title: '群众反映问题整治',
      category: 'other',
    });
    expect(fromOpinion.statusCode, fromOpinion.body).toBe(201);
    expect(fromOpinion.json()).toMatchObject({ source: 'opinion', opinionId });
    ids.opinionProposal = fromOpinion.json().id;
    const twice = await staff.request('POST', '/api/livelihood/proposals/from-opinion', {
      cycleId,
      opinionId,
      title: '再次',
      category: 'other',
    });
    expect(twice.statusCode).toBe(409);

    const all = (await staff.request('GET', `/api/livelihood/proposals?cycleId=${cycleId}`)).json();
    expect(all.total).toBe(4);
    ids.citizenProposal = all.items.find((p: { source: string }) => p.source === 'citizen').id;
    const classified = await staff.request('POST', `/api/livelihood/proposals/${ids.citizenProposal}/classify`, { category: 'elderly' });
    expect(classified.json().category).toBe('elderly');
  });

  it('closing solicitation refuses new citizen proposals', async () => {
    const closed = await staff.request('POST', `/api/livelihood-cycles/${cycleId}/actions/closeSolicitation`, {});
    expect(closed.json()).toMatchObject({ state: 'screening' });
    const late = await t.app.inject({
      method: 'POST',
      url: '/api/public/livelihood/proposals',
      payload: { cycle: publicCode, title: '晚到的建议', content: '征集结束后才提交的建议内容。', clientToken: 'late-token-0001' },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('征集已结束');
  });

  it('staff screen proposals into candidates, merge and decline; the list must have more candidates than places', async () => {
    const a = await staff.request(
      'POST',
      '/api/livelihood/projects',
      candidate(cycleId, '城南社区老年食堂建设', housingId, { category: 'elderly', proposalIds: [ids.citizenProposal] }),
    );
    expect(a.statusCode, a.body).toBe(201);
    ids.a = a.json().id;
    const merged = await staff.request('POST', `/api/livelihood-proposals/${ids.opinionProposal}/actions/merge`, {
      intoId: ids.deputyProposal,
    });
    expect(merged.json()).toMatchObject({ state: 'merged' });
    const b = await staff.request('POST', '/api/livelihood/projects', candidate(cycleId, '学校周边交通安全提升工程', transportId));
    ids.b = b.json().id;
    const adopted = await staff.request('POST', `/api/livelihood-proposals/${ids.deputyProposal}/actions/adopt`, { projectId: ids.b });
    expect(adopted.json()).toMatchObject({ state: 'adopted', projectName: '学校周边交通安全提升工程' });
    const declined = await staff.request('POST', `/api/livelihood-proposals/${ids.unitProposal}/actions/decline`, {});
    expect(declined.statusCode).toBe(400);
    expect(declined.body).toContain('请填写不予采纳的理由');

    const tooFew = await staff.request('POST', `/api/livelihood-cycles/${cycleId}/actions/fixCandidates`, {});
    expect(tooFew.statusCode).toBe(409);
    expect(tooFew.json().error).toMatchObject({ code: 'LIVELIHOOD_NOT_ENOUGH_CANDIDATES' });
    expect(tooFew.json().error.message).toContain('现有候选 2 项，拟确定 2 项');
    const c = await staff.request(
      'POST',
      '/api/livelihood/projects',
      candidate(cycleId, '老旧小区加装电梯', housingId, { category: 'housing' }),
    );
    ids.c = c.json().id;
    const fixed = await staff.request('POST', `/api/livelihood-cycles/${cycleId}/actions/fixCandidates`, {});
    expect(fixed.json()).toMatchObject({ state: 'candidates_fixed', candidateCount: 3 });
    const frozen = await staff.request('PUT', `/api/livelihood/projects/${ids.c}`, {
      ...candidate(cycleId, '改名', housingId),
      cycleId: undefined,
    });
    expect(frozen.statusCode).toBe(409);

    // The citizen's tracking page names the candidate their proposal became.
    const view = await t.app.inject({ method: 'GET', url: `/api/public/livelihood/proposals/${citizenCode}` });
    expect(view.json()).toMatchObject({ stateLabel: '已列为候选项目', projectName: '城南社区老年食堂建设' });
    // The portal lists the fixed candidates without votes.
    const portal = (await t.app.inject({ method: 'GET', url: `/api/public/livelihood/cycles/${cycleId}` })).json();
    expect(portal.projects).toHaveLength(3);
    expect(portal.projects.every((p: { votes: number | null }) => p.votes === null)).toBe(true);
    expect(portal.ballotLists).toEqual([]);
  });

  it('a handling unit sees only the projects it carries out, and cannot act for another unit', async () => {
    const mine = (await unit.request('GET', `/api/livelihood/projects?cycleId=${cycleId}`)).json();
    expect(mine.items.map((p: { unitName: string }) => p.unitName)).toEqual(['嘉兴市住房和城乡建设局', '嘉兴市住房和城乡建设局']);
    expect((await jtunit.request('GET', `/api/livelihood/projects/${ids.a}`)).statusCode).toBe(404);
    expect((await xzstaff.request('GET', `/api/livelihood/projects/${ids.a}`)).statusCode).toBe(404);
    const list = await staff.request('GET', `/api/livelihood/projects/export.xlsx?cycleId=${cycleId}`);
    expect(list.headers['content-type']).toContain('spreadsheetml');
  });

  const cast = (who: Session, voteId: string, choices: Record<string, string>, key: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/votes/${voteId}/ballots`,
      cookies: who.cookies,
      headers: { 'x-csrf-token': who.token, 'idempotency-key': `${key}-livelihood-test-key` },
      payload: { choices },
    });

  it('the deputies vote on the one vote component; a tie at the last place goes to a run-off', async () => {
    // 20 deputies of the city congress are in office (one of the 21 seeded is not).
    expect(voters.length).toBe(20);
    const opened = await staff.request('POST', `/api/livelihood-cycles/${cycleId}/actions/openVote`, {});
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({ state: 'voting' });
    const voteId: string = opened.json().voteId;
    const vote = (await staff.request('GET', `/api/votes/${voteId}`)).json();
    expect(vote).toMatchObject({ ballotKind: 'approve', secret: true, electorateSize: 20 });
    expect(vote.ruleText).toContain('全体');
    expect((await staff.request('POST', `/api/votes/${voteId}/actions/open`)).statusCode).toBe(200);
    // 14 choose the elderly canteen and one other (7 + 7); 6 choose the two others: 14 / 13 / 13 of 20 (11 needed).
    for (const [i, v] of voters.entries()) {
      const choices = i < 14 ? { [ids.a!]: 'chosen', [i % 2 ? ids.b! : ids.c!]: 'chosen' } : { [ids.b!]: 'chosen', [ids.c!]: 'chosen' };
      expect((await cast(v, voteId, choices, `v${i}`)).statusCode).toBe(200);
    }
    const closed = await staff.request('POST', `/api/votes/${voteId}/actions/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    const cycle = (await staff.request('GET', `/api/livelihood/cycles/${cycleId}`)).json();
    expect(cycle).toMatchObject({ state: 'voting', chosenCount: 1 });
    expect(cycle.runoffVoteId).toBeTruthy();
    const a = (await staff.request('GET', `/api/livelihood/projects/${ids.a}`)).json();
    expect(a).toMatchObject({ state: 'chosen', votes: 14 });

    const runoff = cycle.runoffVoteId as string;
    expect((await staff.request('POST', `/api/votes/${runoff}/actions/open`)).statusCode).toBe(200);
    for (const [i, v] of voters.slice(0, 12).entries()) await cast(v, runoff, { [i < 11 ? ids.b! : ids.c!]: 'chosen' }, `r${i}`);
    expect((await staff.request('POST', `/api/votes/${runoff}/actions/close`)).statusCode).toBe(200);
    const after = (await staff.request('GET', `/api/livelihood/cycles/${cycleId}`)).json();
    expect(after).toMatchObject({ state: 'announced', chosenCount: 2 });
    const states = (await staff.request('GET', `/api/livelihood/projects?cycleId=${cycleId}&sort=name&order=asc`)).json().items;
    expect(Object.fromEntries(states.map((p: { id: string; state: string }) => [p.id, p.state]))).toEqual({
      [ids.a!]: 'chosen',
      [ids.b!]: 'chosen',
      [ids.c!]: 'not_chosen',
    });
    // The portal shows the result with the vote counts and the rule.
    const portal = (await t.app.inject({ method: 'GET', url: `/api/public/livelihood/cycles/${cycleId}` })).json();
    expect(portal).toMatchObject({ stateLabel: '票决结果已公布', electorateSize: 20, ballotsCast: 20 });
    // Each announced vote links its anonymous ballot list, which the public API serves.
    expect(portal.ballotLists).toEqual([
      { label: '代表票决', voteId: cycle.voteId },
      { label: '并列项目再次投票', voteId: runoff },
    ]);
    for (const { voteId } of portal.ballotLists as { voteId: string }[])
      expect((await t.app.inject({ method: 'GET', url: `/api/public/votes/${voteId}/ballots` })).statusCode).toBe(200);
    expect(portal.projects.find((p: { id: string }) => p.id === ids.a)).toMatchObject({ chosen: true, votes: 14 });
  });

  it('the citizen who proposed a chosen project is told by SMS through the outbox', async () => {
    const sms = await t.db.query.outboxMessages.findMany({ where: eq(outboxMessages.recipient, '13800001111') });
    expect(sms.map((m) => m.body)).toEqual([expect.stringContaining('“城南社区老年食堂建设”已经')]);
  });

  it('implementation: a supervision group per project, inspections with follow-up tasks, the unit reports', async () => {
    const early = await staff.request('POST', `/api/livelihood-cycles/${cycleId}/actions/startImplementation`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('LIVELIHOOD_GROUP_MISSING');
    const [zhang, second, third] = voterDeputyIds;
    expect(
      (await staff.request('PUT', `/api/livelihood/projects/${ids.a}/group`, { deputyIds: [zhang, second], leaderId: zhang })).statusCode,
    ).toBe(200);
    expect(
      (await staff.request('PUT', `/api/livelihood/projects/${ids.b}/group`, { deputyIds: [third], leaderId: third })).statusCode,
    ).toBe(200);
    const started = await staff.request('POST', `/api/livelihood-cycles/${cycleId}/actions/startImplementation`, {});
    expect(started.json()).toMatchObject({ state: 'implementing' });

    // 张秀英 is in the canteen's group and inspects it; she is not in the other project's group.
    const inspected = await deputy.request('POST', `/api/livelihood/projects/${ids.a}/inspections`, {
      inspectedOn: today(),
      progress: 60,
      findings: '主体工程已完工，厨房设备正在安装。',
      problems: '无障碍通道坡度不符合要求。',
      tasks: ['整改无障碍通道坡度'],
    });
    expect(inspected.statusCode, inspected.body).toBe(200);
    expect(inspected.json()).toMatchObject({ progress: 60, canInspect: true });
    const tasksUrl = `/api/follow-up-tasks?subjectType=livelihood_project&subjectId=${ids.a}`;
    const task = (await staff.request('GET', tasksUrl)).json().items[0];
    expect(task).toMatchObject({ title: '整改无障碍通道坡度', origin: inspected.json().inspections[0].id, state: 'open', overdue: false });
    expect(task.dueOn > today()).toBe(true);
    expect(
      (
        await deputy.request('POST', `/api/livelihood/projects/${ids.b}/inspections`, {
          inspectedOn: today(),
          progress: 10,
          findings: '开工',
        })
      ).statusCode,
    ).toBe(403);
    const completeTask = `/api/follow-up-tasks/${task.id}/actions/complete`;
    expect((await jtunit.request('POST', completeTask, { evidence: '已整改' })).statusCode).toBe(404);
    const done = await unit.request('POST', completeTask, { evidence: '坡道已按规范重新浇筑' });
    expect(done.json()).toMatchObject({ state: 'done', evidence: '坡道已按规范重新浇筑' });

    const mid = await staff.request('POST', `/api/livelihood-cycles/${cycleId}/actions/reportMidYear`, {
      report: '两个项目均已开工。',
      reportedOn: today(),
    });
    expect(mid.json()).toMatchObject({ state: 'implementing', midYearReport: '两个项目均已开工。' });

    const other = await jtunit.request('POST', `/api/livelihood-projects/${ids.a}/actions/reportCompletion`, {
      report: '完成',
      completedOn: today(),
    });
    expect(other.statusCode).toBe(404);
    const complete = await unit.request('POST', `/api/livelihood-projects/${ids.a}/actions/reportCompletion`, {
      report: '老年食堂已投入使用，日均供餐 120 人次。',
      completedOn: today(),
    });
    expect(complete.json()).toMatchObject({ state: 'completed', progress: 100 });
    const sms = await t.db.query.outboxMessages.findMany({ where: eq(outboxMessages.recipient, '13800001111') });
    expect(sms.map((m) => m.body)).toContainEqual(expect.stringContaining('“城南社区老年食堂建设”已完成'));
  });

  it('the year-end evaluation is a secret satisfaction vote; a project below the threshold goes back for rectification', async () => {
    const opened = await staff.request('POST', `/api/livelihood-cycles/${cycleId}/actions/openEvaluation`, {});
    expect(opened.json()).toMatchObject({ state: 'evaluating' });
    const voteId: string = opened.json().evaluationVoteId;
    expect((await staff.request('GET', `/api/votes/${voteId}`)).json()).toMatchObject({ ballotKind: 'satisfaction', secret: true });
    await staff.request('POST', `/api/votes/${voteId}/actions/open`);
    for (const [i, v] of voters.slice(0, 10).entries())
      await cast(
        v,
        voteId,
        { [ids.a!]: i < 9 ? 'satisfied' : 'basically_satisfied', [ids.b!]: i < 3 ? 'basically_satisfied' : 'dissatisfied' },
        `e${i}`,
      );
    expect((await staff.request('POST', `/api/votes/${voteId}/actions/close`)).statusCode).toBe(200);
    const cycle = (await staff.request('GET', `/api/livelihood/cycles/${cycleId}`)).json();
    expect(cycle.state).toBe('closed');
    const a = (await staff.request('GET', `/api/livelihood/projects/${ids.a}`)).json();
    const b = (await unit.request('GET', `/api/livelihood/projects?cycleId=${cycleId}`)).json();
    expect(a).toMatchObject({ state: 'satisfied', satisfaction: 100 });
    expect(b.items.map((p: { name: string }) => p.name)).not.toContain('学校周边交通安全提升工程');
    const transport = (await jtunit.request('GET', `/api/livelihood/projects/${ids.b}`)).json();
    expect(transport).toMatchObject({ state: 'rectifying', satisfaction: 30, allowedActions: ['reportRectified'] });
    const portal = (await t.app.inject({ method: 'GET', url: `/api/public/livelihood/cycles/${cycleId}` })).json();
    expect(portal.projects.find((p: { id: string }) => p.id === ids.b)).toMatchObject({ satisfaction: 30 });
    expect(portal.ballotLists.map((l: { label: string }) => l.label)).toEqual(['代表票决', '并列项目再次投票', '年终满意度测评']);
  });

  it('figures for the dashboard: projects per body, completion, budget, evaluation, township coverage', async () => {
    const f = (await staff.request('GET', `/api/livelihood/figures?year=${year()}`)).json();
    expect(f.bodies.find((b: { bodyId: string }) => b.bodyId === cityId)).toMatchObject({
      state: 'closed',
      candidates: 3,
      chosen: 2,
      completed: 1,
      budget: 1721,
      passed: 1,
      rectifying: 1,
    });
    expect(f.townships.total).toBeGreaterThan(0);
  });

  it('writes every step to the audit trail', async () => {
    const events = await t.db.query.auditEvents.findMany({ where: eq(auditEvents.entityId, cycleId) });
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'create',
        'closeSolicitation',
        'fixCandidates',
        'openVote',
        'announce',
        'startImplementation',
        'finishEvaluation',
      ]),
    );
  });
});

describe("the demo's voted cycles carry real votes", () => {
  it('their announced results recount from the published ballots, and the roll matches the box', async () => {
    const seeded = await t.db
      .select()
      .from(livelihoodCycles)
      .where(and(eq(livelihoodCycles.year, year()), isNotNull(livelihoodCycles.voteId)));
    const names = await Promise.all(seeded.map(async (c) => (await t.db.query.bodies.findFirst({ where: eq(bodies.id, c.bodyId) }))!.name));
    expect(names).toEqual(expect.arrayContaining(['秀洲区人大常委会', '王江泾镇人民代表大会']));
    for (const c of seeded.filter((_, i) => ['秀洲区人大常委会', '王江泾镇人民代表大会'].includes(names[i]!))) {
      const vote = (await t.db.query.votes.findFirst({ where: eq(votes.id, c.voteId!) }))!;
      expect(vote).toMatchObject({ state: 'announced', secret: true, subjectModule: 'livelihood', subjectId: c.id });
      const list = (await t.app.inject({ method: 'GET', url: `/api/public/votes/${vote.id}/ballots` })).json().items as {
        code: string;
        choices: BallotChoices;
      }[];
      const recount = decideVote(
        vote.ballotKind as BallotKind,
        vote.items as VoteItem[],
        vote.rule as VoteRule,
        list.map((b) => b.choices),
        vote.electorateSize!,
      );
      const portal = (await t.app.inject({ method: 'GET', url: `/api/public/livelihood/cycles/${c.id}` })).json();
      expect(portal).toMatchObject({ electorateSize: recount.electorateSize, ballotsCast: list.length });
      const shown = portal.projects.map((p: { id: string; votes: number; chosen: boolean }) => [p.id, p.votes, p.chosen]);
      expect(shown).toEqual(expect.arrayContaining(recount.items.map((i) => [i.key, i.votes, i.chosen])));
      expect(shown).toHaveLength(recount.items.length);
      expect(recount.items.filter((i) => i.chosen)).toHaveLength(c.places);
      const roll = await t.db.select().from(voteRoll).where(eq(voteRoll.voteId, vote.id));
      expect(roll.filter((r) => r.voted)).toHaveLength(list.length);
      expect(roll.length).toBe(vote.electorateSize);
    }
  });
});
