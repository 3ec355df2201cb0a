import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlingUnits } from '../../db/schema.js';
import { clock } from '../../platform/clock.js';
import { DEMO_PASSWORD } from '../../seed/demo.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { giveDeputiesAccounts } from '../../test/voters.js';
import { readExport } from '../../test/xlsx.js';

/**
 * The supervision lists' Excel exports: the items list (its filters and each user's scope), a plan's items,
 * and the joint meetings with their decisions.
 */
type Session = Awaited<ReturnType<TestApp['login']>>;
type Item = { id: string; subject: string; organName: string };
let t: TestApp;
let staff: Session;
let organ: Session;
let otherStaff: Session;
let deputy: Session;
let planId = '';
const planTitle = '嘉兴市人大常委会2034年度监督工作计划';
const day = () => clock.now().toISOString().slice(0, 10);
const at = (date: string) => new Date(`${date}T02:00:00Z`);
const itemHeader = [
  '年度',
  '监督事项',
  '监督方式',
  '被监督单位',
  '承办委员会',
  '审议会议',
  '会议日期',
  '当前阶段',
  '阶段期限',
  '未办结问题',
  '逾期问题',
  '人大机关',
];
const itemsOf = async (s: Session, query: string) => {
  const res = await s.request('GET', `/api/supervision-items?pageSize=100&${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Item[];
};

beforeAll(async () => {
  clock.set(at('2026-05-06'));
  t = await buildTestApp();
  [staff, organ, otherStaff] = await Promise.all([t.login('staff'), t.login('jtunit'), t.login('xzstaff')]);
  const cityId = staff.user.bodyId;
  const [made] = await giveDeputiesAccounts(t.db, cityId, 1, DEMO_PASSWORD, 'exporter');
  deputy = await t.login(made!.username);
  const unitId = async (name: string) =>
    (await t.db.select({ id: handlingUnits.id }).from(handlingUnits).where(eq(handlingUnits.name, name)))[0]!.id;
  const [jtj, zjj] = [await unitId('嘉兴市交通运输局'), await unitId('嘉兴市住房和城乡建设局')];
  const plan = await staff.request('POST', '/api/supervision/plans', { bodyId: cityId, year: 2034, title: planTitle });
  planId = plan.json().id;
  const add = async (kind: string, subject: string, organUnitId: string, deputyIds: string[]) => {
    const res = await staff.request('POST', `/api/supervision/plans/${planId}/items`, {
      kind,
      subject,
      committee: '财经工委',
      organUnitId,
      meeting: '市十届人大常委会第二十次会议',
      meetingOn: '2034-06-20',
      deputyIds,
    });
    expect(res.statusCode, res.body).toBe(200);
  };
  await add('special_report', '公共交通优先发展工作情况', jtj, [made!.deputyId]);
  await add('law_inspection', '《浙江省公路条例》实施情况', jtj, []);
  await add('special_report', '城镇老旧小区改造工作情况', zjj, []);
}, 120_000);
afterAll(() => {
  clock.reset();
  return t?.close();
});

describe('supervision items export', () => {
  it('downloads the list with Chinese headers, with the list’s filters and order', async () => {
    const file = `监督事项${day()}.xlsx`;
    const all = await readExport(await staff.request('GET', '/api/supervision-items/export.xlsx?year=2034'), file);
    expect(all.header).toEqual(itemHeader);
    const list = await itemsOf(staff, 'year=2034');
    expect(all.rows.map((r) => r[1])).toEqual(list.map((i) => i.subject));
    expect(all.rows.find((r) => r[1] === '城镇老旧小区改造工作情况')).toEqual([
      2034,
      '城镇老旧小区改造工作情况',
      '听取审议专项工作报告',
      '嘉兴市住房和城乡建设局',
      '财经工委',
      '市十届人大常委会第二十次会议',
      '2034-06-20',
      '列入计划',
      '',
      0,
      0,
      '嘉兴市人大常委会',
    ]);

    const inspections = await readExport(
      await staff.request('GET', '/api/supervision-items/export.xlsx?year=2034&kind=law_inspection'),
      file,
    );
    expect(inspections.rows.map((r) => r[1])).toEqual(['《浙江省公路条例》实施情况']);
    // Paging is the screen's: the export takes the whole filtered list.
    const paged = await readExport(await staff.request('GET', '/api/supervision-items/export.xlsx?year=2034&pageSize=1&page=2'), file);
    expect(paged.rows).toHaveLength(3);
  });

  it('gives an organ only its own items and a deputy only the items they take part in', async () => {
    const file = `监督事项${day()}.xlsx`;
    const own = await readExport(await organ.request('GET', '/api/supervision-items/export.xlsx?year=2034'), file);
    expect(own.rows.map((r) => r[1]).sort()).toEqual(['《浙江省公路条例》实施情况', '公共交通优先发展工作情况'].sort());
    expect(
      new Set((await readExport(await organ.request('GET', '/api/supervision-items/export.xlsx'), file)).rows.map((r) => r[3])),
    ).toEqual(new Set(['嘉兴市交通运输局']));

    const mine = await readExport(await deputy.request('GET', '/api/supervision-items/export.xlsx?year=2034'), file);
    expect(mine.rows.map((r) => r[1])).toEqual(['公共交通优先发展工作情况']);
    expect((await readExport(await otherStaff.request('GET', '/api/supervision-items/export.xlsx?year=2034'), file)).rows).toEqual([]);
  });

  it('exports a plan’s items under the plan’s title, within the plan’s scope', async () => {
    const file = await readExport(await staff.request('GET', `/api/supervision/plans/${planId}/items.xlsx`), `${planTitle}.xlsx`);
    expect(file.header).toEqual(itemHeader);
    const plan = (await staff.request('GET', `/api/supervision/plans/${planId}`)).json<{ items: Item[] }>();
    expect(file.rows.map((r) => r[1])).toEqual(plan.items.map((i) => i.subject));
    expect(file.rows).toHaveLength(3);
    expect((await otherStaff.request('GET', `/api/supervision/plans/${planId}/items.xlsx`)).statusCode).toBe(404);
  });
});

describe('joint meetings export', () => {
  it('lists each meeting with its decisions, to supervision staff of the body only', async () => {
    const cityId = staff.user.bodyId;
    const create = (title: string) =>
      staff.request('POST', '/api/joint-meetings', {
        bodyId: cityId,
        title,
        heldOn: '2026-05-05',
        place: '市人大常委会第一会议室',
        agenda: ['通报年度监督工作计划', '确定专项工作报告报告人'],
        attendees: [{ name: '陈建国', unit: '市人大常委会' }],
      });
    const m = await create('二〇二六年第二次联席会议');
    expect(m.statusCode, m.body).toBe(201);
    await create('二〇二六年第三次联席会议');
    const subject = { subjectType: 'joint_meeting', subjectId: m.json().id };
    for (const [title, dueOn] of [
      ['交通局 6 月 10 日前报送报告稿', '2026-06-10'],
      ['住建局 7 月 1 日前报送整改方案', '2026-07-01'],
    ])
      expect((await staff.request('POST', '/api/follow-up-tasks', { ...subject, title, responsible: '市交通局', dueOn })).statusCode).toBe(
        201,
      );

    const file = await readExport(await staff.request('GET', '/api/joint-meetings/export.xlsx'), `联席会议${day()}.xlsx`);
    expect(file.header).toEqual([
      '会议日期',
      '会议名称',
      '地点',
      '议程',
      '出席人员',
      '议定事项',
      '责任单位',
      '完成期限',
      '落实状态',
      '完成日期',
      '落实情况',
    ]);
    const second = file.rows.filter((r) => r[1] === '二〇二六年第二次联席会议');
    expect(second.map((r) => [r[5], r[6], r[7]])).toEqual([
      ['交通局 6 月 10 日前报送报告稿', '市交通局', '2026-06-10'],
      ['住建局 7 月 1 日前报送整改方案', '市交通局', '2026-07-01'],
    ]);
    expect(second[0]!.slice(0, 5)).toEqual([
      '2026-05-05',
      '二〇二六年第二次联席会议',
      '市人大常委会第一会议室',
      '通报年度监督工作计划；确定专项工作报告报告人',
      '陈建国（市人大常委会）',
    ]);
    // A meeting without decisions still has its line.
    expect(file.rows.filter((r) => r[1] === '二〇二六年第三次联席会议').map((r) => r[5] ?? '')).toEqual(['']);

    const other = await readExport(await otherStaff.request('GET', '/api/joint-meetings/export.xlsx'), `联席会议${day()}.xlsx`);
    expect(other.rows.filter((r) => String(r[1]).startsWith('二〇二六年'))).toEqual([]);
    expect((await organ.request('GET', '/api/joint-meetings/export.xlsx')).statusCode).toBe(403);
  });
});
