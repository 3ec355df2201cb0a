import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendeeCodePattern } from '@renda/shared';
import { auditEvents, bodies, deputies, outboxMessages } from '../../db/schema.js';
import { Notifier, revealSecrets, type NewOutboxMessage } from '../../platform/notifications.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { reportBackAttendees, reportBackRatings } from './tables.js';

type Session = Awaited<ReturnType<TestApp['login']>>;
let t: TestApp;
let staff: Session;
let xzstaff: Session;
let leader: Session;
let zhangId: string;

beforeAll(async () => {
  t = await buildTestApp();
  staff = await t.login('staff');
  xzstaff = await t.login('xzstaff');
  leader = await t.login('leader');
  const cityId = (await t.db.query.bodies.findFirst({ where: eq(bodies.regionCode, '330400') }))!.id;
  zhangId = (await t.db.query.deputies.findFirst({ where: and(eq(deputies.bodyId, cityId), eq(deputies.name, '张秀英')) }))!.id;
});
afterAll(() => t.close());

let nextIp = 1;
const rate = (code: string, payload: object) =>
  t.app.inject({ method: 'POST', url: `/api/public/reportbacks/${code}/ratings`, payload, remoteAddress: `10.1.0.${nextIp++}` });

const event = {
  heldOn: '2026-05-20',
  place: '南湖区新兴街道代表联络站',
  constituency: '南湖区第三选区',
  title: '向选区选民述职',
  report: '一年来，我参加代表小组活动 8 次……',
};

async function readSheet(payload: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(payload as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('rating by registered attendees (一人一次, 凭签到评议码)', () => {
  let id: string;
  let publicCode: string;
  let codes: string[];

  it('creates an event in attendee mode and refuses to open rating before anyone is registered', async () => {
    const res = await staff.request('POST', '/api/reportbacks', { ...event, deputyId: zhangId, ratingMode: 'attendee' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ ratingMode: 'attendee', attendees: { registered: 0, used: 0 } });
    id = res.json().id;
    publicCode = res.json().publicCode;
    const open = await staff.request('POST', `/api/reportbacks/${id}/actions/openRating`);
    expect(open.statusCode).toBe(400);
    expect(open.json().error).toMatchObject({ code: 'REPORT_BACK_NO_ATTENDEES', message: '本次述职凭签到评议码评议，请先登记到会选民' });
  });

  it('registers attendees by name (phone once per event) and by head count, each with its own code', async () => {
    const empty = await staff.request('POST', `/api/reportbacks/${id}/attendees`, { attendees: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toContain('请填写到会选民名单或人数');
    const badPhone = await staff.request('POST', `/api/reportbacks/${id}/attendees`, { attendees: [{ name: '王芳', phone: '123' }] });
    expect(badPhone.json().error.message).toContain('请填写 11 位手机号');

    const res = await staff.request('POST', `/api/reportbacks/${id}/attendees`, {
      attendees: [
        { name: '王芳', phone: '13711112222' },
        { name: '李强', phone: '13711113333' },
        { name: '王芳（重复）', phone: '13711112222' },
        { name: '赵敏' },
      ],
      count: 2,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ registered: 5, skipped: 1 });
    const again = await staff.request('POST', `/api/reportbacks/${id}/attendees`, { attendees: [{ name: '王芳', phone: '13711112222' }] });
    expect(again.json()).toMatchObject({ registered: 0, skipped: 1 });

    const list = (await staff.request('GET', `/api/reportbacks/${id}/attendees`)).json().items as {
      name: string;
      phone: string | null;
      code: string;
      used: boolean;
    }[];
    expect(list.map((a) => [a.name, a.phone])).toEqual([
      ['王芳', '137****2222'],
      ['李强', '137****3333'],
      ['赵敏', null],
      ['到会选民 001', null],
      ['到会选民 002', null],
    ]);
    codes = list.map((a) => a.code);
    for (const c of codes) expect(c).toMatch(attendeeCodePattern);
    expect(new Set(codes).size).toBe(5);
    // The full phone is not stored.
    const stored = await t.db.select().from(reportBackAttendees).where(eq(reportBackAttendees.reportBackId, id));
    expect(JSON.stringify(stored)).not.toContain('13711112222');
    expect((await staff.request('GET', `/api/reportbacks/${id}`)).json().attendees).toEqual({ registered: 5, used: 0 });
  });

  it('prints the sign-in sheet with the codes as Excel', async () => {
    const res = await staff.request('GET', `/api/reportbacks/${id}/attendees.xlsx`);
    expect(res.statusCode).toBe(200);
    const rows = await readSheet(res.rawPayload);
    expect(rows[0]).toEqual(['序号', '姓名', '手机号', '评议码', '是否已评价', '签名']);
    expect(rows[1]!.slice(0, 5)).toEqual([1, '王芳', '137****2222', codes[0], '未评价']);
    expect(rows).toHaveLength(6);
  });

  it('takes one rating per code, and none without a valid code', async () => {
    expect((await staff.request('POST', `/api/reportbacks/${id}/actions/openRating`)).statusCode).toBe(200);
    const page = (await t.app.inject({ method: 'GET', url: `/api/public/reportbacks/${publicCode}` })).json();
    expect(page).toMatchObject({ ratingMode: 'attendee', acceptingRatings: true });

    const byPhone = await rate(publicCode, { phone: '13800000001', rating: 'satisfied' });
    expect(byPhone.statusCode).toBe(400);
    expect(byPhone.json().error).toMatchObject({ code: 'ATTENDEE_CODE_REQUIRED', message: '请填写签到时领取的 8 位评议码' });
    const malformed = await rate(publicCode, { attendeeCode: 'ABC', rating: 'satisfied' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.message).toContain('请填写签到时领取的 8 位评议码');
    const unknown = await rate(publicCode, { attendeeCode: 'ZZZZZZZZ', rating: 'satisfied' });
    expect(unknown.json().error).toMatchObject({ code: 'ATTENDEE_CODE_UNKNOWN', message: '评议码不正确，请核对签到时领取的评议码' });

    // Lower case and a space, as typed on a phone, are accepted.
    const typed = `${codes[0]!.slice(0, 4).toLowerCase()} ${codes[0]!.slice(4)}`;
    expect((await rate(publicCode, { attendeeCode: typed, rating: 'satisfied', comment: '讲得实在' })).statusCode).toBe(201);
    expect((await rate(publicCode, { attendeeCode: codes[1], rating: 'dissatisfied' })).statusCode).toBe(201);
    const twice = await rate(publicCode, { attendeeCode: codes[0], rating: 'dissatisfied' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toEqual({ code: 'ATTENDEE_CODE_USED', message: '该评议码已使用过，每位到会选民只能评价一次' });

    // The same code sent twice at once: exactly one rating counts.
    const both = await Promise.all([
      rate(publicCode, { attendeeCode: codes[2], rating: 'basically_satisfied' }),
      rate(publicCode, { attendeeCode: codes[2], rating: 'basically_satisfied' }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);

    const got = (await staff.request('GET', `/api/reportbacks/${id}`)).json();
    expect(got.results).toEqual({ total: 3, counts: { satisfied: 1, basically_satisfied: 1, dissatisfied: 1 }, satisfactionRate: 2 / 3 });
    expect(got.attendees).toEqual({ registered: 5, used: 3 });
    const list = (await staff.request('GET', `/api/reportbacks/${id}/attendees`)).json().items as { used: boolean }[];
    expect(list.map((a) => a.used)).toEqual([true, true, true, false, false]);
  });

  it('keeps ratings apart from attendees: staff see that a code was used, not how its holder rated', async () => {
    const ratings = await t.db.select().from(reportBackRatings).where(eq(reportBackRatings.reportBackId, id));
    const text = JSON.stringify(ratings);
    for (const c of codes) expect(text).not.toContain(c);
    expect(text).not.toContain('王芳');
    const comments = (await staff.request('GET', `/api/reportbacks/${id}/ratings`)).json().items as { phone: string }[];
    expect(comments.map((c) => c.phone)).toEqual(['现场评议码', '现场评议码', '现场评议码']);
    const trail = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'registerAttendees')));
    expect(trail).toHaveLength(2);
    for (const c of codes) expect(JSON.stringify(trail.map((e) => e.after))).not.toContain(c);
  });

  it('registers late arrivals during rating but none after closing', async () => {
    const late = await staff.request('POST', `/api/reportbacks/${id}/attendees`, { count: 1 });
    expect(late.json()).toMatchObject({ registered: 1, items: [{ name: '到会选民 003' }] });
    await staff.request('POST', `/api/reportbacks/${id}/actions/close`);
    const after = await staff.request('POST', `/api/reportbacks/${id}/attendees`, { count: 1 });
    expect(after.statusCode).toBe(409);
    expect(after.json().error.code).toBe('REPORT_BACK_CLOSED');
    const closedRate = await rate(publicCode, { attendeeCode: codes[4], rating: 'satisfied' });
    expect(closedRate.json().error.code).toBe('REPORT_BACK_CLOSED');
  });

  it('keeps attendees to staff of the body; phone-mode events take no attendees', async () => {
    expect((await xzstaff.request('GET', `/api/reportbacks/${id}/attendees`)).statusCode).toBe(404);
    expect((await leader.request('GET', `/api/reportbacks/${id}/attendees`)).statusCode).toBe(200);
    expect((await leader.request('POST', `/api/reportbacks/${id}/attendees`, { count: 1 })).statusCode).toBe(403);
    const phoneEvent = (await staff.request('POST', '/api/reportbacks', { ...event, deputyId: zhangId })).json();
    expect(phoneEvent.ratingMode).toBe('phone');
    const refused = await staff.request('POST', `/api/reportbacks/${phoneEvent.id}/attendees`, { count: 3 });
    expect(refused.json().error).toMatchObject({ code: 'REPORT_BACK_NOT_ATTENDEE_MODE' });
    await staff.request('POST', `/api/reportbacks/${phoneEvent.id}/actions/openRating`);
    const noPhone = await rate(phoneEvent.publicCode, { rating: 'satisfied' });
    expect(noPhone.statusCode).toBe(400);
    expect(noPhone.json().error).toMatchObject({ code: 'PHONE_REQUIRED', message: '请填写 11 位手机号' });
  });
});

describe('rating codes by SMS (评议码短信)', () => {
  type Attendee = { id: string; name: string; code: string; used: boolean; sms: { status: string; queuedAt: string } | null };
  let id: string;
  let publicCode: string;
  let wang: Attendee;
  let zhao: Attendee;
  const list = async () => (await staff.request('GET', `/api/reportbacks/${id}/attendees`)).json().items as Attendee[];
  const smsTo = (phone: string) =>
    t.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, phone)).orderBy(outboxMessages.createdAt);
  const resend = (attendeeId: string, who = staff) => who.request('POST', `/api/reportbacks/${id}/attendees/${attendeeId}/sms`);

  it('queues an SMS with the event, the rating link and the code for each attendee who gave a phone', async () => {
    const created = (
      await staff.request('POST', '/api/reportbacks', {
        ...event,
        heldOn: '2026-06-10',
        title: '向选民述职并接受评议',
        deputyId: zhangId,
        ratingMode: 'attendee',
      })
    ).json();
    id = created.id;
    publicCode = created.publicCode;
    const res = await staff.request('POST', `/api/reportbacks/${id}/attendees`, {
      attendees: [{ name: '王芳', phone: '13722224444' }, { name: '赵敏' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    [wang, zhao] = res.json().items as [Attendee, Attendee];
    expect(wang.sms).toMatchObject({ status: 'pending' });
    expect(zhao.sms).toBeNull();
    const [sms, ...more] = await smsTo('13722224444');
    expect(more).toEqual([]);
    const text = revealSecrets(sms!.body);
    expect(text).toContain('王芳您好');
    expect(text).toContain('张秀英代表“向选民述职并接受评议”');
    expect(text).toContain(`/m/reportback?code=${publicCode}`);
    expect(text).toContain(`您的评议码：${wang.code}`);
    expect(sms!.body).not.toContain(`：${wang.code}（`);
    expect((await list()).map((a) => a.sms?.status ?? null)).toEqual(['pending', null]);
  });

  it('hands the sender the code in clear, shows administrators the outbox with the code masked, and keeps it out of the trail', async () => {
    const sent: NewOutboxMessage[] = [];
    const sender = { name: 'capture', send: async (m: NewOutboxMessage) => (sent.push(m), { delivered: true }) };
    await new Notifier(t.database, sender).deliverPending();
    expect(sent.find((m) => m.recipient === '13722224444')?.body).toContain(`您的评议码：${wang.code}（仅可使用一次）`);
    expect((await list())[0]!.sms).toMatchObject({ status: 'sent' });

    const admin = await t.login('admin');
    const outbox = (await admin.request('GET', '/api/admin/outbox?pageSize=100')).json().items as { recipient: string; body: string }[];
    const shown = outbox.find((m) => m.recipient === '13722224444')!;
    expect(shown.body).toContain('您的评议码：********（仅可使用一次）');
    expect(shown.body).not.toContain(wang.code);
    const trail = JSON.stringify(
      (await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, id))).map((e) => [e.before, e.after]),
    );
    expect(trail).not.toContain(wang.code);
    expect(trail).not.toContain('13722224444');
  });

  it('resends a code to the phone of the first SMS, on staff’s request only', async () => {
    const again = await resend(wang.id);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ id: wang.id, sms: { status: 'pending' } });
    const messages = await smsTo('13722224444');
    expect(messages).toHaveLength(2);
    expect(revealSecrets(messages[1]!.body)).toContain(wang.code);
    const trail = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'resendCode')));
    expect(trail.map((e) => e.after)).toEqual([{ attendeeId: wang.id, name: '王芳', phone: '137****4444' }]);

    const noPhone = await resend(zhao.id);
    expect(noPhone.statusCode).toBe(400);
    expect(noPhone.json().error).toMatchObject({
      code: 'ATTENDEE_NO_PHONE',
      message: '登记时未留该选民的手机号，不能发送短信，请把签到表上的评议码交给本人',
    });
    expect((await resend('00000000-0000-7000-8000-000000000000')).statusCode).toBe(404);
    expect((await resend(wang.id, leader)).statusCode).toBe(403);
    expect((await resend(wang.id, xzstaff)).statusCode).toBe(404);
  });

  it('sends nothing for a used code or a closed event', async () => {
    await staff.request('POST', `/api/reportbacks/${id}/actions/openRating`);
    expect((await rate(publicCode, { attendeeCode: wang.code, rating: 'satisfied' })).statusCode).toBe(201);
    const used = await resend(wang.id);
    expect(used.statusCode).toBe(409);
    expect(used.json().error).toMatchObject({ code: 'ATTENDEE_CODE_USED', message: '该选民已用评议码评价，无需再发送' });
    const late = await staff.request('POST', `/api/reportbacks/${id}/attendees`, { attendees: [{ name: '钱伟', phone: '13722225555' }] });
    expect(late.json().items[0].sms).toMatchObject({ status: 'pending' });
    await staff.request('POST', `/api/reportbacks/${id}/actions/close`);
    const closed = await resend(late.json().items[0].id);
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error).toMatchObject({ code: 'REPORT_BACK_CLOSED', message: '本次述职评议已结束，不能再发送评议码' });
    expect(await smsTo('13722225555')).toHaveLength(1);
  });
});

describe('the list of report-backs: filters and export', () => {
  it('filters by date held and state, and exports what the filters select', async () => {
    const may = (await staff.request('GET', '/api/reportbacks?from=2026-05-20T00:00:00%2B08:00&to=2026-05-20')).json();
    expect(may.total).toBe(2);
    expect(may.items.every((r: { heldOn: string }) => r.heldOn === '2026-05-20')).toBe(true);
    const closed = (await staff.request('GET', '/api/reportbacks?from=2026-05-20&to=2026-05-20&state=closed')).json();
    expect(closed.items.map((r: { ratingMode: string }) => r.ratingMode)).toEqual(['attendee']);

    const res = await staff.request('GET', '/api/reportbacks/export.xlsx?from=2026-05-20&to=2026-05-20');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('回选区述职.xlsx'));
    const rows = await readSheet(res.rawPayload);
    expect(rows[0]).toEqual([
      '述职日期',
      '代表',
      '人大机关',
      '选区（选举单位）',
      '述职地点',
      '述职主题',
      '评议方式',
      '状态',
      '满意',
      '基本满意',
      '不满意',
      '满意率',
    ]);
    expect(rows).toHaveLength(3);
    expect(rows.find((r) => r[7] === '已结束')!.slice(8)).toEqual([1, 1, 1, '66.7%']);
    expect((await xzstaff.request('GET', '/api/reportbacks/export.xlsx?from=2026-05-20&to=2026-05-20')).statusCode).toBe(200);
    const other = await readSheet((await xzstaff.request('GET', '/api/reportbacks/export.xlsx?from=2026-05-20&to=2026-05-20')).rawPayload);
    expect(other).toHaveLength(1);
  });
});
