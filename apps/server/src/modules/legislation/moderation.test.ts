import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Draft, DraftComment, PublicDraft } from '@renda/shared';
import { auditEvents } from '../../db/schema.js';
import { clock } from '../../platform/clock.js';
import { chinaDate } from '../../platform/deadlines.js';
import { buildTestApp, type TestApp } from '../../test/app.js';

/** 批量审核: the public's comments on a draft approved or refused many at a time. */

let t: TestApp;
let staff: Session;
let xzstaff: Session;
let leader: Session;
let deputy: Session;
type Session = Awaited<ReturnType<TestApp['login']>>;
let ip = 0;
const day = (offset: number) => chinaDate(new Date(clock.now().getTime() + offset * 86_400_000));

/** A draft of the session's body, open for comment, with `count` public comments waiting for moderation. */
async function openDraft(as: Session, title: string, count: number) {
  const created = await as.request('POST', '/api/legislation/drafts', {
    title,
    commentFrom: day(-1),
    commentTo: day(20),
    version: { text: '第一条 为了保护河道，制定本条例。\n第二条 本条例适用于本市行政区域内的河道。' },
  });
  expect(created.statusCode, created.body).toBe(201);
  const { draft } = created.json<{ draft: Draft }>();
  expect((await as.request('POST', `/api/legislation/drafts/${draft.id}/actions/openComment`, {})).statusCode).toBe(200);
  for (let i = 1; i <= count; i++) {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/public/legislation/${draft.publicCode}/comments`,
      payload: { content: `第${i}条意见：建议明确河道保洁的责任单位。` },
      remoteAddress: `10.7.${++ip}.1`,
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  const list = await as.request('GET', `/api/legislation/drafts/${draft.id}/comments?pageSize=200`);
  return { draft, comments: list.json<{ items: DraftComment[] }>().items };
}

const moderate = (as: Session, draftId: string, body: object) =>
  as.request('POST', `/api/legislation/drafts/${draftId}/comments/moderate`, body);
const publicComments = async (code: string) =>
  (await t.app.inject({ method: 'GET', url: `/api/public/legislation/${code}` })).json<PublicDraft>().comments.map((c) => c.content);
const audited = async (ids: string[]) =>
  (
    await t.db
      .select({ id: auditEvents.entityId, action: auditEvents.action, after: auditEvents.after })
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'legislation_comment'), inArray(auditEvents.entityId, ids)))
  ).filter((a) => a.action !== 'submit');

beforeAll(async () => {
  t = await buildTestApp();
  staff = await t.login('staff');
  xzstaff = await t.login('xzstaff');
  leader = await t.login('leader');
  deputy = await t.login('deputy');
});
afterAll(() => t.close());

describe('批量审核立法意见', () => {
  it('approves the selected comments at once, each audited; one already moderated is reported alone', async () => {
    const { draft, comments } = await openDraft(staff, '嘉兴市河道保护条例（批量审核）', 3);
    const [a, b, c] = comments.map((x) => x.id) as [string, string, string];
    expect((await staff.request('POST', `/api/legislation/comments/${c}/actions/reject`, { reason: '重复提交' })).statusCode).toBe(200);

    const res = await moderate(staff, draft.id, { action: 'approve', ids: [a, c, b, a] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      done: [a, b],
      failed: [{ id: c, code: 'LEGISLATION_COMMENT_ACTION_NOT_ALLOWED', message: '当前状态（未通过审核）不能执行“审核通过”' }],
    });
    expect((await publicComments(draft.publicCode)).sort()).toEqual(
      comments
        .filter((x) => x.id !== c)
        .map((x) => x.content)
        .sort(),
    );
    const trail = await audited([a, b, c]);
    expect(
      trail
        .filter((e) => e.action === 'approve')
        .map((e) => e.id)
        .sort(),
    ).toEqual([a, b].sort());
    expect(trail.filter((e) => e.id === c).map((e) => e.action)).toEqual(['reject']);
  });

  it('refuses them with one reason, which each comment keeps and the trail records; a blank reason changes nothing', async () => {
    const { draft, comments } = await openDraft(staff, '嘉兴市养犬管理条例（批量不予公开）', 2);
    const ids = comments.map((x) => x.id);
    const blank = await moderate(staff, draft.id, { action: 'reject', ids, reason: '  ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ path: 'reason', message: '请填写不予公开的理由' }] },
    });
    const none = await moderate(staff, draft.id, { action: 'approve', ids: [] });
    expect(none.json().error.details.fields).toEqual([{ path: 'ids', message: '请选择意见' }]);

    const reason = '含有广告内容，与草案无关';
    const res = await moderate(staff, draft.id, { action: 'reject', ids, reason });
    expect(res.json()).toEqual({ done: ids, failed: [] });
    const after = (await staff.request('GET', `/api/legislation/drafts/${draft.id}/comments?pageSize=200`)).json<{
      items: DraftComment[];
    }>();
    expect(after.items.map((x) => [x.state, x.rejectReason])).toEqual([
      ['rejected', reason],
      ['rejected', reason],
    ]);
    expect((await audited(ids)).map((e) => [e.action, (e.after as { reason?: string }).reason])).toEqual([
      ['reject', reason],
      ['reject', reason],
    ]);
    expect(await publicComments(draft.publicCode)).toEqual([]);
  });

  it('keeps a lower body’s staff to their own comments, and a comment of another draft fails alone', async () => {
    const city = await openDraft(staff, '嘉兴市城市绿化条例（市）', 1);
    const own = await openDraft(xzstaff, '秀洲区农村河道管理办法（区）', 2);
    const [first, second] = own.comments.map((x) => x.id) as [string, string];
    const cityComment = city.comments[0]!.id;

    const res = await moderate(xzstaff, own.draft.id, { action: 'approve', ids: [cityComment, first] });
    expect(res.json()).toEqual({ done: [first], failed: [{ id: cityComment, code: 'NOT_FOUND', message: '意见不存在或无权查看' }] });
    // The city's own staff may see both bodies, but a comment is moderated from its own draft only.
    const elsewhere = await moderate(staff, city.draft.id, { action: 'approve', ids: [second, cityComment] });
    expect(elsewhere.json()).toEqual({ done: [cityComment], failed: [{ id: second, code: 'NOT_FOUND', message: '意见不存在或无权查看' }] });
    // The whole draft of a higher body is not the district's to open.
    expect((await moderate(xzstaff, city.draft.id, { action: 'approve', ids: [cityComment] })).statusCode).toBe(404);
    expect((await audited([second])).map((e) => e.action)).toEqual([]);
  });

  it('refuses roles without the right to moderate, changing nothing', async () => {
    const { draft, comments } = await openDraft(staff, '嘉兴市物业管理条例（无权审核）', 1);
    for (const who of [leader, deputy]) {
      const res = await moderate(who, draft.id, { action: 'approve', ids: [comments[0]!.id] });
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toMatchObject({ code: 'FORBIDDEN', message: '没有权限执行此操作' });
    }
    expect(await publicComments(draft.publicCode)).toEqual([]);
  });
});
