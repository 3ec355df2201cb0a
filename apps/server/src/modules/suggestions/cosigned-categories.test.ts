import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../db/schema.js';
import type { TestApp } from '../../test/app.js';
import { docxText, expectAction, useSuggestionsTestApp, type Cast } from './test-helpers.js';

// Issue 11: a co-signed (联名) item's reply reaches every signer; each congress sets its own result categories.
let t: TestApp;
let c: Cast;
let sessionId: string;
const as = (name: string) => c.as[name]!;

useSuggestionsTestApp(
  { at: '2026-03-01T09:00:00', session: '嘉兴市第九届人民代表大会第六次会议' },
  (ready) => ({ t, c, sessionId } = ready),
);

const act = (who: string, id: string, action: string, body: object = {}) => expectAction(c, who, id, action, body);

const replyBody = (category: string) => ({
  category,
  content: '我局已将城区公共停车泊位建设列入年度计划，新增泊位二千个，分两期建成。',
  signer: '沈建明',
  contactPerson: '刘明',
  contactPhone: '0573-82721592',
});

/** A co-signed item, assigned to 住建局 and handled up to the unit's reply. */
async function signedItem(title: string) {
  const res = await as('deputy').request('POST', '/api/suggestions', {
    kind: 'suggestion',
    period: 'session',
    sessionId,
    title,
    content: '老城区停车位严重不足，居民夜间停车难，占道停车影响通行。建议挖掘边角地块建设停车场，推行错时共享停车。',
    field: 'urban',
    cosignerIds: [c.deputyIds.cosigner],
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  await act('deputy2', id, 'confirmCosign');
  await act('deputy', id, 'submit');
  await act('staff', id, 'accept');
  await act('staff', id, 'assign', { leadUnitId: c.units.housing });
  await act('unit', id, 'signFor');
  return id;
}

const letterText = async (who: string, id: string, replyId: string, deputyId?: string) => {
  const res = await as(who).request('GET', `/api/suggestions/${id}/replies/${replyId}/letter${deputyId ? `?deputyId=${deputyId}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return { text: await docxText(res.rawPayload), name: decodeURIComponent(String(res.headers['content-disposition'])) };
};

describe('联名: the reply reaches every co-signer', () => {
  it('names the lead deputy and the co-signer in one letter; the co-signer is told and reads it, and only the lead deputy rates', async () => {
    const id = await signedItem('关于缓解老城区停车难问题的建议');
    await act('unit', id, 'reply', replyBody('B'));
    await act('staff', id, 'release');

    const seen = (await as('deputy2').request('GET', `/api/suggestions/${id}`)).json();
    expect(seen.replies).toEqual([expect.objectContaining({ category: 'B', releasedAt: expect.any(String) })]);
    expect(seen.replyLetterMode).toBe('named');
    // 只有领衔代表测评: the co-signer is offered no rating and is refused one.
    expect(seen.allowedActions).not.toContain('rate');
    const refused = await as('deputy2').request('POST', `/api/suggestions/${id}/actions/rate`, { rating: 'satisfied' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/^[^A-Za-z]*[\u4e00-\u9fa5][^A-Za-z]*$/);
    // The co-signer receives the reply but is not asked to rate; the lead deputy is.
    const bodies = async (who: string) =>
      (await as(who).request('GET', '/api/notifications'))
        .json()
        .items.map((n: { body: string }) => n.body)
        .filter((b: string) => b.startsWith('《关于缓解老城区停车难问题的建议》已由'));
    expect(await bodies('deputy2')).toEqual([
      '《关于缓解老城区停车难问题的建议》已由嘉兴市住房和城乡建设局答复（B类（正在解决或列入计划解决））（由领衔代表进行满意度测评）',
    ]);
    expect(await bodies('deputy')).toEqual([
      '《关于缓解老城区停车难问题的建议》已由嘉兴市住房和城乡建设局答复（B类（正在解决或列入计划解决）），请进行满意度测评',
    ]);

    const { text } = await letterText('deputy2', id, seen.replies[0].id);
    expect(text).toContain('张秀英、王建华代表：');
    expect(text).toContain('你们提出的《关于缓解老城区停车难问题的建议》收悉');
    // A deputy id on a body that writes one letter naming everyone changes nothing.
    expect((await letterText('deputy', id, seen.replies[0].id, c.deputyIds.cosigner)).text).toContain('张秀英、王建华代表：');
    expect((await act('deputy', id, 'rate', { rating: 'satisfied' })).state).toBe('rated');
  });

  it('writes one letter to each signer where the body sets so, and refuses a letter to someone who did not sign', async () => {
    const put = await as('staff').request('PUT', `/api/suggestion-settings/${c.city.id}`, {
      replyLetterMode: 'each',
      replyCategories: [
        { code: 'A', label: '已解决或基本解决' },
        { code: 'B', label: '正在解决或列入计划解决' },
        { code: 'C', label: '因条件限制留作参考' },
      ],
    });
    expect(put.statusCode, put.body).toBe(200);
    const id = await signedItem('关于推进老旧小区停车改造的建议');
    await act('unit', id, 'reply', replyBody('A'));
    const released = await act('staff', id, 'release');
    expect(released.replyLetterMode).toBe('each');
    const replyId = released.replies[0].id;

    const toLead = await letterText('deputy', id, replyId);
    expect(toLead.text).toContain('张秀英代表：');
    expect(toLead.text).not.toContain('王建华');
    expect(toLead.text).toContain('您提出的《关于推进老旧小区停车改造的建议》收悉');
    const toCosigner = await letterText('deputy2', id, replyId, c.deputyIds.cosigner);
    expect(toCosigner.text).toContain('王建华代表：');
    expect(toCosigner.text).toContain('您联名提出的《关于推进老旧小区停车改造的建议》（领衔代表：张秀英）收悉');
    expect(toCosigner.name).toContain('王建华');
    const stranger = await as('deputy').request('GET', `/api/suggestions/${id}/replies/${replyId}/letter?deputyId=${c.deputyIds.other}`);
    expect(stranger.statusCode).toBe(404);
    expect(stranger.json().error.message).toContain('联名代表');
  });
});

describe('result categories set per body (办理结果分类)', () => {
  const four = [
    { code: 'A', label: '已解决或采纳' },
    { code: 'B', label: '正在解决或列入计划' },
    { code: 'C', label: '因条件限制留作参考' },
    { code: 'D', label: '其他' },
  ];

  it('refuses a D reply in an A/B/C body, and a scheme out of order, in Chinese', async () => {
    const id = await signedItem('关于优化城区公交线路的建议');
    const refused = await as('unit').request('POST', `/api/suggestions/${id}/actions/reply`, replyBody('D'));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({
      code: 'REPLY_CATEGORY_NOT_IN_SCHEME',
      message: expect.stringContaining('没有D类'),
      details: { fields: [{ path: 'category', message: '请选择本机关设定的办理结果类别' }] },
    });
    const gap = await as('staff').request('PUT', `/api/suggestion-settings/${c.city.id}`, {
      replyLetterMode: 'named',
      replyCategories: [four[0], four[2]],
    });
    expect(gap.statusCode).toBe(400);
    expect(gap.json().error).toMatchObject({ code: 'REPLY_CATEGORIES_INVALID', message: '类别须按 A、B 的顺序设置，第2个应为B类' });
    // A handling unit may not change a body's settings; a body outside the scope is not found.
    expect((await as('unit').request('PUT', `/api/suggestion-settings/${c.city.id}`, { replyCategories: four })).statusCode).toBe(403);
    expect((await as('xzstaff').request('GET', `/api/suggestion-settings/${c.city.id}`)).statusCode).toBe(404);
  });

  it('takes four categories with the body’s labels in the form, the letter, the notice and the rates; the change is audited and inherited below', async () => {
    const put = await as('staff').request('PUT', `/api/suggestion-settings/${c.city.id}`, {
      replyLetterMode: 'named',
      replyCategories: four,
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ setBy: c.city.id, replyCategories: four });

    const id = await signedItem('关于增设社区养老服务站的建议');
    const detail = (await as('unit').request('GET', `/api/suggestions/${id}`)).json();
    expect(detail.replyCategories).toEqual(four);
    await act('unit', id, 'reply', replyBody('D'));
    const released = await act('staff', id, 'release');
    expect(released.replyCategory).toBe('D');
    const { text } = await letterText('deputy', id, released.replies[0].id);
    expect(text).toContain('办理结果类别：D类（其他）');
    // The public portal names the categories as the body does, not by the default A/B/C labels.
    const portal = async (url: string) => (await t.app.inject({ method: 'GET', url })).json();
    expect((await portal(`/api/public/suggestions/${id}`)).replyCategoryLabel).toBe('D类：其他');
    const listed = (await portal(`/api/public/suggestions?sessionId=${sessionId}&pageSize=100`)).items;
    expect(listed.find((i: { title: string }) => i.title === '关于推进老旧小区停车改造的建议').replyCategoryLabel).toBe(
      'A类：已解决或采纳',
    );
    const told = (await as('deputy').request('GET', '/api/notifications')).json().items;
    expect(told.map((n: { body: string }) => n.body).join('\n')).toContain('答复（D类（其他））');

    const rates = (await as('staff').request('GET', `/api/suggestions/rates?sessionId=${sessionId}&bodyId=${c.city.id}`)).json();
    expect(rates.categories).toEqual(four);
    expect(rates.overall).toMatchObject({ categoryD: 1 });
    expect(rates.overall.categoryA + rates.overall.categoryB + rates.overall.categoryC + rates.overall.categoryD).toBe(
      rates.overall.replied,
    );

    // A county below the city without its own setting follows the city's.
    const below = (await as('admin').request('GET', '/api/bodies'))
      .json()
      .items.find((b: { parentId: string | null }) => b.parentId === c.city.id);
    const inherited = (await as('admin').request('GET', `/api/suggestion-settings/${below.id}`)).json();
    expect(inherited).toMatchObject({ bodyId: below.id, setBy: c.city.id, setByName: '嘉兴市人大常委会', replyCategories: four });

    const audited = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'suggestion_settings'), eq(auditEvents.entityId, c.city.id)));
    expect(audited.length).toBeGreaterThanOrEqual(2);
    expect(audited.at(-1)!.after).toMatchObject({ replyCategories: four });
  });
});

describe('并案: the unit answering an item sees every deputy merged into it', () => {
  it('lists each merged item with its lead deputy and co-signers, a confidential deputy withheld, and no link it cannot open', async () => {
    const submit = async (who: string, title: string, extra: object = {}) => {
      const res = await as(who).request('POST', '/api/suggestions', {
        kind: 'suggestion',
        period: 'session',
        sessionId,
        title,
        content: '城区部分路段夜间照明不足，行人和非机动车通行存在安全隐患，建议排查并增设路灯，完善照明设施维护机制。',
        field: 'urban',
        cosignerIds: [],
        ...extra,
      });
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json().id as string;
      return id;
    };
    const target = await submit('deputy', '关于完善城区道路照明设施的建议');
    await act('deputy', target, 'submit');
    const cosigned = await submit('deputy', '关于增设背街小巷路灯的建议', { cosignerIds: [c.deputyIds.cosigner] });
    await act('deputy2', cosigned, 'confirmCosign');
    await act('deputy', cosigned, 'submit');
    const secret = await submit('deputy2', '关于加强路灯日常维护的建议', { confidential: true });
    await act('deputy2', secret, 'submit');
    await act('staff', target, 'accept');
    await act('staff', cosigned, 'merge', { targetId: target });
    await act('staff', secret, 'merge', { targetId: target });
    await act('staff', target, 'assign', { leadUnitId: c.units.housing });

    const seen = (await as('unit').request('GET', `/api/suggestions/${target}`)).json();
    expect(seen.mergedItems).toEqual([
      { id: cosigned, title: '关于增设背街小巷路灯的建议', deputies: ['张秀英', '王建华'], visible: false },
      { id: secret, title: '关于加强路灯日常维护的建议', deputies: ['（代表要求保密）'], visible: false },
    ]);
    // Staff see every name; a deputy sees only the merged items they may open.
    const office = (await as('staff').request('GET', `/api/suggestions/${target}`)).json();
    expect(office.mergedItems.map((m: { deputies: string[]; visible: boolean }) => [m.deputies, m.visible])).toEqual([
      [['张秀英', '王建华'], true],
      [['王建华'], true],
    ]);
    const lead = (await as('deputy').request('GET', `/api/suggestions/${target}`)).json();
    expect(lead.mergedItems.map((m: { id: string }) => m.id)).toEqual([cosigned]);
  });
});
