import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, bodies, deputies, notifications, outboxMessages } from '../../db/schema.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { opinions } from '../opinions/tables.js';
import { clock } from '../../platform/clock.js';
import { chinaDate } from '../../platform/deadlines.js';
import { receptionSessions, stationRota, stations } from './tables.js';
import { remindRota } from './rota-service.js';
import { allowedActions, findTransition, transitions } from './workflow.js';

let t: TestApp;
let staff: Awaited<ReturnType<TestApp['login']>>;
let xiuzhouId: string;
beforeAll(async () => {
  t = await buildTestApp();
  staff = await t.login('staff');
  xiuzhouId = (await t.db.query.bodies.findFirst({ where: eq(bodies.regionCode, '330411') }))!.id;
});
afterAll(() => t.close());

// China calendar dates, as the platform counts them: after 16:00 UTC it is already tomorrow in China.
const day = (offset: number) => chinaDate(new Date(Date.now() + offset * 86_400_000));

describe('reception workflow table', () => {
  it.each(transitions.flatMap((tr) => tr.roles.map((r) => [tr.from, tr.action, r, tr.to] as const)))(
    '%s --%s (%s)--> %s',
    (from, action, role, to) => {
      expect(findTransition(from, action, role)?.to).toBe(to);
    },
  );
  it('nothing happens to a closed reception, and leaders only watch', () => {
    expect(allowedActions('closed', 'staff')).toEqual([]);
    expect(allowedActions('open', 'leader')).toEqual([]);
    expect(allowedActions('open', 'deputy')).toEqual(['signIn']);
  });
});

describe('stations', () => {
  it('registers a station with a kind of place and refuses bad input', async () => {
    const bad = await staff.request('POST', '/api/stations', { bodyId: xiuzhouId, kind: 'pub', name: '某' });
    expect(bad.statusCode).toBe(400);
    const ok = await staff.request('POST', '/api/stations', {
      bodyId: xiuzhouId,
      kind: 'liaison_station',
      name: '油车港镇人大代表联络站',
      regionCode: '330411103',
      address: '嘉兴市秀洲区油车港镇正阳路66号',
      placeKind: 'township',
      openingHours: '每周四 9:00—11:30',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ regionName: '油车港镇', bodyName: '秀洲区人大常委会', active: true });
    const list = await staff.request('GET', `/api/stations?q=${encodeURIComponent('油车港')}`);
    expect(list.json().total).toBe(1);
  });

  it('QR code PNG and A4 poster point at the public opinion page', async () => {
    const s = (await staff.request('GET', '/api/stations?pageSize=1')).json().items[0];
    const png = await staff.request('GET', `/api/stations/${s.id}/qr.png`);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    const poster = await staff.request('GET', `/api/stations/${s.id}/poster`);
    expect(poster.body).toContain(s.name);
    expect(poster.body).toContain('扫码反映意见建议');
    expect(poster.body).toContain('size: A4');
  });

  it('runs the 四定 rota: past days refused, reminders sent once the day before', async () => {
    const s = (await staff.request('GET', `/api/stations?bodyId=${xiuzhouId}&q=${encodeURIComponent('王江泾')}`)).json().items[0];
    const deputy = (await staff.request('GET', `/api/deputies?q=${encodeURIComponent('张秀英')}`)).json().items[0];
    const past = await staff.request('POST', `/api/stations/${s.id}/rota`, {
      day: day(-3),
      startTime: '09:00',
      endTime: '11:00',
      topic: '垃圾分类',
      responsibleName: '朱晓峰',
      deputyIds: [deputy.id],
    });
    expect(past.json().error.code).toBe('ROTA_DAY_PAST');
    const backwards = await staff.request('POST', `/api/stations/${s.id}/rota`, {
      day: day(1),
      startTime: '11:00',
      endTime: '09:00',
      topic: '垃圾分类',
      responsibleName: '朱晓峰',
      deputyIds: [deputy.id],
    });
    expect(backwards.json().error.message).toContain('结束时间须晚于开始时间');
    const ok = await staff.request('POST', `/api/stations/${s.id}/rota`, {
      day: day(1),
      startTime: '14:00',
      endTime: '16:30',
      topic: '垃圾分类',
      responsibleName: '朱晓峰',
      responsiblePhone: '13957300001',
      deputyIds: [deputy.id],
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().deputies).toEqual([{ id: deputy.id, name: '张秀英' }]);
    // A second entry whose hours overlap the first is refused; one that follows it is taken.
    const entry = { day: day(1), topic: '养老服务', responsibleName: '朱晓峰', responsiblePhone: '13957300001', deputyIds: [deputy.id] };
    const overlap = await staff.request('POST', `/api/stations/${s.id}/rota`, { ...entry, startTime: '16:00', endTime: '17:30' });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().error).toMatchObject({
      code: 'ROTA_OVERLAP',
      message: `该站 ${day(1)} 已有排班 14:00—16:30“垃圾分类”，时间不能重叠`,
    });
    const after = await staff.request('POST', `/api/stations/${s.id}/rota`, { ...entry, startTime: '16:30', endTime: '17:30' });
    expect(after.statusCode, after.body).toBe(201);
    const sent = await remindRota(t.db, t.deps.notifier);
    expect(sent).toBeGreaterThanOrEqual(1);
    expect(await remindRota(t.db, t.deps.notifier)).toBe(0);
    const me = await t.login('deputy');
    const note = await t.db.query.notifications.findFirst({
      where: and(eq(notifications.userId, me.user.id), eq(notifications.title, '进站接待提醒')),
    });
    expect(note?.body).toContain('垃圾分类');
    const sms = await t.db.select().from(outboxMessages).where(eq(outboxMessages.channel, 'sms'));
    expect(sms.some((m) => m.body.includes('张秀英代表') && m.body.includes(s.name))).toBe(true);
    const rota = await staff.request('GET', `/api/stations/${s.id}/rota?from=${day(0)}&to=${day(40)}`);
    expect(rota.json().items.find((r: { id: string }) => r.id === ok.json().id).remindedAt).not.toBeNull();
  });

  it('shows the public the hours and the deputies receiving today, else on the next rota day, by name only', async () => {
    const s = (await staff.request('GET', `/api/stations?bodyId=${xiuzhouId}&q=${encodeURIComponent('王江泾')}`)).json().items[0];
    const { publicCode, openingHours } = (await staff.request('GET', `/api/stations/${s.id}`)).json();
    type RotaDay = { day: string; startTime: string; topic: string; deputies: { name: string }[] };
    const rota = (await staff.request('GET', `/api/stations/${s.id}/rota?from=${day(0)}&to=${day(14)}`)).json().items as RotaDay[];
    // The rota test above put two entries on tomorrow, so there is a day to show.
    const shownDay = rota.some((r) => r.day === day(0)) ? day(0) : rota.map((r) => r.day).sort()[0];
    const res = await t.app.inject({ method: 'GET', url: `/api/public/stations/${publicCode}` });
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    expect(view.openingHours).toBe(openingHours);
    const expected = rota
      .filter((r) => r.day === shownDay)
      .sort((a, b) => a.startTime.localeCompare(b.startTime))
      .map((r) => ({ day: r.day, today: r.day === day(0), topic: r.topic, deputies: r.deputies.map((d) => d.name) }));
    expect(
      view.receptions.map(({ day, today, topic, deputies }: RotaDay & { today: boolean; deputies: string[] }) => ({
        day,
        today,
        topic,
        deputies,
      })),
    ).toEqual(expected);
    expect(view.receptions.length).toBeGreaterThan(0);
    // The person responsible's phone is for staff: the public page has none.
    expect(res.body).not.toContain('13957300001');
  });

  it('holds a reception: sign-in, concerns, close writes every signed-in deputy a duty record', async () => {
    const s = (await staff.request('GET', `/api/stations?q=${encodeURIComponent('王江泾')}`)).json().items[0];
    const before = (await staff.request('GET', `/api/stations/figures?stationId=${s.id}&from=2000-01-01&to=${day(0)}`)).json();
    const session = await staff.request('POST', `/api/stations/${s.id}/sessions`, {
      heldOn: day(0),
      topic: '老旧小区改造',
      responsibleName: '朱晓峰',
      committee: '城乡建设环境保护工作委员会',
    });
    expect(session.statusCode).toBe(201);
    const id = session.json().id;
    expect(session.json().allowedActions).toEqual(['signIn', 'addConcern', 'close']);
    const noDeputy = await staff.request('POST', `/api/reception-sessions/${id}/actions/close`, { votersReceived: 3 });
    expect(noDeputy.json().error.message).toBe('还没有代表签到，不能结束接待');
    const deputy = await t.login('deputy');
    const self = await deputy.request('POST', `/api/reception-sessions/${id}/actions/signIn`, {});
    expect(self.statusCode).toBe(200);
    expect(self.json().signedIn.map((d: { name: string }) => d.name)).toEqual(['张秀英']);
    const twice = await deputy.request('POST', `/api/reception-sessions/${id}/actions/signIn`, {});
    expect(twice.statusCode).toBe(409);
    const other = (await staff.request('GET', `/api/deputies?bodyId=${xiuzhouId}&status=in_office&pageSize=1`)).json().items[0];
    await staff.request('POST', `/api/reception-sessions/${id}/actions/signIn`, { deputyId: other.id });
    await staff.request('POST', `/api/reception-sessions/${id}/actions/addConcern`, {
      content: '小区加装电梯资金分摊有争议',
      visitorName: '王先生',
      visitorPhone: '13800001111',
    });
    const withConcerns = await staff.request('POST', `/api/reception-sessions/${id}/actions/addConcern`, {
      content: '楼道堆物清理，已当场协调物业',
      resolvedOnSite: true,
    });
    // The unresolved concern is now a public opinion in the station's inbox; the settled one is not.
    const [open, settled] = withConcerns.json().concerns as { opinionId: string | null }[];
    expect(settled!.opinionId).toBeNull();
    const opinion = (await staff.request('GET', `/api/opinions/${open!.opinionId}`)).json();
    expect(opinion).toMatchObject({ status: 'submitted', channel: 'visit', stationId: s.id, content: '小区加装电梯资金分摊有争议' });
    // 同意承办单位联系我, as on the public form: off unless ticked, and only with a phone to hand on.
    expect(opinion.contactConsent).toBe(false);
    const consenting = await staff.request('POST', `/api/reception-sessions/${id}/actions/addConcern`, {
      content: '公交站台缺少遮雨棚',
      visitorName: '李女士',
      visitorPhone: '13800002222',
      contactConsent: true,
    });
    const noPhone = await staff.request('POST', `/api/reception-sessions/${id}/actions/addConcern`, {
      content: '路灯夜间不亮，已多次反映',
      contactConsent: true,
    });
    const [, , yes, phoneless] = noPhone.json().concerns as { opinionId: string; contactConsent: boolean }[];
    expect(consenting.statusCode, consenting.body).toBe(200);
    expect([yes!.contactConsent, phoneless!.contactConsent]).toEqual([true, false]);
    expect((await staff.request('GET', `/api/opinions/${yes!.opinionId}`)).json()).toMatchObject({
      contactConsent: true,
      citizenPhone: '13800002222',
    });
    expect((await staff.request('GET', `/api/opinions/${phoneless!.opinionId}`)).json().contactConsent).toBe(false);
    const tooFew = await staff.request('POST', `/api/reception-sessions/${id}/actions/close`, { votersReceived: 1 });
    expect(tooFew.json().error.code).toBe('VOTERS_FEWER_THAN_CONCERNS');
    const closed = await staff.request('POST', `/api/reception-sessions/${id}/actions/close`, {
      votersReceived: 6,
      notes: '群众反映集中在加装电梯。',
    });
    expect(closed.json()).toMatchObject({ state: 'closed', votersReceived: 6, allowedActions: [] });
    const after = await staff.request('POST', `/api/reception-sessions/${id}/actions/addConcern`, { content: '再补一条意见内容' });
    expect(after.json().error.message).toBe('当前状态（已结束）不能执行“登记反映事项”');
    const duty = await staff.request('GET', `/api/duties/${closed.json().dutyRecordId}`);
    expect(duty.json()).toMatchObject({ kind: 'voter_reception', source: 'station', votersReceived: 6 });
    expect(duty.json().participants).toHaveLength(2);
    const editFromLog = await staff.request('DELETE', `/api/duties/${closed.json().dutyRecordId}`);
    expect(editFromLog.json().error.code).toBe('DUTY_FROM_STATION');
    const fig = (await staff.request('GET', `/api/stations/figures?stationId=${s.id}&from=2000-01-01&to=${day(0)}`)).json();
    expect(fig.sessions - before.sessions).toBe(1);
    expect(fig.deputyVisits - before.deputyVisits).toBe(2);
    expect(fig.votersReceived - before.votersReceived).toBe(6);
    expect(fig.concerns - before.concerns).toBe(4); // two at the start, two more to try the consent
    expect(fig.resolvedOnSite - before.resolvedOnSite).toBe(1);
    const xlsx = await staff.request('GET', `/api/stations/${s.id}/sessions/export.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const contents = book.worksheets[0]!.getColumn(7).values.map(String);
    expect(contents).toContain('小区加装电梯资金分摊有争议');
    expect((await deputy.request('GET', `/api/stations/${s.id}/sessions/export.xlsx`)).statusCode).toBe(403);
    const perf = (await deputy.request('GET', '/api/me/performance')).json();
    const collect = perf.sevenOnes.items.find((i: { key: string }) => i.key === 'collectOpinions');
    const solve = perf.sevenOnes.items.find((i: { key: string }) => i.key === 'solveProblem');
    expect(collect.count).toBeGreaterThanOrEqual(2);
    expect(solve).toMatchObject({ done: true });
  });

  it('counts the opinions sent through the station’s QR code with those from receptions: collected, replied, solved', async () => {
    const s = (await staff.request('GET', `/api/stations?q=${encodeURIComponent('王江泾')}`)).json().items[0];
    const figures = async () => (await staff.request('GET', `/api/stations/figures?stationId=${s.id}&from=2000-01-01&to=${day(0)}`)).json();
    const before = await figures();
    expect(before.opinionsCollected).toBeGreaterThanOrEqual(before.registeredAsOpinions);
    const { publicCode } = (await staff.request('GET', `/api/stations/${s.id}`)).json();
    const sent: string[] = [];
    for (const content of ['王江泾镇文化广场夜间照明不足，老人散步不安全。', '镇区菜市场周边占道经营，早高峰通行困难。']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/public/opinions',
        payload: { station: publicCode, category: 'urban_construction', content },
        remoteAddress: `10.77.0.${sent.length + 1}`,
      });
      expect(res.statusCode, res.body).toBe(201);
      const [row] = await t.db
        .select({ id: opinions.id })
        .from(opinions)
        .where(eq(opinions.trackingCode, res.json().trackingCode.replaceAll('-', '')));
      sent.push(row!.id);
    }
    // One answered and rated 满意 by the citizen, one answered and rated 不满意.
    await t.db.update(opinions).set({ status: 'rated', replyApprovedAt: new Date(), rating: 'satisfied' }).where(eq(opinions.id, sent[0]!));
    await t.db
      .update(opinions)
      .set({ status: 'dissatisfied', replyApprovedAt: new Date(), rating: 'dissatisfied' })
      .where(eq(opinions.id, sent[1]!));
    const after = await figures();
    expect(after.opinionsCollected - before.opinionsCollected).toBe(2);
    expect(after.opinionsReplied - before.opinionsReplied).toBe(2);
    expect(after.opinionsSolved - before.opinionsSolved).toBe(1);
    // The whole body's figures include the station's.
    const body = (await staff.request('GET', `/api/stations/figures?bodyId=${s.bodyId}&from=2000-01-01&to=${day(0)}`)).json();
    expect(body.opinionsCollected).toBeGreaterThanOrEqual(after.opinionsCollected);
  });

  it('compares the stations in scope for the chart: receptions, voters and concerns per station, busiest first', async () => {
    // A closed reception at a station of another county (南湖区), beside the seeded one at 王江泾 (秀洲区).
    const [yanyu] = await t.db.select({ id: stations.id }).from(stations).where(eq(stations.name, '烟雨社区代表联络室'));
    await t.db.insert(receptionSessions).values({
      stationId: yanyu!.id,
      heldOn: day(-1),
      topic: '老旧小区改造',
      responsibleName: '陆晓红',
      votersReceived: 6,
      state: 'closed',
      closedAt: new Date(),
    });
    const url = `/api/stations/figures/by-station?from=2000-01-01&to=${day(0)}`;
    const all = (await staff.request('GET', url)).json().items as { stationId: string; sessions: number }[];
    expect(all.length).toBeGreaterThan(0);
    expect(all.length).toBeLessThanOrEqual(20);
    expect(all.map((r) => r.sessions)).toEqual([...all.map((r) => r.sessions)].sort((a, b) => b - a));
    expect(all.find((r) => r.stationId === yanyu!.id)).toMatchObject({ sessions: 1, votersReceived: 6, concerns: 0 });
    // Each bar is the station's own figures.
    for (const row of all.slice(0, 3)) {
      const own = (await staff.request('GET', `/api/stations/figures?stationId=${row.stationId}&from=2000-01-01&to=${day(0)}`)).json();
      expect(row).toMatchObject({ sessions: own.sessions, votersReceived: own.votersReceived, concerns: own.concerns });
    }
    // Another county's staff compare only their own stations; the city's staff see theirs among all.
    const xz = await t.login('xzstaff');
    const theirs = (await xz.request('GET', url)).json().items as { stationId: string }[];
    const visible = new Set(((await xz.request('GET', '/api/stations?pageSize=100')).json().items as { id: string }[]).map((s) => s.id));
    expect(theirs.every((r) => visible.has(r.stationId))).toBe(true);
    expect(all.some((r) => !visible.has(r.stationId))).toBe(true);
    const xiuzhouOnly = (await staff.request('GET', `${url}&bodyId=${xiuzhouId}`)).json().items as { stationId: string }[];
    expect(xiuzhouOnly.every((r) => visible.has(r.stationId))).toBe(true);
    // A handling unit has no stations to compare.
    expect((await (await t.login('unit')).request('GET', url)).statusCode).toBe(403);
  });

  it('shows the deputy card publicly without login, and nothing for an unknown code', async () => {
    const me = (await (await t.login('deputy')).request('GET', '/api/me/deputy')).json();
    const card = await t.app.inject({ method: 'GET', url: `/api/public/deputies/${me.publicCode}` });
    expect(card.statusCode).toBe(200);
    const c = card.json();
    expect(c).toMatchObject({ name: '张秀英', bodyName: '嘉兴市人大常委会', post: '党委书记、居委会主任' });
    expect(c.opinionLink).toContain(`/m/opinion?deputy=${me.publicCode}`);
    expect(c.commitments.length).toBeGreaterThan(0);
    expect(c.stations.map((s: { name: string }) => s.name)).toContain('王江泾镇人大代表联络站');
    expect(c.thisYear.activities).toBeGreaterThan(0);
    expect(JSON.stringify(c)).not.toContain(me.phone);

    // What the deputy did with the opinions sent to them: one through their code, answered and rated 满意.
    const sent = await t.app.inject({
      method: 'POST',
      url: '/api/public/opinions',
      payload: { deputy: me.publicCode, category: 'social_security', content: '社区食堂午餐供应时间太短，上班的老人家属来不及。' },
      remoteAddress: '10.78.0.1',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    await t.db
      .update(opinions)
      .set({ status: 'rated', replyApprovedAt: new Date(), rating: 'satisfied' })
      .where(eq(opinions.trackingCode, sent.json().trackingCode.replaceAll('-', '')));
    const after = (await t.app.inject({ method: 'GET', url: `/api/public/deputies/${me.publicCode}` })).json();
    expect(after.thisYear.opinionsReceived - c.thisYear.opinionsReceived).toBe(1);
    expect(after.thisYear.opinionsReplied - c.thisYear.opinionsReplied).toBe(1);
    expect(after.thisYear.opinionsSolved - c.thisYear.opinionsSolved).toBe(1);
    const none = await t.app.inject({ method: 'GET', url: '/api/public/deputies/aaaaaaaaaaaaaaaaaaaa' });
    expect(none.statusCode).toBe(404);
  });
});

describe('weekly rota (周接待)', () => {
  type Skip = { day: string; reason: string; note: string };
  let stationId: string;
  let deputyId: string;
  const weekly = {
    from: '2026-09-14',
    to: '2026-10-16',
    weekdays: [2, 5],
    startTime: '09:00',
    endTime: '11:30',
    topic: '听取对老旧小区改造的意见',
    responsibleName: '朱晓峰',
    deputyIds: [] as string[],
  };
  const repeat = (body: object, who = staff) =>
    who.request('POST', `/api/stations/${stationId}/rota/repeat`, { ...weekly, deputyIds: [deputyId], ...body });
  const rotaDays = async () =>
    (await t.db.select({ day: stationRota.day }).from(stationRota).where(eq(stationRota.stationId, stationId))).map((r) => r.day).sort();

  beforeAll(async () => {
    // Before the 2026 Mid-autumn and National Day holidays, whose dates chinese-days knows.
    clock.set(new Date('2026-09-01T09:00:00+08:00'));
    const created = await staff.request('POST', '/api/stations', {
      bodyId: xiuzhouId,
      kind: 'liaison_station',
      name: '新塍镇人大代表联络站',
    });
    stationId = created.json().id;
    deputyId = (await staff.request('GET', `/api/deputies?q=${encodeURIComponent('张秀英')}`)).json().items[0].id;
    // An entry already on the rota that overlaps one of the repeat's days.
    const single = await staff.request('POST', `/api/stations/${stationId}/rota`, {
      ...weekly,
      day: '2026-09-22',
      startTime: '10:00',
      endTime: '12:00',
      deputyIds: [deputyId],
    });
    expect(single.statusCode, single.body).toBe(201);
  });
  afterAll(() => clock.reset());

  it('previews the days without writing anything', async () => {
    const res = await repeat({ preview: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      preview: true,
      days: ['2026-09-15', '2026-09-18', '2026-09-29', '2026-10-09', '2026-10-13', '2026-10-16'],
      created: [],
    });
    expect(await rotaDays()).toEqual(['2026-09-22']);
  });

  it('fills every Tuesday and Friday, skipping holidays and the day already taken, each day audited', async () => {
    const res = await repeat({});
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.created.map((e: { day: string }) => e.day)).toEqual(body.days);
    expect(body.created[0]).toMatchObject({
      startTime: '09:00',
      endTime: '11:30',
      deputies: [{ id: deputyId, name: '张秀英' }],
      sessionId: null,
    });
    expect(body.skipped as Skip[]).toEqual([
      { day: '2026-09-22', reason: 'overlap', note: '已有 10:00—12:00“听取对老旧小区改造的意见”' },
      { day: '2026-09-25', reason: 'holiday', note: '中秋' },
      { day: '2026-10-02', reason: 'holiday', note: '国庆节' },
      { day: '2026-10-06', reason: 'holiday', note: '国庆节' },
    ]);
    expect(await rotaDays()).toHaveLength(7);
    const trail = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'station_rota'), eq(auditEvents.action, 'create'), eq(auditEvents.bodyId, xiuzhouId)));
    for (const e of body.created) expect(trail.some((a) => a.entityId === e.id)).toBe(true);

    // Again: every day is now taken, nothing is added. An afternoon slot does not overlap.
    const again = await repeat({});
    expect(again.json().created).toEqual([]);
    expect((again.json().skipped as Skip[]).filter((x) => x.reason === 'overlap')).toHaveLength(7);
    const afternoon = await repeat({ from: '2026-09-14', to: '2026-09-20', startTime: '14:00', endTime: '16:00' });
    expect(afternoon.json().days).toEqual(['2026-09-15', '2026-09-18']);
  });

  it('refuses in Chinese: a period over a year, past days, no weekday, no matching day, backwards dates', async () => {
    const long = await repeat({ to: '2027-09-15' });
    expect(long.statusCode).toBe(400);
    expect(long.json().error).toMatchObject({ code: 'ROTA_REPEAT_TOO_LONG', message: '按周重复排班的期间最长一年（366 天），请分段排班' });
    const past = await repeat({ from: '2026-08-25' });
    expect(past.json().error).toMatchObject({ code: 'ROTA_DAY_PAST', details: { fields: [{ path: 'from', message: '日期已过' }] } });
    const none = await repeat({ weekdays: [] });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.message).toContain('请至少选择一个星期几');
    const noDay = await repeat({ from: '2026-09-14', to: '2026-09-14' });
    expect(noDay.json().error).toMatchObject({ code: 'ROTA_REPEAT_NO_DAYS', message: '所选期间内没有所选的星期几，请调整日期或星期' });
    const backwards = await repeat({ from: '2026-10-16', to: '2026-09-14' });
    expect(backwards.json().error.message).toContain('结束日期不能早于开始日期');
    const times = await repeat({ startTime: '11:00', endTime: '09:00' });
    expect(times.json().error.message).toContain('结束时间须晚于开始时间');
  });

  it('writes all days or none, and checks role and tenant like a single day', async () => {
    const before = await rotaDays();
    const retired = await t.db.query.deputies.findFirst({ where: eq(deputies.bodyId, xiuzhouId) });
    await t.db.update(deputies).set({ status: 'left' }).where(eq(deputies.id, retired!.id));
    try {
      const res = await staff.request('POST', `/api/stations/${stationId}/rota/repeat`, {
        ...weekly,
        from: '2026-11-01',
        to: '2026-11-30',
        deputyIds: [deputyId, retired!.id],
      });
      expect(res.json().error.code).toBe('ROTA_DEPUTY_NOT_IN_OFFICE');
      expect(await rotaDays()).toEqual(before);
    } finally {
      await t.db.update(deputies).set({ status: retired!.status }).where(eq(deputies.id, retired!.id));
    }
    expect((await repeat({ from: '2026-11-01', to: '2026-11-30' }, await t.login('leader'))).statusCode).toBe(403);
    expect((await repeat({ from: '2026-11-01', to: '2026-11-30' }, await t.login('deputy'))).statusCode).toBe(403);
    // A station of the city congress is out of 秀洲区's sight.
    const cityId = (await t.db.query.bodies.findFirst({ where: eq(bodies.regionCode, '330400') }))!.id;
    const city = (await staff.request('POST', '/api/stations', { bodyId: cityId, kind: 'deputies_home', name: '嘉兴市代表之家' })).json();
    const xz = await t.login('xzstaff');
    const other = await xz.request('POST', `/api/stations/${city.id}/rota/repeat`, {
      ...weekly,
      from: '2026-11-01',
      to: '2026-11-30',
      deputyIds: [deputyId],
    });
    expect(other.statusCode).toBe(404);
  });
});
