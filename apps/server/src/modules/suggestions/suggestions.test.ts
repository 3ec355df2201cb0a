import { describe, expect, it } from 'vitest';
import { clock } from '../../platform/clock.js';
import type { TestApp } from '../../test/app.js';
import { multipart } from '../../test/multipart.js';
import { and, eq, ne } from 'drizzle-orm';
import { deputies } from '../../db/schema.js';
import { motionProblem } from './motion-rules.js';
import { suggestionCosigners } from './tables.js';
import { docxText, useSuggestionsTestApp, type Cast } from './test-helpers.js';

let t: TestApp;
let c: Cast;
let sessionId: string;

const cst = (s: string) => new Date(`${s}+08:00`);
const draft = (extra: Record<string, unknown> = {}) => ({
  kind: 'suggestion',
  period: 'session',
  sessionId,
  title: '关于加快老旧小区加装电梯的建议',
  content:
    '我市建成于2000年以前的老旧小区多为六层以下住宅，没有电梯，老年居民上下楼困难。建议简化加装电梯审批流程，加大财政补助力度。联系人电话13905731234。',
  field: 'urban',
  cosignerIds: [c.deputyIds.cosigner],
  ...extra,
});

useSuggestionsTestApp(
  { at: '2026-03-01T09:00:00', session: '嘉兴市第九届人民代表大会第四次会议' },
  (ready) => ({ t, c, sessionId } = ready),
);

describe('a suggestion through every state', () => {
  let id: string;
  const as = (name: string) => c.as[name]!;
  const act = async (who: string, path: string, body: object = {}) =>
    as(who).request('POST', `/api/suggestions/${id}/actions/${path}`, body);
  const ok = async (who: string, path: string, body: object = {}) => {
    const res = await act(who, path, body);
    expect(res.statusCode, `${who} ${path}: ${res.body}`).toBe(200);
    return res.json();
  };

  it('is drafted by a deputy with a co-signer who must confirm before it can be submitted', async () => {
    // The co-signers offered are the city congress's other deputies in office, never the lead deputy.
    const candidates = await as('deputy').request('GET', '/api/suggestions/cosigner-candidates');
    expect(candidates.statusCode, candidates.body).toBe(200);
    const names = candidates.json().items.map((d: { name: string }) => d.name);
    expect(names).toContain('王建华');
    expect(names).not.toContain('张秀英');
    const res = await as('deputy').request('POST', '/api/suggestions', draft());
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    expect(res.json()).toMatchObject({ state: 'draft', leadDeputyName: '张秀英', allowedActions: ['submit'] });
    // Staff do not see drafts.
    expect((await as('staff').request('GET', `/api/suggestions/${id}`)).statusCode).toBe(404);

    const early = await act('deputy', 'submit');
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'COSIGNERS_PENDING', message: '尚有联名代表未确认：王建华' });

    const invited = await as('deputy2').request('GET', `/api/suggestions/${id}`);
    expect(invited.json().allowedActions).toEqual(['confirmCosign', 'declineCosign']);
    await ok('deputy2', 'confirmCosign');
    // The seven ones count the suggestion for the lead deputy and the confirmed co-signer, from the record itself.
    const year = new Date().getFullYear();
    const suggestionCount = async (who: string) =>
      (await as(who).request('GET', `/api/me/performance?from=${year}-01-01&to=${year}-12-31`))
        .json()
        .sevenOnes.items.find((i: { key: string }) => i.key === 'suggestion').count as number;
    const [leadBefore, cosignerBefore] = [await suggestionCount('deputy'), await suggestionCount('deputy2')];
    expect((await ok('deputy', 'submit')).state).toBe('submitted');
    expect(await suggestionCount('deputy')).toBe(leadBefore + 1);
    expect(await suggestionCount('deputy2')).toBe(cosignerBefore + 1);
  });

  it('carries attachments (a research report) that only those who see the item may list and download', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const { payload, headers } = await multipart({ ownerEntity: 'suggestion', ownerId: id }, [
      { name: 'file', fileName: '调研报告.pdf', data: pdf },
    ]);
    const upload = (who: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/attachments',
        payload,
        headers: { ...headers, 'x-csrf-token': as(who).token },
        cookies: as(who).cookies,
      });
    const saved = await upload('deputy');
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json()).toMatchObject({ fileName: '调研报告.pdf', mimeType: 'application/pdf', ownerEntity: 'suggestion', ownerId: id });
    const list = (who: string) => as(who).request('GET', `/api/attachments?ownerEntity=suggestion&ownerId=${id}`);
    expect((await list('staff')).json().items.map((a: { fileName: string }) => a.fileName)).toEqual(['调研报告.pdf']);
    const download = await as('staff').request('GET', `/api/attachments/${saved.json().id}/download`);
    expect(Buffer.compare(download.rawPayload, pdf)).toBe(0);
    // Another county's staff and a unit it was not assigned to neither see nor add to it.
    expect((await list('xzstaff')).statusCode).toBe(404);
    expect((await upload('unit')).statusCode).toBe(404);
    expect((await as('xzstaff').request('GET', `/api/attachments/${saved.json().id}/download`)).statusCode).toBe(404);
  });

  it('is returned with a reason, edited (the co-signer confirms again) and accepted with a session number', async () => {
    const returned = await ok('staff', 'return', { reason: '建议内容不够具体，请补充拟解决的小区范围' });
    expect(returned).toMatchObject({ state: 'returned', returnReason: '建议内容不够具体，请补充拟解决的小区范围' });
    const edited = await as('deputy').request(
      'PUT',
      `/api/suggestions/${id}`,
      draft({ content: `${draft().content as string}重点是南湖区、秀洲区的老旧小区。` }),
    );
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().cosigners[0].confirmedAt).toBeNull();
    expect((await act('deputy', 'submit')).json().error.code).toBe('COSIGNERS_PENDING');
    await ok('deputy2', 'confirmCosign');
    await ok('deputy', 'submit');

    // A suggestion is accepted, not registered: 立案 is for motions.
    const wrong = await act('staff', 'register');
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().error.message).toBe('“议案立案”不适用于此类件');
    const accepted = await ok('staff', 'accept');
    expect(accepted).toMatchObject({
      state: 'accepted',
      number: 1,
      numberLabel: '九届四次会议第1号',
      sessionName: '嘉兴市第九届人民代表大会第四次会议',
    });
    // The number names its session wherever it is shown: the deputy's notice, the list.
    const notices = (await as('deputy').request('GET', '/api/notifications')).json().items as { body: string }[];
    expect(notices.map((n) => n.body)).toContain('《关于加快老旧小区加装电梯的建议》已受理，编号九届四次会议第1号');
    const listed = (await as('staff').request('GET', '/api/suggestions?q=加装电梯')).json().items;
    expect(listed.find((i: { id: string }) => i.id === id).numberLabel).toBe('九届四次会议第1号');
    // The chairpersons' meeting picks it as a key suggestion: a government leader leads, a congress leader supervises.
    // 督办 is a congress leader's account of the item's own congress (the candidates offered), not free text.
    const candidates = await as('staff').request('GET', `/api/suggestions/supervisor-candidates?bodyId=${c.city.id}`);
    expect(candidates.statusCode, candidates.body).toBe(200);
    const leader = candidates.json().items.find((u: { name: string }) => u.name === '陈建国');
    expect(leader).toBeDefined();
    expect(candidates.json().items.every((u: { id: string }) => u.id !== as('staff').user.id)).toBe(true);
    const notLeader = await act('staff', 'markKey', { leadOfficial: '副市长 陈伟', supervisorUserId: as('staff').user.id });
    expect(notLeader.statusCode).toBe(400);
    expect(notLeader.json().error).toMatchObject({ code: 'SUPERVISOR_NOT_LEADER', message: '督办领导须为本级人大常委会在任领导' });
    const unread = async () => (await as('leader').request('GET', '/api/notifications/unread-count')).json().count as number;
    const before = await unread();
    const marked = await ok('staff', 'markKey', { leadOfficial: '副市长 陈伟', supervisorUserId: leader.id });
    expect(marked.isKey).toBe(true);
    expect(marked.key).toMatchObject({ leadOfficial: '副市长 陈伟', supervisor: '陈建国', supervisorUserId: leader.id });
    // The leader is told, and finds it under 我督办的; other leaders' and unsupervised items are not there.
    expect(await unread()).toBe(before + 1);
    const mine = (await as('leader').request('GET', '/api/suggestions?supervisedByMe=true&pageSize=100')).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toContain(id);
    expect(mine.items.every((i: { isKey: boolean }) => i.isKey)).toBe(true);
    expect((await as('staff').request('GET', '/api/suggestions?supervisedByMe=true')).json().total).toBe(0);
    // Only staff choose key suggestions; a leader may not list the candidates.
    expect((await as('leader').request('GET', `/api/suggestions/supervisor-candidates?bodyId=${c.city.id}`)).statusCode).toBe(403);
  });

  it('is assigned to a lead and a joint unit with their own deadlines and a Word assignment letter', async () => {
    clock.set(cst('2026-03-16T10:00:00'));
    const assigned = await ok('staff', 'assign', { leadUnitId: c.units.housing, jointUnitIds: [c.units.education] });
    expect(assigned.state).toBe('assigned');
    const lead = assigned.assignments.find((a: { role: string }) => a.role === 'lead');
    const joint = assigned.assignments.find((a: { role: string }) => a.role === 'joint');
    // 代表法: three months from assignment; the joint unit's opinion within one month; sign-for within 7 working days.
    expect(lead.dueAt).toBe(cst('2026-06-16T23:59:59.999').toISOString());
    expect(joint.dueAt).toBe(cst('2026-04-16T23:59:59.999').toISOString());
    expect(lead.signForDueAt).toBe(cst('2026-03-25T23:59:59.999').toISOString());

    const letter = await as('unit').request('GET', `/api/suggestions/${id}/assignments/${lead.id}/letter`);
    expect(letter.statusCode).toBe(200);
    expect(letter.headers['content-type']).toContain('wordprocessingml');
    const text = await docxText(letter.rawPayload);
    expect(text).toContain('代表建议交办函');
    expect(text).toContain('嘉兴市住房和城乡建设局：');
    expect(text).toContain('现交由你单位主办');
    expect(text).toContain('（九届四次会议第1号）');
    expect(text).toContain('会办单位：嘉兴市教育局');
    expect(text).toContain('2026年6月16日前办理完毕并书面答复代表');
    // A unit cannot read another unit's letter.
    expect((await as('unit2').request('GET', `/api/suggestions/${id}/assignments/${lead.id}/letter`)).statusCode).toBe(404);
  });

  it('lets a joint unit ask for reassignment; staff move it to another unit; the lead signs for it', async () => {
    const req = await ok('unit2', 'requestReassignment', { reason: '加装电梯不属于教育部门职责，建议改由民政局会办' });
    expect(req.state).toBe('reassignment_requested');
    const blocked = await act('unit', 'signFor');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.message).toBe('当前状态（申请调整）下，主办单位不能执行“签收”');

    const withRequest = await as('staff').request('GET', `/api/suggestions/${id}`);
    const requested = withRequest.json().assignments.find((a: { state: string }) => a.state === 'reassignment_requested');
    const decided = await ok('staff', 'decideReassignment', { assignmentId: requested.id, approve: true, newUnitId: c.units.civil });
    expect(decided.state).toBe('assigned');
    expect(
      decided.assignments
        .filter((a: { state: string }) => a.state !== 'withdrawn')
        .map((a: { unitName: string }) => a.unitName)
        .sort(),
    ).toEqual(['嘉兴市民政局', '嘉兴市住房和城乡建设局'].sort());
    // The withdrawn unit no longer sees the item.
    expect((await as('unit2').request('GET', `/api/suggestions/${id}`)).statusCode).toBe(404);

    expect((await ok('unit', 'signFor')).state).toBe('handling');
    expect((await ok('unit3', 'signFor')).state).toBe('handling');

    // Each unit's inbox lists its own part with its own deadline: the lead's three months, the new joint unit's one month.
    const inbox = async (who: string, query = '') => {
      const res = await as(who).request('GET', `/api/suggestions/assigned${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.find((i: { id: string }) => i.id === id)?.assignment;
    };
    expect(await inbox('unit')).toMatchObject({
      role: 'lead',
      state: 'signed_for',
      dueAt: cst('2026-06-16T23:59:59.999').toISOString(),
      overdue: false,
    });
    expect(await inbox('unit3', '?pending=true')).toMatchObject({ role: 'joint', state: 'signed_for' });
    expect(await inbox('unit3', '?role=lead')).toBeUndefined();
    expect(await inbox('unit2')).toBeUndefined();
  });

  it('needs the joint opinion before the lead replies; records 三个面对面; staff review the reply before release', async () => {
    await ok('unit', 'contact', {
      stage: 'before',
      method: 'face_to_face',
      contactedOn: '2026-03-20',
      summary: '登门听取张秀英代表对加装电梯的具体意见',
    });
    const early = await act('unit', 'reply', reply('B'));
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe('尚有会办单位未提交会办意见：嘉兴市民政局');
    // Only the lead answers the deputy.
    expect((await act('unit3', 'reply', reply('B'))).statusCode).toBe(403);
    await ok('unit3', 'jointOpinion', { content: '民政局将把符合条件的老年人家庭纳入加装电梯补助优先范围。' });

    clock.set(cst('2026-05-20T10:00:00'));
    const replied = await ok('unit', 'reply', reply('B'));
    expect(replied.state).toBe('replied');
    // The deputy does not see an unreleased reply.
    expect((await as('deputy').request('GET', `/api/suggestions/${id}`)).json().replies).toEqual([]);
    const rejected = await ok('staff', 'rejectReply', { reason: '答复未说明补助标准，请补充后重新答复' });
    expect(rejected.state).toBe('handling');
    await ok('unit', 'reply', reply('B'));
    const released = await ok('staff', 'release');
    expect(released).toMatchObject({ state: 'reply_released', replyCategory: 'B' });

    const detail = (await as('deputy').request('GET', `/api/suggestions/${id}`)).json();
    expect(detail.replies).toHaveLength(1);
    const letter = await as('deputy').request('GET', `/api/suggestions/${id}/replies/${detail.replies[0].id}/letter`);
    const text = await docxText(letter.rawPayload);
    expect(text).toMatch(/^B类/);
    expect(text).toContain('关于九届四次会议第1号建议的答复');
    // 联名: one letter names the lead deputy and the confirmed co-signer (the default of a body).
    expect(text).toContain('张秀英、王建华代表：');
    expect(text).toContain('你们提出的《关于加快老旧小区加装电梯的建议》收悉');
    expect(text).toContain('办理结果类别：B类（正在解决或列入计划解决）');
    // 主办单位汇总会办意见后统一答复: the joint unit's opinion goes with the letter.
    expect(text).toContain('会办单位意见：\n嘉兴市民政局：\n民政局将把符合条件的老年人家庭纳入加装电梯补助优先范围。');
  });

  it('is published without personal data once the reply is released', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/public/suggestions' });
    expect(list.statusCode).toBe(200);
    const item = list.json().items.find((i: { id: string }) => i.id === id);
    expect(item).toMatchObject({
      title: '关于加快老旧小区加装电梯的建议',
      leadDeputyName: '张秀英',
      unitName: '嘉兴市住房和城乡建设局',
      replyCategory: 'B',
    });
    expect(item.content).toContain('[手机号已隐去]');
    expect(JSON.stringify(item)).not.toContain('13905731234');
    expect(JSON.stringify(item)).not.toContain('0573-82721592');
    // Co-signers by name only; the reply's contact person and phone are not public.
    expect(item).toMatchObject({ field: 'urban', cosignerNames: ['王建华'] });
    expect(item).not.toHaveProperty('contactPerson');
    expect(item).not.toHaveProperty('contactPhone');

    // The portal filters by session, field and category; the session filter offers sessions with published items.
    const get = async (query: string) => (await t.app.inject({ method: 'GET', url: `/api/public/suggestions?${query}` })).json();
    const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id);
    expect(ids(await get(`sessionId=${sessionId}`))).toEqual([id]);
    expect(ids(await get(`sessionId=${sessionId}&field=urban&replyCategory=B`))).toEqual([id]);
    expect((await get(`sessionId=${sessionId}&field=education`)).total).toBe(0);
    expect((await get(`sessionId=${sessionId}&replyCategory=A`)).total).toBe(0);
    expect((await get(`sessionId=${sessionId}&field=urban`)).total).toBe(1);
    const sessions = await t.app.inject({ method: 'GET', url: '/api/public/suggestion-sessions' });
    expect(sessions.statusCode).toBe(200);
    expect(sessions.json().items).toContainEqual({
      id: sessionId,
      name: '嘉兴市第九届人民代表大会第四次会议',
      bodyName: '嘉兴市人大常委会',
    });
    const one = await t.app.inject({ method: 'GET', url: `/api/public/suggestions/${id}` });
    expect(one.json()).toMatchObject({ id, reply: expect.stringContaining('[电话已隐去]') });
  });

  it('reopens for re-handling with a one-month deadline when the deputy is dissatisfied, then closes', async () => {
    clock.set(cst('2026-05-25T10:00:00'));
    // A co-signer does not rate; the lead deputy does.
    expect((await act('deputy2', 'rate', { rating: 'satisfied' })).statusCode).toBe(403);
    const reopened = await ok('deputy', 'rate', { rating: 'dissatisfied', comment: '补助标准仍不明确' });
    expect(reopened).toMatchObject({ state: 'rehandling', round: 2, rating: 'dissatisfied' });
    expect(reopened.dueAt).toBe(cst('2026-06-25T23:59:59.999').toISOString());
    expect(reopened.timeline.map((e: { action: string }) => e.action).slice(-2)).toEqual(['rate', 'reopen']);

    clock.set(cst('2026-06-10T10:00:00'));
    await ok('unit', 'contact', {
      stage: 'after',
      method: 'site_visit',
      contactedOn: '2026-06-08',
      summary: '陪同代表察看已完成加装电梯的小区',
      deputyView: '认可',
    });
    await ok('unit', 'reply', reply('A'));
    await ok('staff', 'release');
    expect((await ok('deputy', 'rate', { rating: 'satisfied' })).state).toBe('rated');
    const closed = await ok('staff', 'close');
    expect(closed.state).toBe('closed');
    expect(closed.contacts.map((x: { stage: string }) => x.stage)).toEqual(['before', 'after']);
  });

  it('appears in the performance files of the lead deputy and the co-signer, with how it was handled', async () => {
    const item = (await as('staff').request('GET', `/api/suggestions/${id}`)).json();
    const year = new Date(item.submittedAt).getFullYear();
    const rowOf = async (who: string) => {
      const file = (await as(who).request('GET', `/api/me/performance?from=${year}-01-01&to=${year}-12-31`)).json();
      const section = file.sections.find((x: { key: string }) => x.key === 'suggestions');
      expect(section.header).toEqual(['编号', '类别', '标题', '身份', '主办单位', '状态', '办理结果类别', '代表测评']);
      return section.rows.find((r: string[]) => r[0] === `九届四次会议第${item.number}号` && r[2] === item.title) as string[];
    };
    expect(await rowOf('deputy')).toEqual([
      `九届四次会议第${item.number}号`,
      '建议',
      item.title,
      '领衔',
      '嘉兴市住房和城乡建设局',
      '已办结',
      'A 类（已解决或基本解决）',
      '满意',
    ]);
    expect((await rowOf('deputy2'))[3]).toBe('联名');
  });

  it('counts on the public cards (代表码) of the lead deputy and the co-signer, linked to the portal', async () => {
    const card = async (deputyId: string) => {
      const [d] = await t.db.select({ publicCode: deputies.publicCode }).from(deputies).where(eq(deputies.id, deputyId));
      const res = await t.app.inject({ method: 'GET', url: `/api/public/deputies/${d!.publicCode}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const [lead, cosigner] = [await card(c.deputyIds.lead), await card(c.deputyIds.cosigner)];
    // Only this file's suggestions exist in its session; the lead deputy led this one, the co-signer co-signed it.
    expect(lead.thisYear.suggestionsLed).toBeGreaterThanOrEqual(1);
    expect(cosigner.thisYear.suggestionsCosigned).toBeGreaterThanOrEqual(1);
    for (const x of [lead, cosigner]) {
      expect(x.thisYear.suggestionsAnswered).toBeGreaterThanOrEqual(1);
      expect(x.thisYear.suggestionsAnswered).toBeLessThanOrEqual(x.thisYear.suggestionsLed + x.thisYear.suggestionsCosigned);
      expect(x.publishedSuggestions).toContainEqual({ title: '关于加快老旧小区加装电梯的建议', url: `/m/suggestions?id=${id}` });
      expect(x.publishedSuggestions.length).toBeLessThanOrEqual(5);
    }
    // The card's figures match the deputy's own performance file for the same year.
    const year = lead.thisYear.year;
    const file = (await as('deputy').request('GET', `/api/me/performance?from=${year}-01-01&to=${year}-12-31`)).json();
    const rows = file.sections.find((x: { key: string }) => x.key === 'suggestions').rows as string[][];
    expect(lead.thisYear.suggestionsLed).toBe(rows.filter((r) => r[3] === '领衔').length);
    expect(lead.thisYear.suggestionsCosigned).toBe(rows.filter((r) => r[3] === '联名').length);
    // The deputy with no suggestion counts none and lists none.
    const other = await card(c.deputyIds.other);
    expect(other.thisYear).toMatchObject({ suggestionsLed: 0, suggestionsCosigned: 0, suggestionsAnswered: 0 });
    expect(other.publishedSuggestions).toEqual([]);
  });

  it('counts it in the rates of the body, the session and the lead unit', async () => {
    const res = await as('leader').request('GET', `/api/suggestions/rates?sessionId=${sessionId}`);
    expect(res.statusCode).toBe(200);
    const { overall, byUnit } = res.json();
    expect(overall).toMatchObject({
      total: 1,
      assigned: 1,
      replied: 1,
      closed: 1,
      categoryA: 1,
      replyRate: 1,
      closureRate: 1,
      solvedRate: 1,
      satisfactionRate: 1,
    });
    expect(byUnit).toEqual([expect.objectContaining({ unitName: '嘉兴市住房和城乡建设局', replied: 1, onTimeRate: 1 })]);
  });

  it('keeps the whole trail and shows nothing to another body', async () => {
    const detail = (await as('staff').request('GET', `/api/suggestions/${id}`)).json();
    expect(detail.timeline.map((e: { label: string }) => e.label)).toEqual([
      '起草',
      '确认联名',
      '提交',
      '退回代表',
      '修改草稿',
      '确认联名',
      '提交',
      '受理',
      '列为重点建议',
      '交办',
      '申请调整承办单位',
      '审定调整申请',
      '签收',
      '签收',
      '记录联系代表（三个面对面）',
      '提交会办意见',
      '答复代表',
      '退回答复重办',
      '答复代表',
      '审核发出答复',
      '满意度测评',
      '重新办理',
      '记录联系代表（三个面对面）',
      '答复代表',
      '审核发出答复',
      '满意度测评',
      '办结',
    ]);
    expect((await as('xzstaff').request('GET', `/api/suggestions/${id}`)).statusCode).toBe(404);
    const list = await as('xzstaff').request('GET', '/api/suggestions');
    expect(list.json().total).toBe(0);
  });

  it('records the key suggestion’s 四方会审 and 双评 (领办 and 督办 were set at acceptance)', async () => {
    await ok('leader', 'keyReview', {
      heldOn: '2026-06-20',
      place: '市人大常委会第一会议室',
      deputySide: '张秀英代表',
      unitSide: '市住房和城乡建设局',
      governmentSide: '市政府办公室',
      congressSide: '市人大常委会代表工委',
      conclusion: '加装电梯补助标准明确，年内完成五十台。',
    });
    await ok('deputy', 'keyComment', { comment: '办理态度好，问题基本解决。' });
    const voted = await ok('staff', 'keyVote', { satisfied: 40, basicallySatisfied: 5, dissatisfied: 1, votedOn: '2026-06-28' });
    expect(voted.key).toMatchObject({
      leadOfficial: '副市长 陈伟',
      supervisor: '陈建国',
      deputyComment: '办理态度好，问题基本解决。',
      vote: { satisfied: 40, basicallySatisfied: 5, dissatisfied: 1 },
    });
    expect(voted.key.reviews).toHaveLength(1);
  });

  it('lists, filters and exports for staff', async () => {
    const list = await as('staff').request('GET', `/api/suggestions?isKey=true&state=closed&sessionId=${sessionId}`);
    expect(list.json().items.map((i: { title: string }) => i.title)).toEqual(['关于加快老旧小区加装电梯的建议']);
    expect((await as('staff').request('GET', `/api/suggestions?state=handling&sessionId=${sessionId}`)).json().total).toBe(0);
    // Pages are newest first, do not overlap, and add up to the total (the list fetches a page's ids first).
    const page = async (query: string) => (await as('staff').request('GET', `/api/suggestions?pageSize=7&${query}`)).json();
    const [first, second] = [await page('page=1'), await page('page=2')];
    const dates = [...first.items, ...second.items].map((i: { updatedAt: string }) => i.updatedAt);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(new Set([...first.items, ...second.items].map((i: { id: string }) => i.id)).size).toBe(14);
    expect(first.total).toBeGreaterThan(14);
    // A keyword matches the title or the lead deputy's name, inside one session as across all of them.
    const byDeputy = await page(`q=${encodeURIComponent('张秀英')}&sessionId=${sessionId}`);
    expect(byDeputy.total).toBeGreaterThan(0);
    expect(byDeputy.items.every((i: { leadDeputyName: string }) => i.leadDeputyName === '张秀英')).toBe(true);
    expect((await page(`q=${encodeURIComponent('加装电梯')}`)).items.map((i: { title: string }) => i.title)).toContain(
      '关于加快老旧小区加装电梯的建议',
    );
    // What a user types is searched for as is: a % is not a wildcard.
    expect((await page('q=%25')).total).toBe(0);
    const xlsx = await as('staff').request('GET', '/api/suggestions/export?isKey=true');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });
});

describe('merging (并案)', () => {
  it('links a duplicate and the accepted item it goes into, each to the other', async () => {
    const [deputy, staff] = [c.as.deputy!, c.as.staff!];
    const submit = async (title: string) => {
      const res = await deputy.request('POST', '/api/suggestions', {
        // Between sessions: numbered apart from the session's items counted below.
        ...draft({ cosignerIds: [], period: 'between_sessions', sessionId: undefined }),
        title,
      });
      expect(res.statusCode, res.body).toBe(201);
      expect((await deputy.request('POST', `/api/suggestions/${res.json().id}/actions/submit`, {})).statusCode).toBe(200);
      return res.json().id as string;
    };
    const target = await submit('关于加快推进城区雨污分流改造的建议');
    const duplicate = await submit('关于解决老城区雨天污水外溢问题的建议');
    const early = await staff.request('POST', `/api/suggestions/${duplicate}/actions/merge`, { targetId: target });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toBe('只能并入本机关已受理的建议');
    const accepted = await staff.request('POST', `/api/suggestions/${target}/actions/accept`, {});
    expect(accepted.statusCode).toBe(200);
    // Between sessions the number names the year instead of a session.
    expect(accepted.json().numberLabel).toMatch(/^2026年闭会期间第\d+号$/);
    const merged = await staff.request('POST', `/api/suggestions/${duplicate}/actions/merge`, { targetId: target, reason: '反映同一问题' });
    expect(merged.json()).toMatchObject({ state: 'merged', mergedIntoId: target, mergedItems: [] });
    // The merged item with its deputies (the lead here; confirmed co-signers too), which staff and the deputy may open.
    const into = { id: duplicate, title: '关于解决老城区雨天污水外溢问题的建议', deputies: ['张秀英'], visible: true };
    expect((await staff.request('GET', `/api/suggestions/${target}`)).json().mergedItems).toEqual([into]);
    expect((await deputy.request('GET', `/api/suggestions/${target}`)).json().mergedItems).toEqual([into]);
  });
});

describe('merged items (并案) answered to every deputy', () => {
  it('releases the reply to each merged item’s own deputy, who rates it, and counts every item in the rates', async () => {
    const [staff, deputy, deputy2, unit, leader] = ['staff', 'deputy', 'deputy2', 'unit', 'leader'].map((n) => c.as[n]!) as [
      (typeof c.as)[string],
      (typeof c.as)[string],
      (typeof c.as)[string],
      (typeof c.as)[string],
      (typeof c.as)[string],
    ];
    const session = await staff.request('POST', '/api/suggestion-sessions', {
      bodyId: c.city.id,
      name: '嘉兴市第九届人民代表大会第五次会议',
      year: 2026,
      startsOn: '2026-02-25',
      endsOn: '2026-02-28',
    });
    expect(session.statusCode, session.body).toBe(201);
    const submit = async (who: typeof deputy, title: string) => {
      const res = await who.request('POST', '/api/suggestions', { ...draft({ cosignerIds: [] }), sessionId: session.json().id, title });
      expect(res.statusCode, res.body).toBe(201);
      expect((await who.request('POST', `/api/suggestions/${res.json().id}/actions/submit`, {})).statusCode).toBe(200);
      return res.json().id as string;
    };
    const act = async (who: typeof deputy, id: string, action: string, body: object = {}) => {
      const res = await who.request('POST', `/api/suggestions/${id}/actions/${action}`, body);
      expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
      return res.json();
    };
    const target = await submit(deputy, '关于加快城区停车泊位建设的建议');
    const fromDeputy2 = await submit(deputy2, '关于缓解老城区停车难的建议');
    await act(staff, target, 'accept');
    expect((await act(staff, fromDeputy2, 'merge', { targetId: target })).state).toBe('merged');
    await act(staff, target, 'assign', { leadUnitId: c.units.housing });
    await act(unit, target, 'signFor');
    await act(unit, target, 'reply', reply('B'));
    const released = await act(staff, target, 'release');
    expect(released.state).toBe('reply_released');

    // The merged item has the reply as its own, addressed to its own deputy, who is told and rates it.
    const mine = (await deputy2.request('GET', `/api/suggestions/${fromDeputy2}`)).json();
    expect(mine).toMatchObject({ state: 'reply_released', replyCategory: 'B', allowedActions: expect.arrayContaining(['rate']) });
    expect(mine.replies).toEqual([expect.objectContaining({ category: 'B', unitName: '嘉兴市住房和城乡建设局' })]);
    const letter = await deputy2.request('GET', `/api/suggestions/${fromDeputy2}/replies/${mine.replies[0].id}/letter`);
    expect(letter.statusCode, letter.body).toBe(200);
    expect(await docxText(letter.rawPayload)).toContain('王建华代表');
    const told = (await deputy2.request('GET', '/api/notifications')).json().items;
    expect(told.map((n: { body: string }) => n.body).join('\n')).toContain(
      '《关于缓解老城区停车难的建议》已与《关于加快城区停车泊位建设的建议》并案办理',
    );
    // Each deputy rates their own item only (another deputy's item is not even visible).
    expect((await deputy.request('POST', `/api/suggestions/${fromDeputy2}/actions/rate`, { rating: 'satisfied' })).statusCode).toBe(404);
    expect((await act(deputy2, fromDeputy2, 'rate', { rating: 'basically_satisfied' })).state).toBe('rated');
    await act(deputy, target, 'rate', { rating: 'satisfied' });

    const { overall, byUnit } = (await leader.request('GET', `/api/suggestions/rates?sessionId=${session.json().id}`)).json();
    expect(overall).toMatchObject({ total: 2, assigned: 2, replied: 2, repliedOnTime: 2, rated: 2, satisfiedOrBasically: 2 });
    expect(byUnit).toEqual([expect.objectContaining({ unitName: '嘉兴市住房和城乡建设局', replied: 2 })]);

    // A dissatisfied merged deputy: the item waits for the next reply of the item it went into, which
    // staff decide to re-handle; that reply reaches it again.
    const third = await submit(deputy2, '关于规范共享单车停放的建议');
    const other = await submit(deputy, '关于增设公共自行车站点的建议');
    await act(staff, other, 'accept');
    await act(staff, third, 'merge', { targetId: other });
    await act(staff, other, 'assign', { leadUnitId: c.units.housing });
    await act(unit, other, 'signFor');
    await act(unit, other, 'reply', reply('C'));
    await act(staff, other, 'release');
    expect((await act(deputy2, third, 'rate', { rating: 'dissatisfied', comment: '未说明站点数量' })).state).toBe('rehandling');
    await act(staff, other, 'reopen', { reason: '并案代表不满意，重新办理' });
    await act(unit, other, 'reply', reply('A'));
    await act(staff, other, 'release');
    const again = (await deputy2.request('GET', `/api/suggestions/${third}`)).json();
    expect(again).toMatchObject({ state: 'reply_released', round: 2, replyCategory: 'A' });
    expect(again.replies.map((r: { category: string }) => r.category)).toEqual(['C', 'A']);
  });
});

describe('motions', () => {
  /** Nine more deputies of the city congress who confirmed: with the lead deputy, the ten the law asks of a city. */
  async function confirmedCosigners(id: string, howMany: number) {
    const others = await t.db
      .select({ id: deputies.id })
      .from(deputies)
      .where(and(eq(deputies.bodyId, c.city.id), eq(deputies.status, 'in_office'), ne(deputies.id, c.deputyIds.lead)))
      .limit(howMany);
    expect(others).toHaveLength(howMany);
    await t.db.insert(suggestionCosigners).values(others.map((d) => ({ suggestionId: id, deputyId: d.id, confirmedAt: new Date() })));
  }

  it('need ten deputies at city level and the congress session; fewer are refused with the law’s reason', async () => {
    const deputy = c.as.deputy!;
    const few = await deputy.request('POST', '/api/suggestions', {
      ...draft({ cosignerIds: [] }),
      kind: 'motion',
      title: '关于制定《嘉兴市养犬管理条例》的议案',
    });
    await confirmedCosigners(few.json().id, 3);
    const refused = await deputy.request('POST', `/api/suggestions/${few.json().id}/actions/submit`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'MOTION_NOT_ELIGIBLE',
      message: '议案须由 10 名以上代表联名提出（含领衔代表，目前 4 名）；人数不足的可改为建议提出',
    });
    const between = await deputy.request('POST', '/api/suggestions', {
      ...draft({ cosignerIds: [], period: 'between_sessions', sessionId: undefined }),
      kind: 'motion',
      title: '关于修订《嘉兴市文明行为促进条例》的议案',
    });
    expect(between.statusCode, between.body).toBe(201);
    await confirmedCosigners(between.json().id, 9);
    const closedSession = await deputy.request('POST', `/api/suggestions/${between.json().id}/actions/submit`, {});
    expect(closedSession.json().error.message).toBe('议案须在人民代表大会会议期间提出；闭会期间请以建议形式提出');
  });

  it('are registered (立案) or turned into suggestions at review', async () => {
    const deputy = c.as.deputy!;
    const create = async (title: string) => {
      const res = await deputy.request('POST', '/api/suggestions', { ...draft({ cosignerIds: [] }), kind: 'motion', title });
      expect(res.statusCode, res.body).toBe(201);
      await confirmedCosigners(res.json().id, 9);
      const submitted = await deputy.request('POST', `/api/suggestions/${res.json().id}/actions/submit`, {});
      expect(submitted.statusCode, submitted.body).toBe(200);
      return res.json().id as string;
    };
    const a = await create('关于制定《嘉兴市电梯安全管理条例》的议案');
    const b = await create('关于加强城市内河水环境治理的议案');
    expect((await c.as.staff!.request('POST', `/api/suggestions/${a}/actions/accept`, {})).json().error.message).toBe(
      '“受理”不适用于此类件',
    );
    expect((await c.as.staff!.request('POST', `/api/suggestions/${a}/actions/register`, {})).json()).toMatchObject({
      kind: 'motion',
      state: 'accepted',
      number: 2,
    });
    expect((await c.as.staff!.request('POST', `/api/suggestions/${b}/actions/convert`, {})).json()).toMatchObject({
      kind: 'suggestion',
      state: 'accepted',
      number: 3,
    });
  });

  it.each([
    ['city', 'session', 10, null],
    ['city', 'session', 9, '议案须由 10 名以上代表联名提出（含领衔代表，目前 9 名）；人数不足的可改为建议提出'],
    ['county', 'session', 10, null],
    ['township', 'session', 5, null],
    ['township', 'session', 4, '议案须由 5 名以上代表联名提出（含领衔代表，目前 4 名）；人数不足的可改为建议提出'],
    ['city', 'between_sessions', 30, '议案须在人民代表大会会议期间提出；闭会期间请以建议形式提出'],
  ] as const)('a %s congress, %s, %i signers → %s', (level, period, signers, problem) => {
    expect(motionProblem(period, signers, level)).toBe(problem);
  });
});

function reply(category: 'A' | 'B' | 'C') {
  return {
    category,
    content: `关于老旧小区加装电梯，我局会同民政局制定了补助办法，每台补助二十万元，今年计划完成五十台。（${category}类答复）\n如有疑问请致电0573-82721592。`,
    signer: '沈建明',
    contactPerson: '刘明',
    contactPhone: '0573-82721592',
  };
}

describe('demo data', () => {
  it('holds the third session of the 9th city congress with items in every stage of handling', async () => {
    const sessions = (await c.as.staff!.request('GET', '/api/suggestion-sessions')).json().items;
    const third = sessions.find((s: { name: string }) => s.name === '嘉兴市第九届人民代表大会第三次会议');
    expect(third).toBeDefined();
    const demoOnly = <T extends { sessionName: string | null }>(items: T[]) =>
      items.filter((i) => i.sessionName === '嘉兴市第九届人民代表大会第三次会议' || i.sessionName === null);
    const all = (await c.as.staff!.request('GET', '/api/suggestions?pageSize=200')).json().items as {
      state: string;
      sessionName: string | null;
      leadUnitName: string | null;
    }[];
    const demo = demoOnly(all);
    expect(demo.length).toBeGreaterThanOrEqual(38);
    expect(new Set(demo.map((i) => i.state))).toEqual(
      new Set([
        'submitted',
        'returned',
        'merged',
        'accepted',
        'assigned',
        'handling',
        'replied',
        'reply_released',
        'rated',
        'rehandling',
        'closed',
      ]),
    );
    const rates = (await c.as.leader!.request('GET', `/api/suggestions/rates?sessionId=${third.id}`)).json().overall;
    expect(rates.replied).toBeGreaterThan(0);
    expect(rates.satisfactionRate).not.toBeNull();

    // A real year: answered by many units, not one; only a few overdue on the demo's December day.
    const answered = demo.filter((i) => ['reply_released', 'rated', 'rehandling', 'closed'].includes(i.state));
    expect(new Set(answered.map((i) => i.leadUnitName)).size).toBeGreaterThanOrEqual(8);
    expect(answered.filter((i) => i.leadUnitName === '嘉兴市住房和城乡建设局').length).toBeLessThan(answered.length / 2);
    clock.set(cst('2026-12-05T10:00:00'));
    const overdue = demoOnly((await c.as.staff!.request('GET', '/api/suggestions?overdue=true&pageSize=200')).json().items);
    expect(overdue.length / demo.length).toBeGreaterThanOrEqual(0.05);
    expect(overdue.length / demo.length).toBeLessThanOrEqual(0.1);
  });
});
