import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, bodies, handlingUnits } from '../../db/schema.js';
import { clock } from '../../platform/clock.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { deputies } from '../deputies/tables.js';

type Session = Awaited<ReturnType<TestApp['login']>>;
let t: TestApp;
let staff: Session;
let xzstaff: Session;
let leader: Session;
let unit: Session;
let xiuzhouId: string;
let jiashanId: string;
let unitId: string;
let deputyIds: string[];

/** China 10:00 on a date. */
const at = (date: string) => new Date(`${date}T02:00:00Z`);

beforeAll(async () => {
  t = await buildTestApp();
  [staff, xzstaff, leader, unit] = await Promise.all([t.login('staff'), t.login('xzstaff'), t.login('leader'), t.login('unit')]);
  const byName = async (name: string) => (await t.db.select({ id: bodies.id }).from(bodies).where(eq(bodies.name, name)))[0]!.id;
  xiuzhouId = await byName('秀洲区人大常委会');
  jiashanId = await byName('嘉善县人大常委会');
  unitId = (await t.db.select({ id: handlingUnits.id }).from(handlingUnits).where(eq(handlingUnits.name, '嘉兴市住房和城乡建设局')))[0]!.id;
  deputyIds = (
    await t.db.select({ id: deputies.id }).from(deputies).where(eq(deputies.bodyId, xiuzhouId)).orderBy(asc(deputies.name)).limit(5)
  ).map((d) => d.id);
  expect(deputyIds).toHaveLength(5);
});
afterAll(() => {
  clock.reset();
  return t.close();
});

const post = (s: Session, url: string, body: unknown) => s.request('POST', url, body);
const act = (s: Session, clueId: string, body: Record<string, unknown>) =>
  post(s, `/api/campaign-clues/${clueId}/actions/${body.action}`, body);

describe('a themed campaign from teams and field visits to the monthly dispatch report', () => {
  let campaignId: string;
  let team1: string;
  let team2: string;
  const clue: Record<string, string> = {};

  async function clueIdByNumber(number: string) {
    const page = (await staff.request('GET', `/api/campaigns/${campaignId}/clues?pageSize=200`)).json();
    return page.items.find((c: { number: string }) => c.number === number).id as string;
  }

  it('is created with its period and two deputies’ teams', async () => {
    clock.set(at('2026-03-05'));
    const created = await post(staff, '/api/campaigns', {
      bodyId: xiuzhouId,
      title: '生态环保突出问题代表专项监督',
      theme: '河道排污、垃圾乱堆、废气扰民等生态环保突出问题',
      startsOn: '2026-03-01',
      endsOn: '2026-12-31',
    });
    expect(created.statusCode, created.body).toBe(201);
    campaignId = created.json().id;
    expect(created.json()).toMatchObject({ status: 'active', bodyName: '秀洲区人大常委会', teams: [] });

    const a = await post(staff, `/api/campaigns/${campaignId}/teams`, {
      name: '王江泾镇代表监督组',
      area: '王江泾镇',
      deputyIds: deputyIds.slice(0, 3),
    });
    expect(a.statusCode, a.body).toBe(201);
    const b = await post(staff, `/api/campaigns/${campaignId}/teams`, { name: '油车港镇代表监督组', deputyIds: deputyIds.slice(3, 5) });
    const teams = b.json().teams as { id: string; name: string; deputies: unknown[] }[];
    expect(teams.map((x) => [x.name, x.deputies.length])).toEqual([
      ['王江泾镇代表监督组', 3],
      ['油车港镇代表监督组', 2],
    ]);
    [team1, team2] = [teams[0]!.id, teams[1]!.id];
    const again = await post(staff, `/api/campaigns/${campaignId}/teams`, { name: '王江泾镇代表监督组', deputyIds: deputyIds.slice(0, 1) });
    expect(again.statusCode).toBe(409);
  });

  it('records field visits: each deputy is one person-time, what they found goes into the ledger in order', async () => {
    clock.set(at('2026-03-10'));
    const v1 = await post(staff, `/api/campaigns/${campaignId}/visits`, {
      teamId: team1,
      visitedOn: '2026-03-08',
      place: '新塍塘王江泾段',
      summary: '沿河巡查排污口和河面保洁',
      deputyIds: deputyIds.slice(0, 3),
      clues: [
        { kind: 'problem', content: '新塍塘桥北侧有生活污水直排口，水面发黑有异味', location: '新塍塘桥北侧' },
        { kind: 'problem', content: '沿河多个村庄生活污水管网未接入，属普遍问题', location: '王江泾镇沿河各村' },
        { kind: 'suggestion', content: '建议将沿河村庄生活污水管网建设纳入区级年度计划', location: null },
      ],
    });
    expect(v1.statusCode, v1.body).toBe(201);
    expect(v1.json().clueNumbers).toEqual(['2026-0001', '2026-0002', '2026-0003']);
    expect(v1.json().visit).toMatchObject({ teamName: '王江泾镇代表监督组', clueCount: 3 });
    expect(v1.json().visit.deputies).toHaveLength(3);
    const v2 = await post(staff, `/api/campaigns/${campaignId}/visits`, {
      teamId: team2,
      visitedOn: '2026-03-10',
      place: '油车港镇马厍村',
      deputyIds: deputyIds.slice(3, 5),
      clues: [{ kind: 'problem', content: '村口空地堆放建筑垃圾，群众反映已有一个多月', location: '马厍村村口' }],
    });
    expect(v2.json().clueNumbers).toEqual(['2026-0004']);
    for (const n of ['2026-0001', '2026-0002', '2026-0003', '2026-0004']) clue[n] = await clueIdByNumber(n);
  });

  it('refuses visits outside the period, in the future, with no deputies or another campaign’s team, in Chinese', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ visitedOn: '2026-02-27' }, '日期应在专项监督期间（2026-03-01 至 2026-12-31）内'],
      [{ visitedOn: '2026-03-11' }, '日期不能晚于今天'],
      [{ deputyIds: [] }, '提交的内容有误：请选择参加监督的代表'],
      [{ teamId: '00000000-0000-4000-8000-000000000000' }, '所选监督组不属于本专项监督'],
    ];
    for (const [change, message] of cases) {
      const res = await post(staff, `/api/campaigns/${campaignId}/visits`, {
        visitedOn: '2026-03-09',
        place: '王江泾镇',
        deputyIds: deputyIds.slice(0, 1),
        ...change,
      });
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      expect(res.json().error.message).toBe(message);
    }
  });

  it('transfers clues to the local government or the government itself, with a due date, and dismisses one', async () => {
    const local = await act(staff, clue['2026-0001']!, { action: 'transfer', handlingUnitId: unitId, level: 'local', note: '请封堵排口' });
    expect(local.statusCode, local.body).toBe(200);
    // One calendar month after 10 March.
    expect(local.json()).toMatchObject({
      status: 'transferred',
      handlingUnitName: '嘉兴市住房和城乡建设局',
      dueDate: '2026-04-10',
      transferLevel: 'local',
    });
    await act(staff, clue['2026-0002']!, { action: 'transfer', handlingUnitId: unitId, level: 'government' });
    const dismissed = await act(staff, clue['2026-0004']!, { action: 'dismiss', reason: '经核实为临时堆放，已当日清运' });
    expect(dismissed.json()).toMatchObject({ status: 'dismissed', reason: '经核实为临时堆放，已当日清运' });
  });

  it('lets the government report the rectification, and staff send it back or strike it off', async () => {
    const assigned = (await unit.request('GET', '/api/campaign-clues/assigned')).json();
    expect(assigned.items.map((c: { number: string }) => c.number).sort()).toEqual(['2026-0001', '2026-0002']);
    expect((await unit.request('GET', `/api/campaign-clues/${clue['2026-0001']}`)).json().actions).toEqual(['reportRectified']);
    // The unit cannot strike its own clue off the ledger.
    const early = await act(unit, clue['2026-0001']!, { action: 'confirm' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe('当前状态（已转办整改中）不能执行此操作');

    clock.set(at('2026-03-25'));
    expect((await act(unit, clue['2026-0001']!, { action: 'reportRectified', note: '排口已封堵，纳入截污纳管工程' })).json().status).toBe(
      'rectified',
    );
    const back = await act(staff, clue['2026-0001']!, { action: 'reject', reason: '现场复查仍有渗漏' });
    expect(back.json()).toMatchObject({ status: 'transferred', rectifiedAt: null });
    clock.set(at('2026-03-26'));
    await act(unit, clue['2026-0001']!, { action: 'reportRectified', note: '已重新封堵并复查无渗漏' });
    clock.set(at('2026-03-28'));
    const closed = await act(staff, clue['2026-0001']!, { action: 'confirm' });
    expect(closed.json().status).toBe('closed');
    expect(closed.json().history.map((h: { label: string }) => h.label)).toEqual([
      '登记入台账',
      '转办',
      '报告整改情况',
      '退回继续整改',
      '报告整改情况',
      '销号',
    ]);
    const audited = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'campaign_clue'), eq(auditEvents.entityId, clue['2026-0001']!)))
      // The order they were recorded in: PostgreSQL returns rows in no promised order without one.
      .orderBy(asc(auditEvents.id));
    expect(audited.map((e) => e.action)).toEqual(['create', 'transfer', 'reportRectified', 'reject', 'reportRectified', 'confirm']);
  });

  it('goes on in April with another visit, a clue from outside visits and a transfer', async () => {
    clock.set(at('2026-04-20'));
    await post(staff, `/api/campaigns/${campaignId}/visits`, {
      teamId: team1,
      visitedOn: '2026-04-15',
      place: '王江泾镇南汇村',
      deputyIds: [deputyIds[0], deputyIds[3]],
      clues: [{ kind: 'problem', content: '印染企业夜间排放废气，周边村民反映刺鼻', location: '南汇村' }],
    });
    const standalone = await post(staff, `/api/campaigns/${campaignId}/clues`, {
      kind: 'suggestion',
      content: '建议建立河长与人大代表联合巡河制度',
      location: null,
      foundOn: '2026-04-18',
    });
    expect(standalone.statusCode, standalone.body).toBe(201);
    expect(standalone.json()).toMatchObject({ number: '2026-0006', teamName: null, status: 'recorded' });
    await act(staff, clue['2026-0003']!, { action: 'transfer', handlingUnitId: unitId, level: 'local' });
    // Clue 2 was due on 10 April and is still being rectified.
    const overdue = (await staff.request('GET', `/api/campaigns/${campaignId}/clues?overdue=true`)).json();
    expect(overdue.items.map((c: { number: string }) => c.number)).toEqual(['2026-0002']);
  });

  it('counts the month’s figures and the running totals for the dispatch report', async () => {
    const march = await staff.request('GET', `/api/campaigns/${campaignId}/dispatch?month=2026-03`);
    expect(march.statusCode, march.body).toBe(200);
    expect(march.json().thisMonth).toEqual({
      visits: 2,
      personTimes: 5,
      deputies: 5,
      problems: 3,
      suggestions: 1,
      transferred: 2,
      transferredToGovernment: 1,
      closed: 1,
      open: 2,
      overdue: 0,
    });
    const april = (await staff.request('GET', `/api/campaigns/${campaignId}/dispatch?month=2026-04`)).json();
    expect(april.thisMonth).toEqual({
      visits: 1,
      personTimes: 2,
      deputies: 2,
      problems: 1,
      suggestions: 1,
      transferred: 1,
      transferredToGovernment: 0,
      closed: 0,
      open: 4,
      overdue: 1,
    });
    expect(april.cumulative).toEqual({
      visits: 3,
      personTimes: 7,
      deputies: 5,
      problems: 4,
      suggestions: 2,
      transferred: 3,
      transferredToGovernment: 1,
      closed: 1,
      open: 4,
      overdue: 1,
    });
    expect(april.byTeam).toEqual([
      { teamName: '王江泾镇代表监督组', visits: 1, personTimes: 2, problems: 1, suggestions: 0 },
      { teamName: '油车港镇代表监督组', visits: 0, personTimes: 0, problems: 0, suggestions: 0 },
      { teamName: '其他来源', visits: 0, personTimes: 0, problems: 0, suggestions: 1 },
    ]);
    expect(april.byUnit).toEqual([{ unitName: '嘉兴市住房和城乡建设局', transferred: 3, closed: 1, open: 2 }]);
    expect(april.newClues.map((c: { number: string }) => c.number)).toEqual(['2026-0005', '2026-0006']);
    // The campaign page shows the totals until today.
    expect((await staff.request('GET', `/api/campaigns/${campaignId}`)).json().figures).toEqual(april.cumulative);
  });

  it('writes the dispatch report as a Word document with the month’s figures', async () => {
    const res = await staff.request('GET', `/api/campaigns/${campaignId}/dispatch.docx?month=2026-04`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('生态环保突出问题代表专项监督月调度2026-04.docx');
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    const plain = xml.replace(/<[^>]+>/g, '');
    expect(plain).toContain('月调度（2026年4月）');
    expect(plain).toContain('2026年4月，共组织代表开展实地监督 1 次、2 人次（2 名代表），发现问题线索 1 个，提出意见建议 1 条；转办 1 件');
    expect(plain).toContain(
      '累计组织代表开展实地监督 3 次、7 人次，发现问题线索 4 个，提出意见建议 2 条，转办 3 件，整改销号 1 件；截至 2026-04-30 尚未销号 4 件，其中超过整改期限 1 件。',
    );
    expect(plain).toContain('印染企业夜间排放废气，周边村民反映刺鼻');
  });

  it('refuses a month outside the campaign or still to come', async () => {
    const before = await staff.request('GET', `/api/campaigns/${campaignId}/dispatch?month=2026-02`);
    expect(before.statusCode).toBe(400);
    expect(before.json().error.message).toBe('所选月份不在专项监督期间（2026-03-01 至 2026-12-31）内');
    const future = await staff.request('GET', `/api/campaigns/${campaignId}/dispatch.docx?month=2026-06`);
    expect(future.json().error.message).toBe('不能生成尚未到来月份的调度');
  });

  it('exports the ledger to Excel in ledger order', async () => {
    const res = await staff.request('GET', `/api/campaigns/${campaignId}/clues/export`);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('问题线索台账')!;
    expect(sheet.getRow(1).values).toContain('整改期限');
    const numbers = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2).getCell(1).value);
    expect(numbers).toEqual(['2026-0001', '2026-0002', '2026-0003', '2026-0004', '2026-0005', '2026-0006']);
    expect(sheet.getRow(3).getCell(12).value).toBe('逾期');
  });

  it('keeps each body to its scope and each role to its part', async () => {
    expect((await xzstaff.request('GET', `/api/campaigns/${campaignId}`)).statusCode).toBe(200);
    const other = await post(staff, '/api/campaigns', {
      bodyId: jiashanId,
      title: '嘉善县水环境代表专项监督',
      theme: '水环境',
      startsOn: '2026-04-01',
      endsOn: '2026-06-30',
    });
    expect((await xzstaff.request('GET', `/api/campaigns/${other.json().id}`)).statusCode).toBe(404);
    const listed = (await xzstaff.request('GET', '/api/campaigns')).json().items.map((c: { id: string }) => c.id);
    expect(listed).toContain(campaignId);
    expect(listed).not.toContain(other.json().id);
    expect(
      (
        await post(xzstaff, '/api/campaigns', {
          bodyId: jiashanId,
          title: '越权新建的专项',
          theme: '水环境',
          startsOn: '2026-04-01',
          endsOn: '2026-05-01',
        })
      ).statusCode,
    ).toBe(404);
    expect((await leader.request('GET', `/api/campaigns/${campaignId}/dispatch?month=2026-03`)).statusCode).toBe(200);
    expect(
      (await post(leader, `/api/campaigns/${campaignId}/clues`, { kind: 'problem', content: '领导不能登记线索', foundOn: '2026-04-01' }))
        .statusCode,
    ).toBe(403);
    expect((await unit.request('GET', `/api/campaigns/${campaignId}`)).statusCode).toBe(403);
    // A unit sees only what was transferred to it.
    expect((await unit.request('GET', `/api/campaign-clues/${clue['2026-0004']}`)).statusCode).toBe(404);
  });

  it('counts each campaign’s clues for the list page’s chart, in the list’s scope and with its search', async () => {
    type Row = { campaignId: string; title: string; problems: number; suggestions: number; closed: number };
    const counts = async (s: Session, query = '') => (await s.request('GET', `/api/campaigns/clue-counts${query}`)).json().items as Row[];
    const all = await counts(staff);
    const mine = all.find((c) => c.campaignId === campaignId)!;
    // The bar is the ledger: its clues by kind, and those closed.
    const ledger = (await staff.request('GET', `/api/campaigns/${campaignId}/clues?pageSize=200`)).json().items as {
      kind: string;
      status: string;
    }[];
    expect(ledger).toHaveLength(6);
    expect(mine).toMatchObject({
      title: '生态环保突出问题代表专项监督',
      problems: ledger.filter((c) => c.kind === 'problem').length,
      suggestions: ledger.filter((c) => c.kind === 'suggestion').length,
      closed: ledger.filter((c) => c.status === 'closed').length,
    });
    // A campaign without clues is a zero bar; another county's campaign is not counted for 秀洲区 staff.
    const jiashan = all.find((c) => c.title === '嘉善县水环境代表专项监督')!;
    expect(jiashan).toMatchObject({ problems: 0, suggestions: 0, closed: 0 });
    const theirs = (await counts(xzstaff)).map((c) => c.campaignId);
    expect(theirs).toContain(campaignId);
    expect(theirs).not.toContain(jiashan.campaignId);
    // The list's search narrows the chart too.
    const searched = (await counts(staff, `?q=${encodeURIComponent('水环境')}`)).map((c) => c.campaignId);
    expect(searched).toContain(jiashan.campaignId);
    expect(searched).not.toContain(campaignId);
    expect((await unit.request('GET', '/api/campaigns/clue-counts')).statusCode).toBe(403);
  });

  it('refuses an end before the start', async () => {
    const res = await post(staff, '/api/campaigns', {
      bodyId: xiuzhouId,
      title: '倒过来的专项监督',
      theme: '测试',
      startsOn: '2026-05-01',
      endsOn: '2026-04-01',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('提交的内容有误：结束日期不能早于开始日期');
  });
});
