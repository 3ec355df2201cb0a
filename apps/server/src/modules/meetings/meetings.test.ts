import JSZip from 'jszip';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttendanceRecord, Meeting, MeetingDetail, MyMeeting } from '@renda/shared';
import { auditEvents, bodies, deputies, dutyParticipants, handlingUnits, meetings, notifications, users } from '../../db/schema.js';
import { clock } from '../../platform/clock.js';
import { chinaDate } from '../../platform/deadlines.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { multipart } from '../../test/multipart.js';
import { hashPassword } from '../../platform/passwords.js';
import { DEMO_PASSWORD } from '../../seed/demo.js';

type Session = Awaited<ReturnType<TestApp['login']>>;
let t: TestApp;
let staff: Session;
let leader: Session;
let deputy: Session;
let xzstaff: Session;
let cityId: string;
let zhangId: string;
let observerId: string;
/** Invited to observe too, but never signs in. */
let absentObserverId: string;
let unitId: string;

const today = () => chinaDate(clock.now());

/** Gives these deputies a login (those without one) and signs each in. */
async function accountsFor(deputyIds: string[]) {
  const hash = await hashPassword(DEMO_PASSWORD);
  const sessions: Session[] = [];
  for (const id of deputyIds) {
    const d = (await t.db.query.deputies.findFirst({ where: eq(deputies.id, id) }))!;
    let username = d.userId ? (await t.db.query.users.findFirst({ where: eq(users.id, d.userId) }))!.username : `m${id.slice(-10)}`;
    if (!d.userId) {
      const [u] = await t.db
        .insert(users)
        .values({ bodyId: d.bodyId, username, displayName: d.name, role: 'deputy', passwordHash: hash })
        .returning();
      await t.db.update(deputies).set({ userId: u!.id }).where(eq(deputies.id, id));
      username = u!.username;
    }
    sessions.push(await t.login(username));
  }
  return sessions;
}

beforeAll(async () => {
  t = await buildTestApp();
  [staff, leader, deputy, xzstaff] = [await t.login('staff'), await t.login('leader'), await t.login('deputy'), await t.login('xzstaff')];
  cityId = (await t.db.query.bodies.findFirst({ where: eq(bodies.regionCode, '330400') }))!.id;
  const xiuzhou = (await t.db.query.bodies.findFirst({ where: eq(bodies.regionCode, '330411') }))!;
  zhangId = (await t.db.query.deputies.findFirst({ where: and(eq(deputies.bodyId, cityId), eq(deputies.name, '张秀英')) }))!.id;
  const xiuzhouDeputies = await t.db
    .select()
    .from(deputies)
    .where(and(eq(deputies.bodyId, xiuzhou.id), eq(deputies.status, 'in_office')))
    .limit(2);
  [observerId, absentObserverId] = xiuzhouDeputies.map((d) => d.id) as [string, string];
  unitId = (await t.db.query.handlingUnits.findFirst({ where: eq(handlingUnits.name, '嘉兴市住房和城乡建设局') }))!.id;
}, 180_000);
afterAll(() => t.close());

describe('a standing-committee meeting from notice to minutes', () => {
  let meeting: MeetingDetail;
  let baseline: AttendanceRecord[] = [];
  const url = () => `/api/meetings/${meeting.id}`;
  const signIn = (attendeeId: string) => staff.request('POST', `${url()}/attendees/${attendeeId}/attendance`, { action: 'signIn' });
  const members = () => meeting.attendees.filter((a) => a.role === 'member');

  it('staff arrange it; its members are the full membership from the registry', async () => {
    baseline = (await staff.request('GET', `/api/meetings/attendance?bodyId=${cityId}&year=${today().slice(0, 4)}`)).json().items;
    const res = await staff.request('POST', '/api/meetings', {
      bodyId: cityId,
      kind: 'standing_committee',
      number: 12,
      term: '第九届',
      title: '市九届人大常委会第十二次会议',
      from: today(),
      to: today(),
      place: '市人大常委会第一会议室',
    });
    expect(res.statusCode, res.body).toBe(201);
    meeting = res.json();
    const inOffice = await t.db
      .select()
      .from(deputies)
      .where(and(eq(deputies.bodyId, cityId), eq(deputies.status, 'in_office')));
    expect(members().length).toBeGreaterThan(2);
    expect(members().length).toBeLessThanOrEqual(inOffice.length);
    expect(members().map((m) => m.deputyId)).toContain(zhangId);
    expect(meeting).toMatchObject({ state: 'planned', stateLabel: '筹备中', kindLabel: '常委会会议', allowedActions: ['notify'] });
    expect(meeting.quorum).toMatchObject({ members: members().length, present: 0, reached: false });
    const bad = await staff.request('POST', '/api/meetings', {
      title: '联席会议',
      place: '第二会议室',
      bodyId: cityId,
      kind: 'joint',
      number: 1,
      term: '第九届',
      from: today(),
      to: '2000-01-01',
    });
    expect(bad.statusCode).toBe(400);
    expect((await xzstaff.request('GET', url())).statusCode).toBe(404);
  });

  it('the agenda links other modules’ records, keeps its order and refuses a foreign list', async () => {
    const first = await staff.request('POST', `${url()}/items`, {
      kind: 'supervision_report',
      title: '听取和审议市政府关于生态环境保护工作情况的报告',
      presenter: '副市长 王建华',
      link: { module: 'supervision', id: 'sv-2026-03', title: '生态环境保护工作专项报告' },
    });
    expect(first.statusCode, first.body).toBe(201);
    const second = await staff.request('POST', `${url()}/items`, { kind: 'other', title: '关于批准市级决算的决议（草案）', toVote: true });
    meeting = second.json();
    expect(meeting.agenda.map((i) => i.position)).toEqual([1, 2]);
    expect(meeting.agenda[0]!.link).toEqual({ module: 'supervision', id: 'sv-2026-03', title: '生态环境保护工作专项报告' });
    const ids = meeting.agenda.map((i) => i.id).reverse();
    meeting = (await staff.request('PUT', `${url()}/agenda-order`, { itemIds: ids })).json();
    expect(meeting.agenda.map((i) => i.id)).toEqual(ids);
    const wrong = await staff.request('PUT', `${url()}/agenda-order`, { itemIds: [ids[0]] });
    expect(wrong.json().error.message).toBe('议程顺序须包含本次会议的全部议题且不重复');
  });

  it('invites a deputy to observe and an organ to report; a deputy cannot see it before the notice', async () => {
    meeting = (await staff.request('POST', `${url()}/invitations`, { role: 'observer', deputyIds: [observerId, absentObserverId] })).json();
    meeting = (await staff.request('POST', `${url()}/invitations`, { role: 'reporter', unitId, reporter: '局长 周明' })).json();
    expect(meeting.attendees.filter((a) => a.role !== 'member').map((a) => a.role)).toEqual(['observer', 'observer', 'reporter']);
    expect((await deputy.request('GET', `/api/my/meetings/${meeting.id}`)).statusCode).toBe(404);
    expect((await deputy.request('POST', '/api/meetings', {})).statusCode).toBe(403);
  });

  it('materials are published to members for their phones; a deputy cannot attach to the agenda', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const upload = async (who: Session) => {
      const { payload, headers } = await multipart({ ownerEntity: 'meeting_item', ownerId: meeting.agenda[1]!.id }, [
        { name: 'file', fileName: '生态环境保护工作情况的报告.pdf', data: pdf },
      ]);
      return t.app.inject({
        method: 'POST',
        url: '/api/attachments',
        payload,
        cookies: who.cookies,
        headers: { ...headers, 'x-csrf-token': who.token },
      });
    };
    expect((await upload(staff)).statusCode).toBe(201);
    expect((await upload(deputy)).statusCode).toBe(404);
    meeting = (await staff.request('POST', `${url()}/actions/notify`, {})).json();
    expect(meeting.state).toBe('notified');
    const zhangUser = (await t.db.query.users.findFirst({ where: eq(users.username, 'deputy') }))!;
    const notes = await t.db.select().from(notifications).where(eq(notifications.userId, zhangUser.id));
    expect(notes.map((n) => n.title)).toContain('会议通知：市九届人大常委会第十二次会议');
    let mine: MyMeeting = (await deputy.request('GET', `/api/my/meetings/${meeting.id}`)).json();
    expect(mine.agenda.flatMap((i) => i.documents)).toEqual([]);
    await staff.request('POST', `${url()}/publish-materials`, {});
    mine = (await deputy.request('GET', `/api/my/meetings/${meeting.id}`)).json();
    const doc = mine.agenda.find((i) => i.documents.length)!;
    const file = await deputy.request('GET', `/api/my/meetings/${meeting.id}/items/${doc.id}/files/${doc.documents[0]!.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect((await deputy.request('GET', '/api/my/meetings')).json().items.map((m: { id: string }) => m.id)).toContain(meeting.id);
  });

  it('a member asks for leave only with a reason, then confirms', async () => {
    const noReason = await deputy.request('POST', `/api/my/meetings/${meeting.id}/reply`, { response: 'leave' });
    expect(noReason.statusCode).toBe(400);
    const leave = await deputy.request('POST', `/api/my/meetings/${meeting.id}/reply`, {
      response: 'leave',
      leaveReason: '赴外地参加培训',
    });
    expect(leave.json().you).toMatchObject({ response: 'leave', leaveReason: '赴外地参加培训' });
    expect((await staff.request('GET', `${url()}/quorum`)).json()).toMatchObject({ onLeave: 1 });
    const confirm = await deputy.request('POST', `/api/my/meetings/${meeting.id}/reply`, { response: 'confirmed' });
    expect(confirm.json().you).toMatchObject({ response: 'confirmed', leaveReason: null });
  });

  it('cannot open below quorum; sign-in by QR code and by staff; opens at exactly more than half of all members', async () => {
    const refused = await staff.request('POST', `${url()}/actions/open`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('MEETING_NO_QUORUM');
    expect(refused.json().error.message).toContain('出席人数不足全体组成人员的过半数');
    const wrongCode = await deputy.request('POST', `/api/my/meetings/${meeting.id}/sign-in`, { code: 'notthecode' });
    expect(wrongCode.json().error.message).toBe('签到码无效，请扫描会场的签到二维码');
    const detail: MeetingDetail = (await staff.request('GET', url())).json();
    const scanned = await deputy.request('POST', `/api/my/meetings/${meeting.id}/sign-in`, { code: detail.signInCode });
    expect(scanned.json().you).toMatchObject({ signInWay: 'qr' });
    expect((await leader.request('GET', url())).json().signInCode).toBeNull();
    const others = members().filter((m) => m.deputyId !== zhangId);
    const required = meeting.quorum.required;
    for (const m of others.slice(0, required - 2)) await signIn(m.id);
    const short = (await staff.request('GET', `${url()}/quorum`)).json();
    expect(short).toMatchObject({ present: required - 1, reached: false });
    expect((await staff.request('POST', `${url()}/actions/open`, {})).statusCode).toBe(409);
    meeting = (await signIn(others[required - 2]!.id)).json();
    expect(meeting.quorum).toMatchObject({ present: required, reached: true });
    meeting = (await staff.request('POST', `${url()}/actions/open`, {})).json();
    expect(meeting.state).toBe('in_session');
    const leaveAfterSignIn = await deputy.request('POST', `/api/my/meetings/${meeting.id}/reply`, {
      response: 'leave',
      leaveReason: '临时有事',
    });
    expect(leaveAfterSignIn.json().error.message).toContain('已签到');
  });

  it('a member who leaves the hall drops the quorum', async () => {
    const someone = meeting.attendees.find((a) => a.role === 'member' && a.signedInAt && a.deputyId !== zhangId)!;
    meeting = (await staff.request('POST', `${url()}/attendees/${someone.id}/attendance`, { action: 'signOut' })).json();
    expect(meeting.quorum.reached).toBe(false);
    meeting = (await signIn(someone.id)).json();
    expect(meeting.quorum.reached).toBe(true);
  });

  it('votes open and secret: absent members make a motion fail that a count of those present would pass; wrong ballots refused', async () => {
    const voteOn = (itemId: string, secret: boolean) => staff.request('POST', `${url()}/items/${itemId}/vote`, { secret });
    const second = meeting.agenda.find((i) => i.toVote)!;
    const first = meeting.agenda.find((i) => !i.toVote)!;
    // Below quorum no vote opens.
    const someone = meeting.attendees.find((a) => a.role === 'member' && a.signedInAt && a.deputyId !== zhangId)!;
    await staff.request('POST', `${url()}/attendees/${someone.id}/attendance`, { action: 'signOut' });
    const refused = await voteOn(second.id, false);
    expect(refused.json().error).toMatchObject({ code: 'MEETING_NO_QUORUM' });
    expect(refused.json().error.message).toContain('不能发起表决');
    expect((await voteOn(first.id, false)).json().error.message).toBe('该议题不提请表决');
    await signIn(someone.id);
    // One more member comes: present = required + 1 (8 of 12), everyone present gets a login to vote.
    const absent = meeting.attendees.filter((a) => a.role === 'member' && !a.signedInAt);
    meeting = (await signIn(absent[0]!.id)).json();
    const present = meeting.attendees.filter((a) => a.role === 'member' && a.signedInAt && !a.leftAt);
    expect(present).toHaveLength(meeting.quorum.required + 1);
    const voters = await accountsFor(present.map((a) => a.deputyId!));
    const stranger = await accountsFor([
      (await t.db.query.deputies.findFirst({ where: and(eq(deputies.bodyId, cityId), isNull(deputies.committeeRole)) }))!.id,
    ]);
    const cast = (who: Session, voteId: string, choice: string, key = `key-${who.user.id}-${voteId}`) =>
      t.app.inject({
        method: 'POST',
        url: `/api/votes/${voteId}/ballots`,
        payload: { choices: { motion: choice } },
        cookies: who.cookies,
        headers: { 'x-csrf-token': who.token, 'idempotency-key': key.padEnd(16, '0') },
      });

    // Open (记名) vote: for = members − required… short of more than half of ALL members, though most of those present.
    meeting = (await voteOn(second.id, false)).json();
    const openVote = meeting.agenda.find((i) => i.id === second.id)!.voteId!;
    expect(meeting.agenda.find((i) => i.id === second.id)!.vote).toEqual({ state: 'open', stateLabel: '投票中', youVoted: false });
    const mineBefore: MyMeeting = (await deputy.request('GET', `/api/my/meetings/${meeting.id}`)).json();
    expect(mineBefore.agenda.find((i) => i.id === second.id)!.vote).toMatchObject({ state: 'open', youVoted: false });
    const forCount = meeting.quorum.required - 1;
    for (const [i, v] of voters.entries()) {
      const res = await cast(v, openVote, i < forCount ? 'for' : i === forCount ? 'against' : 'abstain');
      expect(res.statusCode, res.body).toBeLessThan(300);
    }
    // The member's phone page knows she has voted (the ballot page is the vote component's own).
    const mineAfter: MyMeeting = (await deputy.request('GET', `/api/my/meetings/${meeting.id}`)).json();
    expect(mineAfter.agenda.find((i) => i.id === second.id)!.vote).toMatchObject({ state: 'open', youVoted: true });
    expect(forCount).toBeGreaterThan(present.length / 2);
    const twice = await cast(voters[0]!, openVote, 'against', 'another-key-for-a-second-ballot');
    expect(twice.statusCode).toBe(409);
    const notMember = await cast(stranger[0]!, openVote, 'for');
    expect(notMember.statusCode).toBeGreaterThanOrEqual(403);
    expect((await staff.request('POST', `/api/votes/${openVote}/actions/close`, {})).statusCode).toBe(200);
    const afterClose = await cast(voters[1]!, openVote, 'for', 'a-late-ballot-after-close');
    expect(afterClose.statusCode).toBe(409);

    // Secret (无记名) vote on a new item: exactly more than half of all members for → passes.
    meeting = (
      await staff.request('POST', `${url()}/items`, { kind: 'other', title: '关于接受辞职请求的决定（草案）', toVote: true })
    ).json();
    const third = meeting.agenda.at(-1)!;
    meeting = (await voteOn(third.id, true)).json();
    const secretVote = meeting.agenda.at(-1)!.voteId!;
    for (const [i, v] of voters.entries()) await cast(v, secretVote, i < meeting.quorum.required ? 'for' : 'against');
    await staff.request('POST', `/api/votes/${secretVote}/actions/close`, {});

    meeting = (await staff.request('GET', url())).json();
    const [failed, passed] = [meeting.agenda.find((i) => i.id === second.id)!, meeting.agenda.at(-1)!];
    expect(failed).toMatchObject({ outcome: 'failed', secret: false, vote: { state: 'closed' } });
    // The result names those present beside the membership, the tally and the votes needed on all members.
    expect(failed.resultText).toBe(
      `应到 ${meeting.quorum.members} 人，实到 ${present.length} 人，收回选票 ${voters.length} 张；` +
        `赞成 ${forCount} 票，反对 1 票，弃权 ${voters.length - forCount - 1} 票；通过所需票数 ${meeting.quorum.required} 票。` +
        `赞成票获得全体应投票人（${meeting.quorum.members} 人）过半数（至少 ${meeting.quorum.required} 票）的通过。` +
        '依据：《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法》及本级人大常委会议事规则',
    );
    expect(passed).toMatchObject({ outcome: 'passed', secret: true, vote: { state: 'closed' } });

    // 公布结果 on the vote component (a recount from the published list): the meeting shows it published.
    const announced = await staff.request('POST', `/api/votes/${secretVote}/actions/announce`, {});
    expect(announced.statusCode, announced.body).toBe(200);
    meeting = (await staff.request('GET', url())).json();
    expect(meeting.agenda.at(-1)).toMatchObject({ outcome: 'passed', vote: { state: 'announced', stateLabel: '已公布' } });
    expect(meeting.agenda.find((i) => i.id === second.id)!.vote!.state).toBe('closed');
  });

  it('closing counts the observers’ attendance in their duty log; minutes and attendance come out', async () => {
    const observer = meeting.attendees.find((a) => a.deputyId === observerId)!;
    await signIn(observer.id);
    meeting = (await staff.request('POST', `${url()}/actions/close`, {})).json();
    expect(meeting.state).toBe('closed');
    const duties = await t.db.select().from(dutyParticipants).where(eq(dutyParticipants.deputyId, observerId));
    expect(duties.filter((d) => d.kind === 'observing_meeting')).toHaveLength(1);
    // One duty record for the meeting, for the observer who signed in; the invited one who never came has none.
    const [closed] = await t.db.select().from(meetings).where(eq(meetings.id, meeting.id));
    const listed = await t.db.select().from(dutyParticipants).where(eq(dutyParticipants.recordId, closed!.dutyRecordId!));
    expect(listed.map((p) => ({ deputyId: p.deputyId, kind: p.kind }))).toEqual([{ deputyId: observerId, kind: 'observing_meeting' }]);
    expect((await signIn(observer.id)).json().error.message).toBe('会议已闭会，不能签到');
    const minutes = await staff.request('GET', `${url()}/minutes.docx`);
    expect(minutes.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(minutes.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('市九届人大常委会第十二次会议纪要');
    expect(xml).toMatch(/市九届人大常委会第十二次会议于\d{4}年\d{1,2}月\d{1,2}日在/);
    expect(xml).toContain('符合法定人数');
    expect(xml).toContain('听取和审议市政府关于生态环境保护工作情况的报告');
    expect(xml).toContain('未通过');
    expect(xml).toContain('无记名表决');
    const year = Number(today().slice(0, 4));
    const attendance: AttendanceRecord[] = (await staff.request('GET', `/api/meetings/attendance?bodyId=${cityId}&year=${year}`)).json()
      .items;
    const delta = (deputyId: string) => {
      const [now, before] = [attendance, baseline].map((list) => list.find((r) => r.deputyId === deputyId));
      return {
        expected: (now?.expected ?? 0) - (before?.expected ?? 0),
        present: (now?.present ?? 0) - (before?.present ?? 0),
        absent: (now?.absent ?? 0) - (before?.absent ?? 0),
      };
    };
    expect(delta(zhangId)).toEqual({ expected: 1, present: 1, absent: 0 });
    const absentMember = meeting.attendees.find((a) => a.role === 'member' && !a.signedInAt && a.response !== 'leave')!;
    expect(delta(absentMember.deputyId!)).toEqual({ expected: 1, present: 0, absent: 1 });
    expect(attendance.find((r) => r.deputyId === observerId)).toMatchObject({ expected: 0, observed: 1 });
    const xlsx = await staff.request('GET', `/api/meetings/attendance.xlsx?bodyId=${cityId}&year=${year}`);
    expect(xlsx.statusCode).toBe(200);
    expect((await staff.request('GET', '/api/meetings/export.xlsx')).statusCode).toBe(200);
    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, meeting.id));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['create', 'invite', 'notify', 'publishMaterials', 'open', 'close']));
  });
});

describe('a decision on a major matter', () => {
  it('is evaluated before it goes on an agenda, and decided only by the vote', async () => {
    const created = await staff.request('POST', '/api/major-matters', {
      bodyId: cityId,
      title: '嘉兴市城市轨道交通建设规划',
      proposer: '市人民政府',
      proposal: '提请审议市城市轨道交通第一期建设规划。',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const early = await staff.request('POST', `/api/major-matters/${id}/actions/placeOnAgenda`, { meetingId: id });
    expect(early.statusCode).toBe(409);
    const noText = await staff.request('POST', `/api/major-matters/${id}/actions/evaluate`, {});
    expect(noText.json().error.message).toBe('请填写表决前评估意见');
    await staff.request('POST', `/api/major-matters/${id}/actions/evaluate`, {
      evaluation: '经评估，规划符合国土空间规划，财政承受能力可行。',
    });
    const m = await staff.request('POST', '/api/meetings', {
      bodyId: cityId,
      kind: 'standing_committee',
      number: 13,
      term: '第九届',
      title: '市九届人大常委会第十三次会议',
      from: today(),
      to: today(),
      place: '市人大常委会第一会议室',
    });
    const scheduled = await staff.request('POST', `/api/major-matters/${id}/actions/placeOnAgenda`, { meetingId: m.json().id });
    expect(scheduled.json()).toMatchObject({ state: 'scheduled', meetingTitle: '市九届人大常委会第十三次会议' });
    const agenda: MeetingDetail = (await staff.request('GET', `/api/meetings/${m.json().id}`)).json();
    const item = agenda.agenda.find((i) => i.kind === 'major_matter')!;
    expect(item).toMatchObject({ toVote: true, link: { module: 'major_matters', id, title: '嘉兴市城市轨道交通建设规划' } });
    expect((await staff.request('DELETE', `/api/meetings/${m.json().id}/items/${item.id}`)).json().error.code).toBe('MEETING_ITEM_IN_USE');
    const notVoted = await staff.request('POST', `/api/major-matters/${id}/actions/decide`, { resolution: '批准。' });
    expect(notVoted.json().error).toMatchObject({ code: 'MAJOR_MATTER_NOT_VOTED', message: '该事项尚未表决，不能作出决定' });
    const tooEarly = await staff.request('POST', '/api/follow-up-tasks', {
      subjectType: 'major_matter',
      subjectId: id,
      title: '编制实施计划',
      unitId,
      workingDays: 20,
    });
    expect(tooEarly.statusCode).toBe(409);
    expect(tooEarly.json().error.message).toBe('作出决定后才能布置落实任务');
  });
});

describe('the demo township’s mid-year congress session (乡镇人大年中会议, seed 002)', () => {
  it('is held on 14 August with the township congress’s whole membership from the registry, and its staff see it', async () => {
    const list = (await xzstaff.request('GET', '/api/meetings?kind=congress_session&pageSize=50')).json();
    const summary = list.items.find((m: Meeting) => m.title === '王江泾镇第十一届人民代表大会第九次会议');
    expect(summary).toMatchObject({ midYear: true, kindLabel: '年中人民代表大会会议', state: 'closed', bodyName: '王江泾镇人民代表大会' });
    expect(summary.from.slice(5)).toBe('08-14');
    const session: MeetingDetail = (await xzstaff.request('GET', `/api/meetings/${summary.id}`)).json();
    const town = (await t.db.query.bodies.findFirst({ where: eq(bodies.regionCode, '330411101') }))!;
    const registry = await t.db
      .select()
      .from(deputies)
      .where(and(eq(deputies.bodyId, town.id), eq(deputies.status, 'in_office')));
    expect(session.attendees.filter((a) => a.role === 'member').map((a) => a.deputyId)).toEqual(
      expect.arrayContaining(registry.map((d) => d.id)),
    );
    expect(session.quorum).toMatchObject({ members: registry.length, present: registry.length - 3, onLeave: 2, reached: true });
    expect(session.agenda.map((i) => i.title)).toContain('听取和审议镇人民政府上半年工作报告');
    // 陈荣根 sits in the city congress and in his township's: one person (same person key), two registry rows.
    const chen = await t.db.select().from(deputies).where(eq(deputies.name, '陈荣根'));
    expect(new Set(chen.map((d) => d.personKey)).size).toBe(1);
    expect(chen.some((d) => d.bodyId === town.id)).toBe(true);
  });
});
