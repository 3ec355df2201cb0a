import { and, asc, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, bodies, users } from '../../db/schema.js';
import { clock } from '../../platform/clock.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { deputies } from '../deputies/tables.js';

type Session = Awaited<ReturnType<TestApp['login']>>;
let t: TestApp;
let staff: Session;
let deputy: Session;
let xzstaff: Session;
let xiuzhouId: string;
/** 张秀英, the demo deputy (a city deputy, serving on a district campaign's team). */
let meId: string;
let others: string[];

const at = (date: string) => new Date(`${date}T02:00:00Z`);
const post = (s: Session, url: string, body: unknown) => s.request('POST', url, body);

beforeAll(async () => {
  t = await buildTestApp();
  [staff, deputy, xzstaff] = await Promise.all([t.login('staff'), t.login('deputy'), t.login('xzstaff')]);
  xiuzhouId = (await t.db.select({ id: bodies.id }).from(bodies).where(eq(bodies.name, '秀洲区人大常委会')))[0]!.id;
  const [user] = await t.db.select({ id: users.id }).from(users).where(eq(users.username, 'deputy'));
  meId = (await t.db.select({ id: deputies.id }).from(deputies).where(eq(deputies.userId, user!.id)))[0]!.id;
  others = (
    await t.db.select({ id: deputies.id }).from(deputies).where(eq(deputies.bodyId, xiuzhouId)).orderBy(asc(deputies.name)).limit(4)
  ).map((d) => d.id);
});
afterAll(() => {
  clock.reset();
  return t.close();
});

describe('deputies record their own field visits; staff edit the campaign; a clue becomes a suggestion', () => {
  let campaignId: string;
  let teamA: string;
  let teamB: string;
  let clueId: string;

  it('shows a deputy the campaigns they serve on, with their team', async () => {
    clock.set(at('2026-05-04'));
    const created = await post(staff, '/api/campaigns', {
      bodyId: xiuzhouId,
      title: '养殖尾水治理代表专项监督',
      theme: '养殖尾水直排',
      startsOn: '2026-05-01',
      endsOn: '2026-08-31',
    });
    expect(created.statusCode, created.body).toBe(201);
    campaignId = created.json().id;
    await post(staff, `/api/campaigns/${campaignId}/teams`, { name: '第一监督组', deputyIds: [meId, others[0]] });
    const withB = await post(staff, `/api/campaigns/${campaignId}/teams`, { name: '第二监督组', deputyIds: [others[1], others[2]] });
    [teamA, teamB] = withB.json().teams.map((x: { id: string }) => x.id);

    const mine = await deputy.request('GET', '/api/my/campaigns');
    expect(mine.statusCode, mine.body).toBe(200);
    const item = mine.json().items.find((c: { id: string }) => c.id === campaignId);
    expect(item).toMatchObject({ status: 'active', deputyId: meId, myVisits: 0, teams: [{ id: teamA, name: '第一监督组' }] });
    // Staff pages stay closed to deputies; the deputy's page to staff.
    expect((await deputy.request('GET', `/api/campaigns/${campaignId}`)).statusCode).toBe(403);
    expect((await staff.request('GET', '/api/my/campaigns')).statusCode).toBe(403);
  });

  it('records the deputy’s own visit: person-times and clues count like staff-recorded ones', async () => {
    clock.set(at('2026-05-06'));
    const res = await post(deputy, `/api/my/campaigns/${campaignId}/visits`, {
      visitedOn: '2026-05-06',
      place: '王江泾镇南汇村养殖塘',
      deputyIds: [meId, others[0]],
      clues: [{ kind: 'problem', content: '养殖塘尾水未经处理直排入河', location: '南汇村' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ clueNumbers: ['2026-0001'], visit: { teamId: teamA, teamName: '第一监督组', clueCount: 1 } });
    const figures = (await staff.request('GET', `/api/campaigns/${campaignId}`)).json().figures;
    expect(figures).toMatchObject({ visits: 1, personTimes: 2, deputies: 2, problems: 1 });
    const mine = (await deputy.request('GET', '/api/my/campaigns')).json().items.find((c: { id: string }) => c.id === campaignId);
    expect(mine.myVisits).toBe(1);
    const visits = (await deputy.request('GET', `/api/my/campaigns/${campaignId}/visits`)).json();
    expect(visits.items.map((v: { place: string }) => v.place)).toEqual(['王江泾镇南汇村养殖塘']);
    const clues = (await deputy.request('GET', `/api/my/campaigns/${campaignId}/clues`)).json();
    expect(clues.items.map((c: { number: string }) => c.number)).toEqual(['2026-0001']);
    clueId = clues.items[0].id;
    const audit = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'campaign_visit'), eq(auditEvents.bodyId, xiuzhouId)))
      .orderBy(desc(auditEvents.at));
    expect(audit[0]).toMatchObject({ action: 'create', actorName: '张秀英' });
  });

  it('refuses another team, a visit without the deputy, non-members and dates outside, in Chinese', async () => {
    const base = { visitedOn: '2026-05-06', place: '油车港镇', deputyIds: [meId], clues: [] };
    const cases: [Record<string, unknown>, number, string][] = [
      [{ teamId: teamB }, 400, '请选择您所在的监督组'],
      [{ deputyIds: [others[0]] }, 400, '登记本人参加的实地监督，参加代表中应有您本人'],
      [{ deputyIds: [meId, others[3]] }, 400, '参加监督的代表应为本专项监督各监督组的成员'],
      [{ visitedOn: '2026-05-07' }, 400, '日期不能晚于今天'],
      [{ visitedOn: '2026-04-30' }, 400, '日期应在专项监督期间（2026-05-01 至 2026-08-31）内'],
    ];
    for (const [patch, status, message] of cases) {
      const res = await post(deputy, `/api/my/campaigns/${campaignId}/visits`, { ...base, ...patch });
      expect(res.statusCode, JSON.stringify(patch)).toBe(status);
      expect(res.json().error.message).toBe(message);
    }
    // A deputy on no team of the campaign does not see it at all.
    const other = await post(staff, '/api/campaigns', {
      bodyId: xiuzhouId,
      title: '不含本代表的专项监督',
      theme: '测试',
      startsOn: '2026-05-01',
      endsOn: '2026-06-30',
    });
    expect((await post(deputy, `/api/my/campaigns/${other.json().id}/visits`, base)).statusCode).toBe(404);
  });

  it('lets staff edit title, theme, period and teams, but not cut recorded visits out or drop a team that went', async () => {
    const url = `/api/campaigns/${campaignId}`;
    const input = {
      title: '养殖尾水治理代表专项监督（第二阶段）',
      theme: '养殖尾水直排和塘底淤泥',
      description: null,
      startsOn: '2026-05-01',
      endsOn: '2026-09-30',
      teams: [
        { id: teamA, name: '第一监督组', area: '王江泾镇', deputyIds: [meId, others[0], others[3]] },
        { name: '第三监督组', area: null, deputyIds: [others[2]] },
      ],
    };
    const cases: [Record<string, unknown>, number, string][] = [
      [{ endsOn: '2026-05-05' }, 400, '已有 2026-05-06 的实地监督或线索记录，结束日期不能早于该日'],
      [{ startsOn: '2026-05-07' }, 400, '已有 2026-05-06 的实地监督或线索记录，开始日期不能晚于该日'],
      [{ teams: input.teams.slice(1) }, 409, '监督组“第一监督组”已有实地监督记录，不能删除'],
      [{ teams: [input.teams[0], { ...input.teams[1], name: '第一监督组' }] }, 400, '提交的内容有误：监督组名称不能重复'],
    ];
    for (const [patch, status, message] of cases) {
      const res = await staff.request('PUT', url, { ...input, ...patch });
      expect(res.statusCode, JSON.stringify(patch)).toBe(status);
      expect(res.json().error.message).toBe(message);
    }
    const res = await staff.request('PUT', url, input);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ title: input.title, endsOn: '2026-09-30' });
    expect(res.json().teams.map((x: { name: string; deputies: unknown[] }) => [x.name, x.deputies.length])).toEqual([
      ['第一监督组', 3],
      ['第三监督组', 1],
    ]);
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'campaign'), eq(auditEvents.entityId, campaignId), eq(auditEvents.action, 'update')));
    expect(event!.before).toMatchObject({ title: '养殖尾水治理代表专项监督', endsOn: '2026-08-31' });
    expect((event!.before as { teams: unknown[] }).teams).toHaveLength(2);
    expect(event!.after).toMatchObject({ title: input.title, endsOn: '2026-09-30' });
    expect((await deputy.request('PUT', url, input)).statusCode).toBe(403);
  });

  it('turns a clue into the deputy’s draft suggestion, shown on both sides', async () => {
    const res = await post(deputy, `/api/campaign-clues/${clueId}/suggestion`, { mode: 'draft', title: '关于加快养殖尾水治理的建议' });
    expect(res.statusCode, res.body).toBe(200);
    const link = res.json().suggestion;
    expect(link).toMatchObject({ state: 'draft', number: null, title: '关于加快养殖尾水治理的建议' });
    expect(res.json().history.at(-1)).toMatchObject({ action: 'linkSuggestion', label: '转为代表建议' });
    const draft = (await deputy.request('GET', `/api/suggestions/${link.id}`)).json();
    expect(draft).toMatchObject({ state: 'draft', title: '关于加快养殖尾水治理的建议' });
    expect(draft.content).toContain('养殖塘尾水未经处理直排入河');
    expect(draft.content).toContain('问题线索台账第 2026-0001 号');
    const source = await deputy.request('GET', `/api/campaign-clues/of-suggestion/${link.id}`);
    expect(source.json().items).toEqual([
      expect.objectContaining({ number: '2026-0001', campaignTitle: '养殖尾水治理代表专项监督（第二阶段）' }),
    ]);
    // Staff see that a draft exists, not its title, until the deputy submits it.
    const seen = (await staff.request('GET', `/api/campaign-clues/${clueId}`)).json();
    expect(seen.suggestion).toMatchObject({ id: link.id, state: 'draft', title: null });
    const again = await post(deputy, `/api/campaign-clues/${clueId}/suggestion`, { mode: 'draft', title: '关于再起草一次的建议' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('该线索已转为代表建议');
  });

  it('lets staff link a clue to a submitted suggestion they can see, and only that', async () => {
    const clue = await post(staff, `/api/campaigns/${campaignId}/clues`, {
      kind: 'suggestion',
      content: '建议统一建设尾水处理设施',
      foundOn: '2026-05-06',
    });
    const id = clue.json().id;
    const draftOnly = await post(staff, `/api/campaign-clues/${id}/suggestion`, { mode: 'draft', title: '关于工作人员起草的建议' });
    expect(draftOnly.statusCode).toBe(403);
    const drafted = (await staff.request('GET', `/api/campaign-clues/${clueId}`)).json().suggestion.id;
    // A draft is the deputy's own: staff cannot see it, so cannot link it.
    expect((await post(staff, `/api/campaign-clues/${id}/suggestion`, { mode: 'link', suggestionId: drafted })).statusCode).toBe(404);
    const submitted = await deputy.request('POST', `/api/suggestions/${drafted}/actions/submit`, {});
    expect(submitted.statusCode, submitted.body).toBe(200);
    const linked = await post(staff, `/api/campaign-clues/${id}/suggestion`, { mode: 'link', suggestionId: drafted });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().suggestion).toMatchObject({ id: drafted, title: '关于加快养殖尾水治理的建议', state: 'submitted' });
    const source = (await staff.request('GET', `/api/campaign-clues/of-suggestion/${drafted}`)).json();
    expect(source.items.map((c: { number: string }) => c.number)).toEqual(['2026-0001', '2026-0002']);
    expect((await xzstaff.request('GET', `/api/campaign-clues/of-suggestion/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
  });

  it('refuses visits once the campaign has ended', async () => {
    clock.set(at('2026-10-01'));
    const res = await post(deputy, `/api/my/campaigns/${campaignId}/visits`, {
      visitedOn: '2026-09-30',
      place: '王江泾镇',
      deputyIds: [meId],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('专项监督已结束，不能登记实地监督');
  });
});
