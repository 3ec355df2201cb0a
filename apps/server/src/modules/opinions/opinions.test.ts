import ExcelJS from 'exceljs';
import { and, count, eq, inArray } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, notifications, outboxMessages, users } from '../../db/schema.js';
import { actorByUserId } from '../../platform/auth.js';
import { clock } from '../../platform/clock.js';
import { dueDate } from '../../platform/deadlines.js';
import type { TestApp } from '../../test/app.js';
import { Batcher } from './batch.js';
import { scanDeadlines } from './deadline-scan.js';
import { markEscalated, opinionsOfSuggestion } from './index.js';
import { insertSubmissions, type SubmissionRows } from './intake-repository.js';
import { opinions } from './tables.js';
import { multipart } from '../../test/multipart.js';
import { samplePng } from '../../test/images.js';
import { makeStationAndDeputy, opinionByCode, opinionsTestApp, unitIdByName } from './test-fixtures.js';
import { newTrackingCode } from './tracking-code.js';

type Session = Awaited<ReturnType<TestApp['login']>>;
let t: TestApp;
let staff: Session;
let unit: Session;
let leader: Session;
let xzstaff: Session;
let qr: Awaited<ReturnType<typeof makeStationAndDeputy>>;
let xzQr: Awaited<ReturnType<typeof makeStationAndDeputy>>;
let housingUnitId: string;
let ipCounter = 0;

/** Each citizen in these tests comes from their own address unless a test says otherwise. */
function submit(payload: Record<string, unknown>, ip = `10.1.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`) {
  return t.app.inject({ method: 'POST', url: '/api/public/opinions', payload, remoteAddress: ip });
}

async function submitOk(extra: Record<string, unknown> = {}) {
  const res = await submit({
    station: qr.stationCode,
    category: 'transport',
    content: '南湖路与中山路交叉口红绿灯时间太短，老人过马路来不及。',
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  const code = res.json<{ trackingCode: string }>().trackingCode;
  const row = await opinionByCode(t.db, code);
  return { code, id: row!.id };
}

const track = async (code: string) => (await t.app.inject({ method: 'GET', url: `/api/public/opinions/${code}` })).json();
const act = (s: Session, id: string, body: Record<string, unknown>) =>
  s.request('POST', `/api/opinions/${id}/actions/${body.action}`, body);

beforeAll(async () => {
  ({ t, staff, unit, leader, xzstaff, cityQr: qr, xzQr, housingUnitId } = await opinionsTestApp());
});
afterAll(() => t.close());
beforeEach(() => clock.reset());

describe('the public form', () => {
  it('names the station and offers the built-in categories', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/public/opinions/form?station=${qr.stationCode}` });
    expect(res.statusCode).toBe(200);
    const form = res.json();
    expect(form).toMatchObject({ bodyName: '嘉兴市人大常委会', targetKind: 'station', targetName: '王江泾镇代表联络站' });
    // The reply period in force, for the receipt (the legal default unless the body set its own).
    expect(form.replyPeriod).toBe('15个工作日');
    expect(form.categories.map((c: { label: string }) => c.label)).toEqual([
      '城乡建设',
      '交通出行',
      '教育',
      '医疗卫生',
      '生态环境',
      '社会保障',
      '农业农村',
      '社会治理',
      '其他',
    ]);
  });

  it('opens from a deputy QR code too, and refuses an unknown code in Chinese', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/public/opinions/form?deputy=${qr.deputyCode}` });
    expect(res.json()).toMatchObject({ targetKind: 'deputy', targetName: '沈国强' });
    const bad = await t.app.inject({ method: 'GET', url: '/api/public/opinions/form?station=nosuchcode' });
    expect(bad.statusCode).toBe(404);
    expect(bad.json().error.message).toBe('二维码无效或已停用，请向联络站工作人员咨询');
  });

  it('uses a body’s own category dictionary for its stations, the inherited one elsewhere', async () => {
    const put = await xzstaff.request('PUT', '/api/opinions/categories', {
      bodyId: xzstaff.user.bodyId,
      items: [
        { code: 'river', label: '河道治理' },
        { code: 'other', label: '其他' },
      ],
    });
    expect(put.statusCode, put.body).toBe(200);
    const xz = (await t.app.inject({ method: 'GET', url: `/api/public/opinions/form?station=${xzQr.stationCode}` })).json();
    expect(xz.categories.map((c: { label: string }) => c.label)).toEqual(['河道治理', '其他']);
    const city = (await t.app.inject({ method: 'GET', url: `/api/public/opinions/form?station=${qr.stationCode}` })).json();
    expect(city.categories).toHaveLength(9);
    const refused = await submit({ station: xzQr.stationCode, category: 'transport', content: '秀洲区的交通问题反映一下' });
    expect(refused.json().error.message).toBe('请选择有效的意见类别');
    // Staff of the city may not rewrite a body outside their scope the other way round.
    const outside = await xzstaff.request('GET', `/api/opinions/categories?bodyId=${staff.user.bodyId}`);
    expect(outside.statusCode).toBe(404);
  });
});

describe('submitting', () => {
  it('answers 201 with a tracking code only after the opinion, its step and its audit event are stored', async () => {
    const res = await submit({
      station: qr.stationCode,
      category: 'environment',
      content: '东栅河段有生活污水直排，气味很大。',
      location: '东栅街道东栅河段',
      name: '王阿姨',
      phone: '13800000001',
      contactConsent: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    const { trackingCode } = res.json();
    expect(trackingCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){2}$/);
    const [row] = await t.db
      .select()
      .from(opinions)
      .where(eq(opinions.trackingCode, trackingCode.replaceAll('-', '')));
    expect(row).toMatchObject({ status: 'submitted', categoryLabel: '生态环境', citizenPhone: '13800000001', contactConsent: true });
    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'opinion'), eq(auditEvents.entityId, row!.id)));
    expect(audit?.action).toBe('submit');
    const sms = await t.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, '13800000001'));
    expect(sms.map((m) => m.body)).toEqual([`【嘉兴市人大常委会】您反映的意见（查询码 ${trackingCode}）已收到，我们会尽快受理。`]);
    // The receipt's QR code carries the tracking link, for a citizen at a shared tablet to take away.
    const qrPng = await t.app.inject({ method: 'GET', url: `/api/public/opinions/${trackingCode}/qr.png` });
    expect(qrPng.statusCode).toBe(200);
    expect(qrPng.headers['content-type']).toBe('image/png');
    expect(qrPng.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    expect((await t.app.inject({ method: 'GET', url: '/api/public/opinions/0000-0000-0000/qr.png' })).statusCode).toBe(404);
    const view = await track(trackingCode.toLowerCase());
    expect(view).toMatchObject({
      status: 'submitted',
      statusLabel: '已提交，等待受理',
      targetName: '王江泾镇代表联络站',
      reply: null,
      canRate: false,
    });
    expect(view.timeline.map((s: { label: string }) => s.label)).toEqual(['意见已提交']);
  });

  it('takes photos as multipart, checked by content, and shows them to staff', async () => {
    const { payload, headers } = await multipart(
      {
        deputy: qr.deputyCode,
        category: 'urban_construction',
        content: '小区门口道路坑洼积水，雨天出行不便。',
        contactConsent: 'on',
        phone: '13800000002',
      },
      [
        { name: 'photo', fileName: '积水.png', type: 'image/png', data: samplePng() },
        { name: 'photo', fileName: '积水2.png', type: 'image/png', data: samplePng() },
      ],
    );
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/public/opinions',
      payload,
      headers,
      remoteAddress: '10.9.0.1',
    });
    expect(res.statusCode, res.body).toBe(201);
    const [row] = await t.db
      .select()
      .from(opinions)
      .where(eq(opinions.trackingCode, res.json().trackingCode.replaceAll('-', '')));
    expect(row).toMatchObject({ channel: 'qr_deputy', deputyId: qr.deputyId, contactConsent: true });
    const photos = await staff.request('GET', `/api/attachments?ownerEntity=opinion&ownerId=${row!.id}`);
    expect(photos.json().items.map((p: { mimeType: string; fileName: string }) => [p.fileName, p.mimeType])).toEqual([
      ['积水.png', 'image/png'],
      ['积水2.png', 'image/png'],
    ]);
    const detail = (await staff.request('GET', `/api/opinions/${row!.id}`)).json();
    expect(detail.photoCount).toBe(2);
  });

  it.each([
    ['text too short', { content: '太短' }, 400, '意见内容至少 5 个字'],
    ['text too long', { content: '长'.repeat(2001) }, 400, '意见内容最多 2000 个字'],
    ['no category', { category: undefined }, 400, '请选择意见类别'],
    ['bad phone', { phone: '12345' }, 400, '手机号应为 11 位数字'],
    ['consent without phone', { contactConsent: true }, 400, '同意联系时请留下手机号'],
    ['no QR code', { station: undefined }, 400, '请通过联络站或代表的二维码进入'],
  ])('refuses %s in Chinese and stores nothing', async (_case, change, status, message) => {
    const [before] = await t.db.select({ n: count() }).from(opinions);
    const res = await submit({ station: qr.stationCode, category: 'transport', content: '公交站台没有遮雨棚，等车淋雨。', ...change });
    expect(res.statusCode).toBe(status);
    expect(res.json().error.message).toBe(message);
    const [after] = await t.db.select({ n: count() }).from(opinions);
    expect(after!.n).toBe(before!.n);
  });

  it('refuses a file that is not a picture, whatever its name, and an oversized or fourth photo', async () => {
    const fields = { station: qr.stationCode, category: 'other', content: '这是一条带附件的意见。' };
    const fake = await multipart(fields, [
      { name: 'photo', fileName: 'photo.jpg', type: 'image/jpeg', data: Buffer.from('MZ not a picture at all') },
    ]);
    const r1 = await t.app.inject({ method: 'POST', url: '/api/public/opinions', ...fake });
    expect(r1.statusCode).toBe(415);
    expect(r1.json().error.message).toBe('照片格式不支持，请上传 JPG、PNG、WEBP 或 HEIC 图片');
    const big = await multipart(fields, [
      { name: 'photo', fileName: 'big.png', type: 'image/png', data: Buffer.concat([samplePng(), Buffer.alloc(5 * 1024 * 1024)]) },
    ]);
    const r2 = await t.app.inject({ method: 'POST', url: '/api/public/opinions', ...big });
    expect(r2.statusCode).toBe(413);
    expect(r2.json().error.message).toBe('每张照片不能超过 5 MB');
    const four = await multipart(
      fields,
      Array.from({ length: 4 }, (_, i) => ({ name: 'photo', fileName: `${i}.png`, type: 'image/png', data: samplePng() })),
    );
    const r3 = await t.app.inject({ method: 'POST', url: '/api/public/opinions', ...four });
    expect(r3.statusCode).toBe(413);
    expect(r3.json().error.message).toBe('最多上传 3 张照片');
  });

  it('limits one phone number to a few submissions an hour', async () => {
    const phone = '13900000009';
    for (let i = 0; i < 5; i++)
      expect((await submit({ station: qr.stationCode, category: 'other', content: `第${i + 1}个不同的问题反映`, phone })).statusCode).toBe(
        201,
      );
    const sixth = await submit({ station: qr.stationCode, category: 'other', content: '第六个问题反映', phone });
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().error.message).toBe('该手机号一小时内提交次数较多，请稍后再提交；紧急情况请直接联系联络站');
    clock.advance(61 * 60_000);
    expect((await submit({ station: qr.stationCode, category: 'other', content: '一小时后再反映一个问题', phone })).statusCode).toBe(201);
  });

  it('counts one phone’s submissions sent at the same moment against each other', async () => {
    const phone = '13900000010';
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        submit({ station: qr.stationCode, category: 'other', content: `同一时刻第${i + 1}个问题反映`, phone }),
      ),
    );
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429, 429]);
    // Every accepted one has its first step, its audit event and its SMS; the refused left nothing.
    const stored = await t.db.select().from(opinions).where(eq(opinions.citizenPhone, phone));
    expect(stored).toHaveLength(5);
    for (const o of stored) {
      const audit = await t.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.entity, 'opinion'), eq(auditEvents.entityId, o.id)));
      expect(audit.map((a) => a.action)).toEqual(['submit']);
      expect((await track(o.trackingCode)).timeline.map((s: { label: string }) => s.label)).toEqual(['意见已提交']);
    }
    const sms = await t.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, phone));
    expect(sms).toHaveLength(5);
  });

  it('stores the other submissions of a batch when one of them fails', async () => {
    const row = (i: number, bodyId: string) => {
      const id = uuidv7();
      const at = clock.now();
      return {
        opinion: {
          id,
          bodyId,
          trackingCode: newTrackingCode(),
          channel: 'qr_station',
          categoryCode: 'other',
          categoryLabel: '其他',
          content: `批量写入第${i}条`,
          status: 'submitted',
          createdAt: at,
          updatedAt: at,
        },
        event: { opinionId: id, at, action: 'submit', toStatus: 'submitted', actorName: '群众', public: true },
        audit: { at, entity: 'opinion', entityId: id, bodyId, action: 'submit' },
        sms: null,
      };
    };
    const writes = new Batcher((rows: SubmissionRows[]) => insertSubmissions(t.db, rows, { perHour: 5, perDay: 20 }), {
      maxBatch: 10,
      maxInFlight: 1,
    });
    const rows = [row(1, staff.user.bodyId), row(2, uuidv7()), row(3, staff.user.bodyId)]; // the second names no body
    const results = await Promise.allSettled(rows.map((r) => writes.submit(r)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const stored = await t.db
      .select({ content: opinions.content })
      .from(opinions)
      .where(
        inArray(
          opinions.id,
          rows.map((r) => r.opinion.id),
        ),
      );
    expect(stored.map((s) => s.content).sort()).toEqual(['批量写入第1条', '批量写入第3条']);
  });

  it('limits a flood from one address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++)
      statuses.push(
        (await submit({ station: qr.stationCode, category: 'other', content: `灌水测试第${i}条内容` }, '10.200.0.1')).statusCode,
      );
    expect(statuses.slice(0, 30).every((s) => s === 201)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
    const res = await submit({ station: qr.stationCode, category: 'other', content: '灌水测试再一条' }, '10.200.0.1');
    expect(res.json().error.message).toBe('操作过于频繁，请稍后再试');
  });

  it('returns the first code when a phone on a slow network sends the same submission again', async () => {
    const body = { station: qr.stationCode, category: 'education', content: '学校门口放学时段拥堵。', clientToken: 'Zq3k9v-PZ1a8xY2mQ7w' };
    const first = await submit(body);
    const again = await submit(body);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.json().trackingCode).toBe(first.json().trackingCode);
    const rows = await t.db.select().from(opinions).where(eq(opinions.clientToken, body.clientToken));
    expect(rows).toHaveLength(1);
  });

  it('gives the same code to a retry that races the first submission, and stores one opinion', async () => {
    const body = {
      station: qr.stationCode,
      category: 'education',
      content: '校门口缺少减速带，车速很快。',
      clientToken: 'Race-Token-000000000001',
    };
    const [a, b] = await Promise.all([submit(body, '10.77.0.1'), submit(body, '10.77.0.1')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json().trackingCode).toBe(b.json().trackingCode);
    expect(await t.db.select().from(opinions).where(eq(opinions.clientToken, body.clientToken))).toHaveLength(1);
  });

  it('answers an unknown or malformed tracking code with a plain message', async () => {
    for (const code of ['0000-0000-0000', '0000-0000-0000-0000', 'abc', '%27%3B--']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/public/opinions/${code}` });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.message).toBe('查询码不存在，请核对后重新输入');
    }
  });
});

describe('from triage to the citizen’s rating', () => {
  it('runs accept → route → sign → reply → review → rating, with 不满意 reopening review', async () => {
    clock.set(new Date('2026-03-02T02:00:00Z')); // Monday 10:00 in China
    const { code, id } = await submitOk({ phone: '13800000021' });

    expect((await act(staff, id, { action: 'accept' })).json().status).toBe('accepted');
    // Before routing, staff see the due date routing will set; the unit may not ask.
    const preview = await staff.request('GET', `/api/opinions/${id}/route-deadline`);
    expect(preview.json()).toEqual({ dueAt: '2026-03-23T15:59:59.999Z', dueDate: '2026-03-23', rule: '15个工作日' });
    expect((await unit.request('GET', `/api/opinions/${id}/route-deadline`)).statusCode).toBe(403);
    const routed = await act(staff, id, {
      action: 'route',
      handlingUnitId: housingUnitId,
      routeKind: 'petition_referral',
      note: '请核实信号灯配时',
    });
    expect(routed.statusCode, routed.body).toBe(200);
    // Fifteen working days after Monday 2 March 2026 is Monday 23 March.
    expect(dueDate(new Date('2026-03-02T02:00:00Z'), { amount: 15, unit: 'working_days' })).toBe('2026-03-23');
    expect(routed.json()).toMatchObject({ status: 'routed', handlingUnitName: '嘉兴市住房和城乡建设局', routeKind: 'petition_referral' });
    expect(routed.json().dueAt).toBe('2026-03-23T15:59:59.999Z');
    expect((await track(code)).dueDate).toBe('2026-03-23');

    // The unit was told and now sees it among its items, with the buttons the table allows.
    const [unitUser] = await t.db.select().from(users).where(eq(users.username, 'unit'));
    const told = await t.db.select().from(notifications).where(eq(notifications.userId, unitUser!.id));
    expect(told.some((n) => n.title === '新的转办群众意见')).toBe(true);
    const assigned = (await unit.request('GET', '/api/opinions/assigned')).json();
    expect(assigned.items.map((i: { id: string }) => i.id)).toContain(id);
    expect((await unit.request('GET', `/api/opinions/${id}`)).json().actions).toEqual(['signFor', 'return']);

    expect((await act(unit, id, { action: 'signFor' })).json().status).toBe('signed_for');
    const replied = await act(unit, id, { action: 'reply', text: '已会同交警部门调整该路口行人绿灯时长至35秒。' });
    expect(replied.json().status).toBe('replied');
    // Not reviewed yet: the citizen sees no reply.
    expect(await track(code)).toMatchObject({ statusLabel: '承办单位办理中', reply: null, canRate: false });
    expect((await staff.request('GET', `/api/opinions/${id}`)).json().actions).toEqual(['approveReply', 'rejectReply']);

    expect((await act(staff, id, { action: 'approveReply' })).json().status).toBe('reply_approved');
    const view = await track(code);
    expect(view).toMatchObject({
      status: 'reply_approved',
      canRate: true,
      reply: { text: '已会同交警部门调整该路口行人绿灯时长至35秒。', unitName: '嘉兴市住房和城乡建设局' },
    });

    const rated = await t.app.inject({
      method: 'POST',
      url: `/api/public/opinions/${code}/rating`,
      payload: { rating: 'dissatisfied', comment: '晚高峰还是不够' },
    });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json()).toMatchObject({ status: 'dissatisfied', canRate: false, rating: { label: '不满意', comment: '晚高峰还是不够' } });
    const again = await t.app.inject({ method: 'POST', url: `/api/public/opinions/${code}/rating`, payload: { rating: 'satisfied' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('您已评价过，感谢您的反馈');

    // Back to review: staff re-route it; the second round ends satisfied and closed.
    expect((await staff.request('GET', `/api/opinions/${id}`)).json().actions).toEqual(['route', 'close']);
    await act(staff, id, { action: 'route', handlingUnitId: housingUnitId, routeKind: 'special_assignment' });
    await act(unit, id, { action: 'signFor' });
    await act(unit, id, { action: 'reply', text: '晚高峰时段已增设协管员并再延长绿灯10秒。' });
    await act(staff, id, { action: 'approveReply' });
    const ok = await t.app.inject({ method: 'POST', url: `/api/public/opinions/${code}/rating`, payload: { rating: 'satisfied' } });
    expect(ok.json()).toMatchObject({ status: 'rated', rating: { label: '满意' } });
    expect((await act(staff, id, { action: 'close' })).json().status).toBe('closed');

    const final = await track(code);
    expect(final.statusLabel).toBe('已办结');
    expect(final.timeline.map((s: { label: string }) => s.label)).toEqual([
      '意见已提交',
      '已受理',
      '已转交承办单位办理',
      '承办单位已签收，正在办理',
      '已答复',
      '您评价不满意，已转回复核',
      '已转交承办单位办理',
      '承办单位已签收，正在办理',
      '已答复',
      '您已评价',
      '已办结',
    ]);
    // Internal notes never reach the citizen.
    expect(JSON.stringify(final)).not.toContain('请核实信号灯配时');
    const sms = await t.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, '13800000021'));
    expect(sms.length).toBe(1 + 1 + 2 + 2 + 1); // received, accepted, routed ×2, reply ×2, closed
  });

  it('refuses actions the table does not allow, with the state in the message', async () => {
    const { id } = await submitOk();
    const res = await act(staff, id, { action: 'approveReply' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'OPINION_ACTION_NOT_ALLOWED', message: '当前状态（待受理）不能执行此操作' });
    expect((await act(unit, id, { action: 'signFor' })).statusCode).toBe(404); // not routed to the unit: invisible
    expect((await act(leader, id, { action: 'accept' })).statusCode).toBe(403);
  });

  it('shows the reason of a decline to the citizen', async () => {
    const { code, id } = await submitOk();
    const res = await act(staff, id, { action: 'decline', reason: '该事项属于司法诉讼程序，请通过法院依法处理' });
    expect(res.json().status).toBe('declined');
    expect(await track(code)).toMatchObject({ statusLabel: '不予受理', declineReason: '该事项属于司法诉讼程序，请通过法院依法处理' });
    const noReason = await act(staff, (await submitOk()).id, { action: 'decline', reason: '' });
    expect(noReason.statusCode).toBe(400);
  });

  it('lets the unit return an item with a reason, and staff route it elsewhere', async () => {
    const { id } = await submitOk();
    await act(staff, id, { action: 'accept' });
    await act(staff, id, { action: 'route', handlingUnitId: housingUnitId, routeKind: 'meeting_reminder' });
    const returned = await act(unit, id, { action: 'return', reason: '信号灯配时属于公安交警职责' });
    expect(returned.json()).toMatchObject({ status: 'returned', returnReason: '信号灯配时属于公安交警职责' });
    const police = await unitIdByName(t.db, '嘉兴市公安局');
    const rerouted = await act(staff, id, { action: 'route', handlingUnitId: police, routeKind: 'petition_referral' });
    expect(rerouted.json()).toMatchObject({ status: 'routed', handlingUnitName: '嘉兴市公安局', returnReason: null });
    expect((await unit.request('GET', `/api/opinions/${id}`)).statusCode).toBe(404);
  });

  it('merges a duplicate: its citizen follows the reply of the one it joined', async () => {
    const main = await submitOk();
    const dup = await submitOk();
    await act(staff, main.id, { action: 'accept' });
    expect((await act(staff, dup.id, { action: 'merge', intoId: dup.id })).json().error.message).toBe('不能把意见合并到它自己');
    expect((await act(staff, dup.id, { action: 'merge', intoId: main.id })).json().status).toBe('merged');
    await act(staff, main.id, { action: 'answer', text: '已在联络站当场协调解决，信号灯已调整。' });
    await act(staff, main.id, { action: 'approveReply' });
    const view = await track(dup.code);
    expect(view).toMatchObject({
      statusLabel: '已与相同问题合并办理',
      canRate: false,
      reply: { text: '已在联络站当场协调解决，信号灯已调整。' },
    });
  });

  it('lets staff attach a deputy who takes the opinion up', async () => {
    const { id } = await submitOk();
    await act(staff, id, { action: 'accept' });
    const res = await act(staff, id, { action: 'attachDeputy', deputyId: qr.deputyId });
    expect(res.json()).toMatchObject({ status: 'accepted', takenByDeputyName: '沈国强' });
    const inbox = (await staff.request('GET', `/api/opinions?deputyId=${qr.deputyId}&pageSize=200`)).json();
    expect(inbox.items.map((i: { id: string }) => i.id)).toContain(id);
  });
});

describe('the inbox', () => {
  it('filters by status, category and station, and keeps each body to its own scope', async () => {
    const { id } = await submitOk({ category: 'health' });
    const health = (await staff.request('GET', '/api/opinions?category=health&status=submitted&pageSize=200')).json();
    expect(health.items.map((i: { id: string }) => i.id)).toContain(id);
    expect(
      health.items.every((i: { categoryLabel: string; status: string }) => i.categoryLabel === '医疗卫生' && i.status === 'submitted'),
    ).toBe(true);
    expect(health.totalIsLowerBound).toBe(false);
    const byStation = (await staff.request('GET', `/api/opinions?stationId=${qr.stationId}&pageSize=1`)).json();
    expect(byStation.items[0]).toMatchObject({ stationName: '王江泾镇代表联络站' });
    expect(byStation.total).toBeGreaterThan(1);
    // 秀洲区 staff see none of the city's opinions.
    const xz = (await xzstaff.request('GET', `/api/opinions?stationId=${qr.stationId}`)).json();
    expect(xz.total).toBe(0);
    expect((await xzstaff.request('GET', `/api/opinions/${id}`)).statusCode).toBe(404);
    // Leaders read everything of their body.
    expect((await leader.request('GET', `/api/opinions/${id}`)).json().actions).toEqual([]);
  });

  it('counts the filtered inbox by status for the list page’s chart, in the scope of the list', async () => {
    const station = `stationId=${qr.stationId}`;
    type Counts = { items: { status: string; count: number }[] };
    const counts = async (s: Session, query: string) => ((await s.request('GET', `/api/opinions/counts?${query}`)).json() as Counts).items;
    const total = async (s: Session, query: string) => (await s.request('GET', `/api/opinions?${query}&pageSize=1`)).json().total as number;
    const before = await counts(staff, station);
    expect(before.length).toBeGreaterThan(0);
    // Each bar is what the list shows with that status added to its filters.
    for (const { status, count } of before) expect(count).toBe(await total(staff, `${station}&status=${status}`));
    expect(before.reduce((n, c) => n + c.count, 0)).toBe(await total(staff, station));
    await submitOk();
    const submitted = (items: Counts['items']) => items.find((c) => c.status === 'submitted')?.count ?? 0;
    expect(submitted(await counts(staff, station))).toBe(submitted(before) + 1);
    expect(await counts(staff, `${station}&category=health&status=declined&q=${encodeURIComponent('不存在的内容')}`)).toEqual([]);
    // 秀洲区 staff count none of the city's opinions; a unit counts what is routed to it, as its list shows.
    expect(await counts(xzstaff, station)).toEqual([]);
    const unitCounts = await counts(unit, '');
    expect(unitCounts.reduce((n, c) => n + c.count, 0)).toBe(await total(unit, ''));
    expect(unitCounts.map((c) => c.status)).not.toContain('submitted');
  });

  it('finds an opinion by its tracking code as the citizen reads it out', async () => {
    const { code, id } = await submitOk();
    const found = (await staff.request('GET', `/api/opinions?q=${code.toLowerCase()}`)).json();
    expect(found.items.map((i: { id: string }) => i.id)).toEqual([id]);
  });

  it('accepts in bulk and says which items could not be accepted', async () => {
    const a = await submitOk();
    const b = await submitOk();
    await act(staff, b.id, { action: 'decline', reason: '重复提交' });
    const res = await staff.request('POST', '/api/opinions/bulk-accept', { ids: [a.id, b.id] });
    expect(res.json()).toEqual({
      done: [a.id],
      failed: [{ id: b.id, code: 'OPINION_ACTION_NOT_ALLOWED', message: '当前状态（不予受理）不能执行此操作' }],
    });
  });

  it('exports the filtered list to Excel with Chinese headers', async () => {
    const res = await staff.request('GET', '/api/opinions/export?category=health');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('群众意见')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('查询码');
    expect(sheet.getRow(2).getCell(4).value).toBe('医疗卫生');
  });
});

describe('deadlines', () => {
  it('reminds the unit before the due date, then marks it overdue and tells staff and leaders', async () => {
    clock.set(new Date('2026-03-02T02:00:00Z'));
    const { id } = await submitOk();
    await act(staff, id, { action: 'accept' });
    await act(staff, id, { action: 'route', handlingUnitId: housingUnitId, routeKind: 'special_assignment' });
    expect(await scanDeadlines(t.db, t.deps.notifier)).toEqual({ reminded: 0, overdue: 0 });

    clock.set(new Date('2026-03-18T02:00:00Z')); // Wednesday: three working days before 23 March
    const first = await scanDeadlines(t.db, t.deps.notifier);
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    expect((await scanDeadlines(t.db, t.deps.notifier)).reminded).toBe(0);

    clock.set(new Date('2026-03-24T01:00:00Z'));
    expect((await staff.request('GET', '/api/opinions?overdue=true&pageSize=200')).json().items.map((i: { id: string }) => i.id)).toContain(
      id,
    );
    const scan = await scanDeadlines(t.db, t.deps.notifier);
    expect(scan.overdue).toBeGreaterThanOrEqual(1);
    const [leaderUser] = await t.db.select().from(users).where(eq(users.username, 'leader'));
    const told = await t.db.select().from(notifications).where(eq(notifications.userId, leaderUser!.id));
    expect(told.some((n) => n.title === '群众意见逾期督办')).toBe(true);
    const detail = (await staff.request('GET', `/api/opinions/${id}`)).json();
    expect(detail.overdue).toBe(true);
    expect(detail.timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'accept', 'route', 'remind', 'overdue']);
    expect((await scanDeadlines(t.db, t.deps.notifier)).overdue).toBe(0);
  });
});

describe('escalation into a suggestion (for module 4)', () => {
  it('links opinions to a suggestion and refuses declined ones', async () => {
    const a = await submitOk();
    const b = await submitOk();
    await act(staff, a.id, { action: 'accept' });
    const suggestionId = '0190f5a0-0000-7000-8000-000000000001';
    const actor = (await actorByUserId(t.db, staff.user.id))!;
    const linked = await t.db.transaction((tx) => markEscalated(tx, { actor, requestId: 't', ip: null }, [a.id], suggestionId));
    expect(linked.map((l) => l.id)).toEqual([a.id]);
    expect((await opinionsOfSuggestion(t.db, { actor, requestId: 't', ip: null }, suggestionId)).map((l) => l.id)).toEqual([a.id]);
    expect((await track(a.code)).timeline.at(-1).label).toBe('已由人大代表转为代表建议');

    await act(staff, b.id, { action: 'decline', reason: '不属于人大职责范围' });
    await expect(t.db.transaction((tx) => markEscalated(tx, { actor, requestId: 't', ip: null }, [b.id], suggestionId))).rejects.toThrow(
      '不能转为建议',
    );
    const xzActor = (await actorByUserId(t.db, xzstaff.user.id))!;
    await expect(
      t.db.transaction((tx) => markEscalated(tx, { actor: xzActor, requestId: 't', ip: null }, [a.id], suggestionId)),
    ).rejects.toThrow('不存在或无权查看');
  });
});

describe("a deputy's seven ones (for module 1)", () => {
  it('count the opinions the deputy received and those the citizen rated as solved, not merged duplicates', async () => {
    const own = await makeStationAndDeputy(t.db, staff.user.bodyId, '（七个一）');
    const year = clock.now().getFullYear();
    const sevenOnes = async () => {
      const res = await staff.request('GET', `/api/deputies/${own.deputyId}/performance?from=${year}-01-01&to=${year}-12-31`);
      expect(res.statusCode, res.body).toBe(200);
      const items = res.json().sevenOnes.items as { key: string; count: number | null }[];
      return Object.fromEntries(items.map((i) => [i.key, i.count]));
    };
    expect(await sevenOnes()).toMatchObject({ collectOpinions: 0, solveProblem: 0 });

    const viaCode = [
      await submitOk({ station: undefined, deputy: own.deputyCode }),
      await submitOk({ station: undefined, deputy: own.deputyCode }),
    ];
    const duplicate = await submitOk({ station: undefined, deputy: own.deputyCode });
    await t.db.update(opinions).set({ status: 'merged', mergedIntoId: viaCode[0]!.id }).where(eq(opinions.id, duplicate.id));
    // The citizen found the answer satisfying: the problem counts as solved.
    await t.db.update(opinions).set({ status: 'rated', rating: 'basically_satisfied' }).where(eq(opinions.id, viaCode[0]!.id));
    expect(await sevenOnes()).toMatchObject({ collectOpinions: 2, solveProblem: 1 });

    await t.db.update(opinions).set({ rating: 'dissatisfied' }).where(eq(opinions.id, viaCode[0]!.id));
    expect(await sevenOnes()).toMatchObject({ collectOpinions: 2, solveProblem: 0 });
    // Another period sees none of them.
    const lastYear = await staff.request('GET', `/api/deputies/${own.deputyId}/performance?from=${year - 1}-01-01&to=${year - 1}-12-31`);
    expect(lastYear.json().sevenOnes.items.find((i: { key: string }) => i.key === 'collectOpinions').count).toBe(0);
  });
});

describe('the opinions a deputy received (意见转建议, for module 4)', () => {
  it('lists them for the deputy without the citizen’s data, and shows the suggestion they became', async () => {
    const deputy = await t.login('deputy');
    const me = (await deputy.request('GET', '/api/me/deputy')).json();
    const content = '村口桥梁护栏锈蚀松动，学生上下学经过存在安全隐患。';
    const sent = await submit({ deputy: me.publicCode, category: 'transport', content, phone: '13900001234', name: '李阿姨' });
    expect(sent.statusCode, sent.body).toBe(201);

    const list = await deputy.request('GET', '/api/me/opinions?pageSize=5');
    expect(list.statusCode, list.body).toBe(200);
    const first = list.json().items[0];
    expect(first).toMatchObject({ content, channel: 'qr_deputy', status: 'submitted', suggestionId: null });
    expect(JSON.stringify(first)).not.toContain('13900001234');
    expect(JSON.stringify(first)).not.toContain('李阿姨');
    expect((await staff.request('GET', '/api/me/opinions')).statusCode).toBe(403);

    const draft = await deputy.request('POST', '/api/suggestions', {
      kind: 'suggestion',
      period: 'between_sessions',
      sessionId: null,
      title: '关于加快农村危桥改造的建议',
      content: `群众反映：${content}建议对全市农村桥梁开展安全排查，分批改造。`,
      field: 'urban',
      cosignerIds: [],
      opinionIds: [first.id],
    });
    expect(draft.statusCode, draft.body).toBe(201);
    expect((await deputy.request('POST', `/api/suggestions/${draft.json().id}/actions/submit`, {})).statusCode).toBe(200);
    const after = (await deputy.request('GET', '/api/me/opinions?pageSize=5')).json().items[0];
    expect(after).toMatchObject({ id: first.id, suggestionId: draft.json().id });
  });
});
