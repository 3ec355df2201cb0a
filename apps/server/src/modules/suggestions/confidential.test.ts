import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deputies } from '../../db/schema.js';
import { clock } from '../../platform/clock.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { cast, docxText } from './test-helpers.js';

// 保密: a deputy may withhold their identity from the handling units; staff still see it and the reply still reaches them.
let t: TestApp;
let c: Awaited<ReturnType<typeof cast>>;
let id: string;
const cst = (s: string) => new Date(`${s}+08:00`);
const post = (who: string, path: string, body: object = {}) => c.as[who]!.request('POST', `/api/suggestions/${id}/actions/${path}`, body);

beforeAll(async () => {
  clock.set(cst('2026-03-02T09:00:00'));
  t = await buildTestApp();
  c = await cast(t);
  const res = await c.as.deputy!.request('POST', '/api/suggestions', {
    kind: 'suggestion',
    period: 'between_sessions',
    title: '关于整治某企业夜间违规排放问题的建议',
    content: '城北工业区某企业夜间多次违规排放废气，周边居民反映强烈，建议加强夜间执法检查并公开处理结果。',
    field: 'environment',
    cosignerIds: [c.deputyIds.cosigner],
    confidential: true,
  });
  expect(res.statusCode, res.body).toBe(201);
  id = res.json().id;
  expect((await post('deputy2', 'confirmCosign')).statusCode).toBe(200);
  expect((await post('deputy', 'submit')).statusCode).toBe(200);
  expect((await post('staff', 'accept')).statusCode).toBe(200);
  const assigned = await post('staff', 'assign', { leadUnitId: c.units.housing, jointUnitIds: [c.units.education] });
  expect(assigned.statusCode, assigned.body).toBe(200);
});
afterAll(async () => {
  clock.reset();
  await t.close();
});

const names = ['张秀英', '王建华'];
const leaks = (text: string) => names.filter((n) => text.includes(n));

describe('a confidential deputy (保密)', () => {
  it('is named to staff', async () => {
    const detail = (await c.as.staff!.request('GET', `/api/suggestions/${id}`)).json();
    expect(detail.confidential).toBe(true);
    expect(detail.leadDeputyName).toBe('张秀英');
    expect(detail.cosigners.map((x: { name: string }) => x.name)).toEqual(['王建华']);
  });

  it('is not named to a handling unit in its list, the detail, the timeline or the export', async () => {
    for (const unit of ['unit', 'unit2']) {
      const detail = await c.as[unit]!.request('GET', `/api/suggestions/${id}`);
      expect(detail.statusCode, detail.body).toBe(200);
      expect(detail.json().leadDeputyName).toBe('（代表要求保密）');
      expect(leaks(detail.body), `${unit} detail`).toEqual([]);
      // The demo city holds other, open suggestions of the same deputies: only this item's row must hide them.
      const row = async (path: string) => {
        const res = await c.as[unit]!.request('GET', path);
        expect(res.statusCode, res.body).toBe(200);
        const found = (res.json().items as { id: string }[]).find((x) => x.id === id);
        expect(found, path).toBeDefined();
        return JSON.stringify(found);
      };
      expect(leaks(await row('/api/suggestions/assigned?pageSize=100')), `${unit} inbox`).toEqual([]);
      expect(leaks(await row('/api/suggestions?pageSize=100')), `${unit} list`).toEqual([]);
      const file = await c.as[unit]!.request('GET', '/api/suggestions/export?q=违规排放');
      expect(file.statusCode).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
      const cells = book.worksheets[0]!.getSheetValues().flat().map(String);
      expect(cells).toContain('关于整治某企业夜间违规排放问题的建议');
      expect(leaks(cells.join(' ')), `${unit} export`).toEqual([]);
    }
  });

  it('is not named in the assignment letter, even when staff print it for the unit', async () => {
    const detail = (await c.as.staff!.request('GET', `/api/suggestions/${id}`)).json();
    const lead = detail.assignments.find((a: { role: string }) => a.role === 'lead');
    for (const who of ['staff', 'unit']) {
      const letter = await c.as[who]!.request('GET', `/api/suggestions/${id}/assignments/${lead.id}/letter`);
      expect(letter.statusCode).toBe(200);
      const text = await docxText(letter.rawPayload);
      expect(text).toContain('2名代表联名提出的《关于整治某企业夜间违规排放问题的建议》');
      expect(leaks(text), who).toEqual([]);
    }
  });

  it('still gets the reply: staff release it to the deputy, who rates it', async () => {
    expect((await post('unit', 'signFor')).statusCode).toBe(200);
    expect((await post('unit2', 'signFor')).statusCode).toBe(200);
    expect((await post('unit2', 'jointOpinion', { content: '教育局将配合做好周边学校的监测工作。' })).statusCode).toBe(200);
    const replied = await post('unit', 'reply', {
      category: 'B',
      content: '我局已会同生态环境部门开展夜间联合执法，对该企业立案查处，并将持续跟踪整改。',
      signer: '沈建明',
      contactPerson: '刘明',
      contactPhone: '0573-82011234',
    });
    expect(replied.statusCode, replied.body).toBe(200);
    const replyId = replied.json().replies[0].id;
    const unitLetter = await c.as.unit!.request('GET', `/api/suggestions/${id}/replies/${replyId}/letter`);
    expect(leaks(await docxText(unitLetter.rawPayload))).toEqual([]);
    expect((await post('staff', 'release')).statusCode).toBe(200);
    const mine = await c.as.deputy!.request('GET', `/api/suggestions/${id}`);
    expect(mine.json().leadDeputyName).toBe('张秀英');
    expect(mine.json().allowedActions).toContain('rate');
    const staffLetter = await c.as.staff!.request('GET', `/api/suggestions/${id}/replies/${replyId}/letter`);
    // 联名: the letter names the lead deputy and the co-signer (the body's default, one letter naming all).
    expect(await docxText(staffLetter.rawPayload)).toContain('张秀英、王建华代表：');
    // The unit's timeline shows the steps without the deputies' names.
    const timeline = (await c.as.unit!.request('GET', `/api/suggestions/${id}`)).json().timeline as { actorName: string; action: string }[];
    expect(timeline.filter((s) => s.action === 'submit').map((s) => s.actorName)).toEqual(['（代表要求保密）']);
  });

  it('counts on the deputy’s public card (代表码) but is not listed there, as the portal withholds the name', async () => {
    const [d] = await t.db.select({ publicCode: deputies.publicCode }).from(deputies).where(eq(deputies.id, c.deputyIds.lead));
    const card = (await t.app.inject({ method: 'GET', url: `/api/public/deputies/${d!.publicCode}` })).json();
    expect(card.thisYear.suggestionsLed).toBeGreaterThanOrEqual(1);
    expect(card.thisYear.suggestionsAnswered).toBeGreaterThanOrEqual(1);
    expect(card.publishedSuggestions.map((s: { url: string }) => s.url)).not.toContain(`/m/suggestions?id=${id}`);
    // The portal itself shows it without the deputy's name.
    const published = (await t.app.inject({ method: 'GET', url: `/api/public/suggestions/${id}` })).json();
    expect(published.leadDeputyName).not.toBe('张秀英');
  });
});
