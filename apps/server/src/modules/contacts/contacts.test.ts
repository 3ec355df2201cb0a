import ExcelJS from 'exceljs';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, bodies, deputies, handlingUnits, notifications, regions, users } from '../../db/schema.js';
import { clock } from '../../platform/clock.js';
import { buildTestApp, type TestApp } from '../../test/app.js';

type Session = Awaited<ReturnType<TestApp['login']>>;
let t: TestApp;
let staff: Session;
let leader: Session;
let deputy: Session;
let unit: Session;
let jtunit: Session;
let xzstaff: Session;
let zhangId: string;
let leaderId: string;
let villageCode: string;
let unitId: string;
let xiuzhouDeputyId: string;

const today = () => clock.now().toISOString().slice(0, 10);
const year = () => clock.now().getUTCFullYear();

beforeAll(async () => {
  t = await buildTestApp();
  staff = await t.login('staff');
  leader = await t.login('leader');
  deputy = await t.login('deputy');
  unit = await t.login('unit');
  jtunit = await t.login('jtunit');
  xzstaff = await t.login('xzstaff');
  const city = (await t.db.query.bodies.findFirst({ where: eq(bodies.regionCode, '330400') }))!;
  const xiuzhou = (await t.db.query.bodies.findFirst({ where: eq(bodies.regionCode, '330411') }))!;
  zhangId = (await t.db.query.deputies.findFirst({ where: and(eq(deputies.bodyId, city.id), eq(deputies.name, '张秀英')) }))!.id;
  xiuzhouDeputyId = (await t.db.query.deputies.findFirst({ where: eq(deputies.bodyId, xiuzhou.id) }))!.id;
  leaderId = (await t.db.query.users.findFirst({ where: eq(users.username, 'leader') }))!.id;
  villageCode = (await t.db.query.regions.findFirst({ where: and(eq(regions.level, 'village'), like(regions.code, '330402%')) }))!.code;
  unitId = (await t.db.query.handlingUnits.findFirst({ where: eq(handlingUnits.name, '嘉兴市住房和城乡建设局') }))!.id;
}, 180_000);
afterAll(() => t.close());

describe('contact links (双联系)', () => {
  let memberLinkId: string;
  let voterLinkId: string;

  it('staff assign a committee member to a deputy and refuse an incomplete link in Chinese', async () => {
    const bad = await staff.request('POST', '/api/contact-links', { kind: 'member_deputy', year: year(), deputyId: zhangId });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('请选择常委会组成人员');
    const members = (await staff.request('GET', '/api/contact-links/members')).json().items;
    expect(members.map((m: { name: string }) => m.name)).toContain('陈建国');
    const res = await staff.request('POST', '/api/contact-links', {
      kind: 'member_deputy',
      year: year(),
      deputyId: zhangId,
      memberId: leaderId,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ deputyName: '张秀英', memberName: '陈建国', recordCount: 0, records: [] });
    memberLinkId = res.json().id;
  });

  it('a deputy adds a voter they keep in touch with; the phone number is kept only masked', async () => {
    const res = await deputy.request('POST', '/api/contact-links', {
      kind: 'deputy_voter',
      year: year(),
      deputyId: zhangId,
      voterName: '王阿姨',
      voterPhone: '13857301234',
      regionCode: villageCode,
      note: '独居老人',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ voterName: '王阿姨', voterPhone: '138****1234', kind: 'deputy_voter' });
    expect(res.json().regionName).toBeTruthy();
    expect(res.body).not.toContain('13857301234');
    voterLinkId = res.json().id;
    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, voterLinkId));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit.map((e) => [e.before, e.after]))).not.toContain('13857301234');
  });

  it('a deputy cannot assign committee members nor add voters for another deputy', async () => {
    const member = await deputy.request('POST', '/api/contact-links', {
      kind: 'member_deputy',
      year: year(),
      deputyId: zhangId,
      memberId: leaderId,
    });
    expect(member.statusCode).toBe(403);
    expect(member.json().error.message).toContain('常委会组成人员联系代表由机关工作人员安排');
    const other = await t.db.query.deputies.findFirst({ where: and(eq(deputies.name, '张秀英')) });
    expect(other).toBeTruthy();
    const leaderCreate = await leader.request('POST', '/api/contact-links', {
      kind: 'deputy_voter',
      year: year(),
      deputyId: zhangId,
      voterName: '李大伯',
    });
    expect(leaderCreate.statusCode).toBe(403);
  });

  it("a deputy's contact with a voter enters the duty log once and counts in the seven ones", async () => {
    const before = (await deputy.request('GET', `/api/me/performance?from=${year()}-01-01&to=${year()}-12-31`)).json();
    const votersBefore = before.sevenOnes.items.find((i: { key: string }) => i.key === 'contactVoters').count;
    const opinionsBefore = before.sevenOnes.items.find((i: { key: string }) => i.key === 'collectOpinions').count ?? 0;

    const future = await deputy.request('POST', `/api/contact-links/${voterLinkId}/records`, {
      occurredOn: `${year() + 1}-01-01`,
      way: 'visit',
      content: '上门走访',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.message).toBe('联系日期不能晚于今天');

    const res = await deputy.request('POST', `/api/contact-links/${voterLinkId}/records`, {
      occurredOn: today(),
      way: 'visit',
      content: '上门走访，了解居家养老需求',
      raised: '希望社区食堂延长供餐时间',
    });
    expect(res.statusCode, res.body).toBe(201);
    const detail = res.json();
    expect(detail.recordCount).toBe(1);
    expect(detail.records[0]).toMatchObject({ way: 'visit', raised: '希望社区食堂延长供餐时间', recordedByName: '张秀英' });
    const dutyId = detail.records[0].dutyRecordId;
    expect(dutyId).toBeTruthy();

    const duty = await deputy.request('GET', `/api/duties/${dutyId}`);
    expect(duty.json()).toMatchObject({ kind: 'voter_reception', source: 'contact', votersReceived: 1, participants: [{ id: zhangId }] });
    expect(duty.json().title).toContain('王阿姨');
    // The entry belongs to the contact record: it is changed there, not in the duty log.
    const edit = await deputy.request('DELETE', `/api/duties/${dutyId}`);
    expect(edit.statusCode).toBe(400);
    expect(edit.json().error.code).toBe('DUTY_FROM_CONTACT');

    const after = (await deputy.request('GET', `/api/me/performance?from=${year()}-01-01&to=${year()}-12-31`)).json();
    expect(after.sevenOnes.items.find((i: { key: string }) => i.key === 'contactVoters').count).toBe(votersBefore + 1);
    expect(after.sevenOnes.items.find((i: { key: string }) => i.key === 'collectOpinions').count).toBe(opinionsBefore + 1);
  });

  it('the member records a contact on their own link; it shows in the deputy’s performance file, not in the duty log', async () => {
    const res = await leader.request('POST', `/api/contact-links/${memberLinkId}/records`, {
      occurredOn: today(),
      way: 'phone',
      content: '电话听取对常委会工作的意见',
      raised: '建议加强对老旧小区改造的监督',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().records[0].dutyRecordId).toBeNull();
    // A deputy cannot write the member's record for them.
    const byDeputy = await deputy.request('POST', `/api/contact-links/${memberLinkId}/records`, {
      occurredOn: today(),
      way: 'phone',
      content: '电话',
    });
    expect(byDeputy.statusCode).toBe(403);
    const file = (await staff.request('GET', `/api/deputies/${zhangId}/performance?from=${year()}-01-01&to=${year()}-12-31`)).json();
    const section = file.sections.find((s: { key: string }) => s.key === 'member-contacts');
    expect(section.title).toBe('常委会组成人员联系代表');
    expect(section.rows).toContainEqual([today(), '陈建国', '电话', '电话听取对常委会工作的意见', '建议加强对老旧小区改造的监督']);
  });

  it('lists with filters, exports to Excel, and keeps each person to their own', async () => {
    const list = (await staff.request('GET', `/api/contact-links?kind=deputy_voter&year=${year()}&q=${encodeURIComponent('王阿')}`)).json();
    expect(list.items.map((l: { id: string }) => l.id)).toContain(voterLinkId);
    expect(list.items.every((l: { kind: string }) => l.kind === 'deputy_voter')).toBe(true);

    const file = await staff.request('GET', `/api/contact-links/export.xlsx?year=${year()}`);
    expect(file.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('年度');
    const names = sheet.getColumn(5).values;
    expect(names).toContain('王阿姨');

    const own = (await deputy.request('GET', '/api/contact-links')).json();
    expect(own.items.every((l: { deputyId: string }) => l.deputyId === zhangId)).toBe(true);
    expect((await unit.request('GET', '/api/contact-links')).statusCode).toBe(403);
  });

  it('a county staff member neither sees nor writes on a city link', async () => {
    expect((await xzstaff.request('GET', `/api/contact-links/${voterLinkId}`)).statusCode).toBe(404);
    const list = (await xzstaff.request('GET', '/api/contact-links?pageSize=200')).json();
    expect(list.items.map((l: { id: string }) => l.id)).not.toContain(voterLinkId);
    const write = await xzstaff.request('POST', `/api/contact-links/${voterLinkId}/records`, {
      occurredOn: today(),
      way: 'visit',
      content: '走访',
    });
    expect(write.statusCode).toBe(404);
    const create = await xzstaff.request('POST', '/api/contact-links', {
      kind: 'deputy_voter',
      year: year(),
      deputyId: zhangId,
      voterName: '王阿姨',
    });
    expect(create.statusCode).toBe(404);
    const ownCounty = await xzstaff.request('POST', '/api/contact-links', {
      kind: 'deputy_voter',
      year: year(),
      deputyId: xiuzhouDeputyId,
      voterName: '沈师傅',
    });
    expect(ownCounty.statusCode, ownCounty.body).toBe(201);
    expect((await staff.request('GET', `/api/contact-links/${ownCounty.json().id}`)).statusCode).toBe(200);
  });

  it('removes a link made by mistake, but not one with contacts on it', async () => {
    const refused = await staff.request('DELETE', `/api/contact-links/${voterLinkId}`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toContain('不能删除');
    const spare = await staff.request('POST', '/api/contact-links', {
      kind: 'member_deputy',
      year: year(),
      deputyId: zhangId,
      memberId: leaderId,
    });
    expect((await staff.request('DELETE', `/api/contact-links/${spare.json().id}`)).statusCode).toBe(204);
  });
});

describe('appointments (代表约见国家机关负责人)', () => {
  let id: string;
  const act = (s: Session, action: string, body: object = {}) => s.request('POST', `/api/appointments/${id}/actions/${action}`, body);

  it('a deputy requests to meet the head of an agency', async () => {
    const units = (await deputy.request('GET', '/api/appointments/units')).json().items;
    expect(units.map((u: { name: string }) => u.name)).toContain('嘉兴市住房和城乡建设局');
    const bad = await deputy.request('POST', '/api/appointments', { unitId, official: '', topic: '加装电梯', reason: '进度慢' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('请填写约见对象');
    const res = await deputy.request('POST', '/api/appointments', {
      unitId,
      official: '局长',
      topic: '老旧小区加装电梯推进缓慢',
      reason: '烟雨社区 12 幢加装电梯审批已逾半年，居民多次反映。',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ state: 'requested', stateLabel: '待审核', deputyName: '张秀英', allowedActions: ['cancel'] });
    id = res.json().id;
    expect((await staff.request('POST', '/api/appointments', { unitId, official: '局长', topic: '事项', reason: '理由' })).statusCode).toBe(
      403,
    );
  });

  it('a deputy may ask on behalf of a group they belong to, not of another', async () => {
    const mine = (await deputy.request('GET', '/api/me/groups')).json().items as { id: string; name: string }[];
    expect(mine.map((g) => g.name)).toContain('南湖区代表小组');
    const own = mine.find((g) => g.name === '南湖区代表小组')!;
    const request = { unitId, official: '局长', topic: '南湖区加装电梯联合约见', reason: '小组成员集中反映审批慢。' };
    const res = await deputy.request('POST', '/api/appointments', { ...request, groupId: own.id });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ groupId: own.id, groupName: '南湖区代表小组' });
    const others = (await staff.request('GET', '/api/deputy-groups?kind=region')).json().items as { id: string; name: string }[];
    const foreign = others.find((g) => g.name === '嘉善县代表小组')!;
    const refused = await deputy.request('POST', '/api/appointments', { ...request, groupId: foreign.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.fields).toEqual([{ path: 'groupId', message: '不是本人所在的代表小组' }]);
    expect((await staff.request('GET', '/api/me/groups')).statusCode).toBe(403);
    await deputy.request('POST', `/api/appointments/${res.json().id}/actions/cancel`, { reason: '改为个人约见' });
  });

  it('refuses a step out of turn or by the wrong role, in Chinese', async () => {
    const early = await act(unit, 'recordOutcome', { commitment: '马上办' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe('当前状态（待审核）不能执行“反馈办理结果”');
    const self = await act(deputy, 'approve');
    expect(self.statusCode).toBe(403);
    const noReason = await act(staff, 'decline');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toBe('请填写不同意的理由');
  });

  it('staff approve and schedule; the deputy and the agency are told', async () => {
    expect((await act(staff, 'approve')).json().state).toBe('approved');
    const past = await act(staff, 'schedule', {
      scheduledAt: new Date(clock.now().getTime() - 3_600_000).toISOString(),
      place: '市人大常委会 302 会议室',
    });
    expect(past.json().error.message).toBe('约见时间不能早于现在');
    const when = new Date(clock.now().getTime() + 3 * 86_400_000).toISOString();
    const res = await act(staff, 'schedule', { scheduledAt: when, place: '市人大常委会 302 会议室' });
    expect(res.json()).toMatchObject({ state: 'scheduled', place: '市人大常委会 302 会议室' });
    const unitUser = (await t.db.query.users.findFirst({ where: eq(users.username, 'unit') }))!;
    const unitNotes = await t.db.select().from(notifications).where(eq(notifications.userId, unitUser.id));
    expect(unitNotes.some((n) => n.body.includes('老旧小区加装电梯推进缓慢'))).toBe(true);
    const deputyUser = (await t.db.query.users.findFirst({ where: eq(users.username, 'deputy') }))!;
    const deputyNotes = await t.db.select().from(notifications).where(eq(notifications.userId, deputyUser.id));
    expect(deputyNotes.filter((n) => n.title === '约见进展').length).toBe(2);
  });

  it('only the agency concerned and the body see it', async () => {
    expect((await unit.request('GET', `/api/appointments/${id}`)).statusCode).toBe(200);
    expect((await jtunit.request('GET', `/api/appointments/${id}`)).statusCode).toBe(404);
    expect((await xzstaff.request('GET', `/api/appointments/${id}`)).statusCode).toBe(404);
    const theirs = (await jtunit.request('GET', '/api/appointments')).json().items;
    expect(theirs.map((a: { id: string }) => a.id)).not.toContain(id);
    expect(theirs.every((a: { unitName: string }) => a.unitName === '嘉兴市交通运输局')).toBe(true);
    expect((await leader.request('GET', `/api/appointments/${id}`)).json().allowedActions).toEqual([]);
  });

  it('the meeting is recorded into the duty log, the agency answers and the deputy rates', async () => {
    const missing = await act(staff, 'recordMeeting', { heldOn: today() });
    expect(missing.json().error.message).toBe('请填写参加人员、约见情况');
    const held = await act(staff, 'recordMeeting', {
      heldOn: today(),
      attendees: '张秀英代表；市住建局局长；市人大常委会代表工委',
      meetingNotes: '代表陈述居民诉求，局长介绍审批流程并当场表态。',
    });
    expect(held.json()).toMatchObject({ state: 'held', allowedActions: ['recordOutcome'] });
    const duties = (await deputy.request('GET', '/api/duties?kind=other')).json();
    expect(
      duties.items.some(
        (d: { title: string; source: string }) => d.title.includes('约见嘉兴市住房和城乡建设局局长') && d.source === 'contact',
      ),
    ).toBe(true);

    const answered = await act(unit, 'recordOutcome', { commitment: '两周内完成审批，年底前开工', followUp: '每月向代表通报进度' });
    expect(answered.json()).toMatchObject({ state: 'answered', commitment: '两周内完成审批，年底前开工' });
    expect((await act(staff, 'rate', { rating: 'satisfied' })).statusCode).toBe(403);
    const closed = await act(deputy, 'rate', { rating: 'satisfied', comment: '态度积极' });
    expect(closed.json()).toMatchObject({ state: 'closed', stateLabel: '已评价', rating: 'satisfied', allowedActions: [] });

    const file = (await deputy.request('GET', `/api/me/performance?from=${year()}-01-01&to=${year()}-12-31`)).json();
    const section = file.sections.find((s: { key: string }) => s.key === 'appointments');
    expect(section.rows.some((r: string[]) => r.includes('两周内完成审批，年底前开工'))).toBe(true);

    const trail = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(trail.map((e) => e.action).sort()).toEqual(['approve', 'rate', 'recordMeeting', 'recordOutcome', 'request', 'schedule'].sort());
  });

  it('a deputy may withdraw a request before the meeting, with a reason', async () => {
    const res = await deputy.request('POST', '/api/appointments', {
      unitId,
      official: '副局长',
      topic: '小区停车难',
      reason: '烟雨路口停车难',
    });
    id = res.json().id;
    expect((await act(deputy, 'cancel')).json().error.message).toBe('请填写撤回理由');
    expect((await act(deputy, 'cancel', { reason: '问题已由街道协调解决' })).json()).toMatchObject({
      state: 'cancelled',
      allowedActions: [],
    });
    const list = (await staff.request('GET', '/api/appointments?state=cancelled')).json();
    expect(list.items.map((a: { id: string }) => a.id)).toContain(id);
  });
});
