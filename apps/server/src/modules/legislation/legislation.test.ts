import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Draft, DraftComment, PublicDraft, VersionComparison, VersionText } from '@renda/shared';
import { auditEvents, notifications, outboxMessages, users } from '../../db/schema.js';
import { clock } from '../../platform/clock.js';
import { chinaDate } from '../../platform/deadlines.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { multipart } from '../../test/multipart.js';
import { DEMO_DRAFT_TEXT } from '../../seed/legislation.js';

let t: TestApp;
let staff: Awaited<ReturnType<TestApp['login']>>;
let member: Awaited<ReturnType<TestApp['login']>>;
let deputy: Awaited<ReturnType<TestApp['login']>>;
let draft: Draft;
let pointId: string;
const today = () => chinaDate(clock.now());
const day = (offset: number) => chinaDate(new Date(clock.now().getTime() + offset * 86_400_000));

const publicGet = (code: string) => t.app.inject({ method: 'GET', url: `/api/public/legislation/${code}` });
const publicPost = (code: string, payload: object) =>
  t.app.inject({ method: 'POST', url: `/api/public/legislation/${code}/comments`, payload, remoteAddress: '10.9.8.7' });

async function sheet(rows: (string | number | null)[][]) {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('联系点意见');
  ws.addRow(['条款', '意见内容*', '参与人数*', '收集日期*', '提出人']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function upload(as: typeof member, draftId: string, fields: Record<string, string>, file: Buffer) {
  const { payload, headers } = await multipart(fields, [{ name: 'file', fileName: '意见.xlsx', data: file }]);
  return t.app.inject({
    method: 'POST',
    url: `/api/legislation/drafts/${draftId}/offline-comments/import`,
    payload,
    cookies: as.cookies,
    headers: { ...headers, 'x-csrf-token': as.token },
  });
}

const act = (id: string, action: string, body: object = {}) =>
  staff.request('POST', `/api/legislation/drafts/${id}/actions/${action}`, body);
const actOnComment = (id: string, action: string, body: object = {}) =>
  staff.request('POST', `/api/legislation/comments/${id}/actions/${action}`, body);
const commentsOf = async (id: string, query = '') =>
  (await staff.request('GET', `/api/legislation/drafts/${id}/comments?pageSize=200${query}`)).json<{
    items: DraftComment[];
    total: number;
  }>();

beforeAll(async () => {
  t = await buildTestApp();
  staff = await t.login('staff');
  member = await t.login('xzstaff');
  deputy = await t.login('deputy');
});
afterAll(() => t.close());

describe('立法征求意见', () => {
  it('keeps contact points with members from the body or a body below, and refuses other accounts', async () => {
    const candidates = (await staff.request('GET', '/api/legislation/contact-points/candidates')).json<{
      items: { id: string; displayName: string }[];
    }>();
    const shen = candidates.items.find((c) => c.displayName === '沈佳琪')!;
    const created = await staff.request('POST', '/api/legislation/contact-points', {
      name: '秀洲区新城街道基层立法联系点',
      address: '秀洲区新城街道办事处',
      memberIds: [shen.id],
    });
    expect(created.statusCode).toBe(201);
    pointId = created.json<{ id: string }>().id;
    const [unitUser] = await t.db.select().from(users).where(eq(users.username, 'unit'));
    const wrong = await staff.request('POST', '/api/legislation/contact-points', {
      name: '某联系点',
      address: '某地',
      memberIds: [unitUser!.id],
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toBe('联系点工作人员须为本机关或下级机关的工作人员账号');
    expect((await deputy.request('GET', '/api/legislation/contact-points')).statusCode).toBe(403);
  });

  it('creates a draft from pasted text: articles by chapter, with the explanation and the contact points', async () => {
    const res = await staff.request('POST', '/api/legislation/drafts', {
      title: '嘉兴市河道保护条例（草案）（测试）',
      drafter: '嘉兴市水利局',
      commentFrom: day(-1),
      commentTo: day(29),
      contactPointIds: [pointId],
      version: { text: DEMO_DRAFT_TEXT, explanation: '起草说明：我市河网密布。', note: '征求意见稿' },
    });
    expect(res.statusCode).toBe(201);
    ({ draft } = res.json<{ draft: Draft; warnings: string[] }>());
    expect(res.json().warnings).toEqual([]);
    expect(draft).toMatchObject({ state: 'drafting', allowedActions: ['revise', 'openComment'], contactPoints: [{ id: pointId }] });
    expect(draft.versions).toMatchObject([{ number: 1, articleCount: 16, explanation: '起草说明：我市河网密布。' }]);
    const text = (await staff.request('GET', `/api/legislation/drafts/${draft.id}/text`)).json<VersionText>();
    expect(text.articles[10]).toMatchObject({ label: '第十一条', chapter: '第三章 保护与管理' });
    expect(text.articles[8]!.text.split('\n')).toHaveLength(6);
  });

  it('refuses the period in reverse and a text without articles', async () => {
    const reversed = await staff.request('POST', '/api/legislation/drafts', {
      title: '某条例',
      commentFrom: day(5),
      commentTo: day(1),
      version: { text: '第一条 为了……' },
    });
    expect(reversed.statusCode).toBe(400);
    const noArticles = await staff.request('POST', '/api/legislation/drafts', {
      title: '某条例',
      commentFrom: day(1),
      commentTo: day(5),
      version: { text: '这是一段说明。' },
    });
    expect(noArticles.json().error.code).toBe('LEGISLATION_NO_ARTICLES');
  });

  it('is not public while drafting; once open, anyone comments on the draft, an article or a passage, moderated first', async () => {
    expect((await publicGet(draft.publicCode)).statusCode).toBe(404);
    expect((await act(draft.id, 'openComment')).json()).toMatchObject({ state: 'open' });
    const page = (await publicGet(draft.publicCode)).json<PublicDraft>();
    expect(page).toMatchObject({ acceptingComments: true, closedReason: null, explanation: '起草说明：我市河网密布。' });
    const tenth = page.articles.find((a) => a.label === '第十条')!;
    const fourth = page.articles.find((a) => a.label === '第四条')!;
    const sent = [
      await publicPost(draft.publicCode, { content: '建议增加河道信息公开的规定，公布每条河的河长。' }),
      await publicPost(draft.publicCode, {
        articleId: tenth.id,
        quote: '落实保洁人员和保洁经费',
        content: '保洁经费由镇街承担压力太大，建议市、区财政给予补助。',
        name: '王建华',
        phone: '13905730001',
        notifyConsent: true,
      }),
      await publicPost(draft.publicCode, {
        articleId: fourth.id,
        content: '河道保洁经费应当由市财政统一保障，乡镇财力有限。',
        phone: '13905730002',
      }),
      await publicPost(draft.publicCode, { content: '广告：低价出售……' }),
    ];
    expect(sent.map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
    const wrongQuote = await publicPost(draft.publicCode, { articleId: fourth.id, quote: '拦河渔具', content: '这段文字不在第四条中。' });
    expect(wrongQuote.json().error.message).toBe('选中的文字不在第四条中，请重新选择');
    const consentWithoutPhone = await publicPost(draft.publicCode, { content: '同意接收短信却没有留手机号。', notifyConsent: true });
    expect(consentWithoutPhone.statusCode).toBe(400);
    // Nothing is shown before moderation.
    expect((await publicGet(draft.publicCode)).json<PublicDraft>().comments).toEqual([]);
  });

  it('moderates: a refusal needs its reason; approved comments appear publicly without name or phone', async () => {
    const { items } = await commentsOf(draft.id);
    expect(items.map((c) => c.state)).toEqual(['pending', 'pending', 'pending', 'pending']);
    const withPhone = items.find((c) => c.name === '王建华')!;
    expect(withPhone.phone).toBe('139****0001');
    const spam = items.find((c) => c.content.startsWith('广告'))!;
    const noReason = await actOnComment(spam.id, 'reject');
    expect(noReason.json().error).toMatchObject({ code: 'LEGISLATION_COMMENT_FIELDS_MISSING', message: '请填写不予公开的理由' });
    expect((await actOnComment(spam.id, 'reject', { reason: '与草案内容无关' })).json()).toMatchObject({ state: 'rejected' });
    for (const c of items.filter((x) => x.id !== spam.id))
      expect((await actOnComment(c.id, 'approve')).json()).toMatchObject({ state: 'approved', allowedActions: ['mark'] });
    const page = (await publicGet(draft.publicCode)).json<PublicDraft>();
    expect(page.comments).toHaveLength(3);
    expect(JSON.stringify(page)).not.toContain('王建华');
    expect(JSON.stringify(page)).not.toContain('13905730001');
    expect(page.articles.find((a) => a.label === '第十条')!.comments).toBe(1);
  });

  it('a contact point’s member imports comments from Excel: every wrong row reported in Chinese and nothing written, then all rows', async () => {
    const mine = (await member.request('GET', '/api/legislation/my/contact-points')).json<{
      items: { id: string; drafts: { id: string }[] }[];
    }>();
    expect(mine.items.find((p) => p.id === pointId)!.drafts.map((d) => d.id)).toContain(draft.id);
    const bad = await upload(
      member,
      draft.id,
      { contactPointId: pointId },
      await sheet([
        ['第十条', '河道保洁经费应当由市、区财政统一保障，避免乡镇经费不足。', 12, today(), '座谈会'],
        ['第九十九条', '建议……', 3, today(), null],
        ['第五条', null, 'x', '2026年13月1日', null],
        ['', '条例整体赞成，建议尽快出台。', 20, day(-5), null],
      ]),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.errors.map((e: { message: string }) => e.message)).toEqual([
      '第 4 行：意见内容未填写；参与人数应为 1 至 10000 的整数；收集日期“2026年13月1日”格式不正确，应如 2026-05-01',
    ]);
    // The row-level check above stops first; the draft-level one (the article, the period) comes next.
    const second = await upload(
      member,
      draft.id,
      { contactPointId: pointId },
      await sheet([
        ['第十条', '河道保洁经费应当由市、区财政统一保障，避免乡镇经费不足。', 12, today(), '座谈会'],
        ['第九十九条', '建议明确罚则。', 3, today(), null],
        ['', '条例整体赞成，建议尽快出台。', 20, day(-5), null],
      ]),
    );
    expect(second.json().error.details.errors.map((e: { message: string }) => e.message)).toEqual([
      '第 3 行：现行草案中没有第 99 条',
      `第 4 行：收集日期应在征求意见期间（${day(-1)} 至 ${day(29)}）内`,
    ]);
    expect((await commentsOf(draft.id, '&source=contact_point')).total).toBe(0);
    const good = await upload(
      member,
      draft.id,
      { contactPointId: pointId },
      await sheet([
        ['第十条', '河道保洁经费应当由市、区财政统一保障，避免乡镇经费不足。', 12, today(), '座谈会'],
        ['第十三条', '罚款下限偏低，屡次倾倒的应加重处罚。', 3, today(), null],
        ['', '条例整体赞成，建议尽快出台。', 20, today(), null],
      ]),
    );
    expect(good.statusCode).toBe(201);
    expect(good.json()).toEqual({ imported: 3, participants: 35, errors: [] });
    const single = await member.request('POST', `/api/legislation/drafts/${draft.id}/offline-comments`, {
      contactPointId: pointId,
      articleNumber: 5,
      content: '建议明确民间河长的地位。',
      participants: 4,
      gatheredOn: today(),
    });
    expect(single.statusCode).toBe(201);
    expect(single.json()).toMatchObject({
      articleLabel: '第五条',
      participants: 4,
      state: 'approved',
      contactPointName: '秀洲区新城街道基层立法联系点',
    });
    const demoPoint = (await staff.request('GET', '/api/legislation/contact-points'))
      .json<{ items: { id: string; name: string }[] }>()
      .items.find((p) => p.name === '嘉善县律师协会基层立法联系点')!;
    const notTakingPart = await staff.request('POST', `/api/legislation/drafts/${draft.id}/offline-comments`, {
      contactPointId: demoPoint.id,
      content: '某意见内容。',
      participants: 1,
      gatheredOn: today(),
    });
    expect(notTakingPart.json().error.message).toBe('该联系点未参与本草案的征求意见');
  });

  it('shows staff the comments per article (heat) and groups similar ones', async () => {
    const text = (await staff.request('GET', `/api/legislation/drafts/${draft.id}/text`)).json<VersionText>();
    expect(text.articles.find((a) => a.label === '第十条')).toMatchObject({ comments: 2, participants: 13 });
    expect(text.wholeDraft).toEqual({ comments: 2, participants: 21 });
    const { groups } = (await staff.request('GET', `/api/legislation/drafts/${draft.id}/comment-groups`)).json<{
      groups: { articleLabel: string | null; comments: { content: string }[] }[];
    }>();
    expect(groups.find((g) => g.articleLabel === '第十条')!.comments).toHaveLength(2);
  });

  it('marks each comment, summarises only when all are marked, tells the adopted contributors, and writes the report', async () => {
    expect((await act(draft.id, 'summarise')).statusCode).toBe(409);
    expect((await act(draft.id, 'closeComment')).json()).toMatchObject({ state: 'closed' });
    const late = await publicPost(draft.publicCode, { content: '截止后提交的意见。' });
    expect(late.json().error).toMatchObject({ code: 'LEGISLATION_NOT_OPEN', message: `征求意见已于 ${day(29)} 截止，感谢您的关注` });
    const unmarked = await act(draft.id, 'summarise');
    expect(unmarked.json().error.message).toBe('还有 7 条意见未标注处理情况，请先标注');
    const { items } = await commentsOf(draft.id, '&state=approved');
    const missing = await actOnComment(items[0]!.id, 'mark', { adoption: 'adopted' });
    expect(missing.json().error.message).toBe('请填写理由');
    for (const c of items) {
      const adoption = c.name === '王建华' || c.contactPointId ? 'adopted' : c.articleLabel === '第四条' ? 'partly' : 'not_adopted';
      expect(
        (await actOnComment(c.id, 'mark', { adoption, reason: '经研究，' + (adoption === 'not_adopted' ? '已有规定' : '已修改') }))
          .statusCode,
      ).toBe(200);
    }
    expect((await act(draft.id, 'summarise')).json()).toMatchObject({ state: 'summarised', counts: { unmarked: 0, pending: 0 } });
    const sms = await t.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, '13905730001'));
    expect(sms.map((m) => m.body)).toEqual(['您对《嘉兴市河道保护条例（草案）（测试）》提出的意见已被采纳，感谢您参与立法。']);
    // Partly adopted, but no consent to SMS: not told.
    expect(await t.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, '13905730002'))).toEqual([]);
    const told = await t.db.select().from(notifications).where(eq(notifications.userId, member.user.id));
    expect(told.map((n) => n.body)).toContain(
      '本联系点对《嘉兴市河道保护条例（草案）（测试）》提出的 4 条意见被采纳或部分采纳，详见征求意见情况汇总报告。',
    );
    const afterwards = await actOnComment(items[0]!.id, 'mark', { adoption: 'not_adopted', reason: '改主意' });
    expect(afterwards.json().error.code).toBe('LEGISLATION_SUMMARISED');

    const report = await staff.request('GET', `/api/legislation/drafts/${draft.id}/report.docx`);
    expect(report.headers['content-type']).toContain('wordprocessingml');
    const xml = await (await JSZip.loadAsync(report.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('关于《嘉兴市河道保护条例（草案）（测试）》征求意见情况的汇总报告');
    expect(xml).toContain('共收到意见 7 条，涉及 42 人次');
    expect(xml).toContain('采纳 5 条，部分采纳 1 条，未采纳 1 条');
    expect(xml).toContain('针对“落实保洁人员和保洁经费”');
    expect(xml).not.toContain('王建华');
    expect(xml).not.toContain('广告');
  });

  it('keeps versions and compares them article by article', async () => {
    const revised = DEMO_DRAFT_TEXT.replace('落实保洁人员和保洁经费', '落实保洁人员，保洁经费由市、县（市、区）财政给予补助');
    const res = await act(draft.id, 'revise', { text: revised, note: '根据征求意见修改' });
    expect(res.json().versions.map((v: { number: number }) => v.number)).toEqual([1, 2]);
    const [v1, v2] = res.json<Draft>().versions;
    const cmp = (
      await staff.request('GET', `/api/legislation/drafts/${draft.id}/compare?from=${v1!.id}&to=${v2!.id}`)
    ).json<VersionComparison>();
    expect(cmp.rows.filter((r) => r.change !== 'same').map((r) => [r.change, r.new?.label])).toEqual([['changed', '第十条']]);
    expect(
      cmp.rows
        .find((r) => r.change === 'changed')!
        .parts.filter((p) => p.added)
        .map((p) => p.value)
        .join(''),
    ).toContain('财政给予补助');
    // Comments stay with the version they were made on.
    expect(
      (await staff.request('GET', `/api/legislation/drafts/${draft.id}/text?versionId=${v2!.id}`)).json<VersionText>().articles[9]!
        .comments,
    ).toBe(0);
  });

  it('refuses comments before the period starts, in Chinese, and lists, filters, sorts and exports drafts', async () => {
    const future = (
      await staff.request('POST', '/api/legislation/drafts', {
        title: '嘉兴市养犬管理条例（草案）',
        commentFrom: day(10),
        commentTo: day(40),
        version: {
          articles: [
            { number: 1, text: '为了规范养犬行为，制定本条例。' },
            { number: 2, text: '本条例自公布之日起施行。' },
          ],
        },
      })
    ).json<{ draft: Draft }>().draft;
    await act(future.id, 'openComment');
    const early = await publicPost(future.publicCode, { content: '提前提交的意见内容。' });
    expect(early.json().error.message).toBe(`征求意见将于 ${day(10)} 开始，请届时再提交`);
    const list = (await staff.request('GET', '/api/legislation/drafts?state=open&sort=commentTo&order=desc')).json<{ items: Draft[] }>();
    expect(list.items.map((d) => d.title)).toEqual(['嘉兴市养犬管理条例（草案）', '嘉兴市河道保护条例（草案）']);
    const exported = await staff.request('GET', '/api/legislation/drafts/export.xlsx?keyword=河道');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.rowCount).toBe(3);
    expect((await deputy.request('GET', '/api/legislation/drafts')).statusCode).toBe(403);
  });
});

describe('staff edit a draft’s particulars before publishing it', () => {
  it('changes title, drafter, period and contact points while drafting (audited); once open only the end moves; closed, nothing', async () => {
    const created = (
      await staff.request('POST', '/api/legislation/drafts', {
        title: '嘉兴市物业管理条例（草案征求意见稿）',
        commentFrom: day(1),
        commentTo: day(20),
        version: { articles: [{ number: 1, text: '为了规范物业管理活动，制定本条例。' }] },
      })
    ).json<{ draft: Draft }>().draft;
    const edit = (body: object) => staff.request('PUT', `/api/legislation/drafts/${created.id}`, body);
    const fields = { title: '嘉兴市物业管理条例（草案）', drafter: '嘉兴市住房和城乡建设局', commentFrom: today(), commentTo: day(30) };
    const edited = await edit({ ...fields, contactPointIds: [pointId] });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<Draft>()).toMatchObject({ ...fields, state: 'drafting', contactPoints: [{ id: pointId }] });
    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, created.id), eq(auditEvents.action, 'update')));
    expect(audit!.before).toMatchObject({ title: '嘉兴市物业管理条例（草案征求意见稿）' });
    const backwards = await edit({ ...fields, commentTo: day(-1) });
    expect(backwards.json().error.message).toBe('提交的内容有误：征求意见截止日期不能早于开始日期');

    await act(created.id, 'openComment');
    const moveStart = await edit({ ...fields, commentFrom: day(1) });
    expect(moveStart.json().error).toMatchObject({ code: 'LEGISLATION_PERIOD_FIXED', message: '征求意见开始后只能延长截止日期' });
    expect((await edit({ ...fields, commentTo: day(45) })).json<Draft>().commentTo).toBe(day(45));

    await act(created.id, 'closeComment');
    const locked = await edit(fields);
    expect(locked.json().error).toMatchObject({ code: 'LEGISLATION_DRAFT_LOCKED', message: '征求意见结束后不能再修改草案信息' });
  });
});
