import { readFile } from 'node:fs/promises';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupervisionItem } from '@renda/shared';
import { attachments, auditEvents, handlingUnits } from '../../db/schema.js';
import { clock } from '../../platform/clock.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { postMultipart } from '../../test/multipart.js';
import { deputies } from '../deputies/tables.js';

/**
 * An item's documents are filed by stage: an upload goes to the stage the item is in, staff may file it
 * under another stage of the item's kind, and the item's page lists each stage with its documents. The
 * organ and the deputies taking part see the documents of their items as before, and no others.
 */
type Session = Awaited<ReturnType<TestApp['login']>>;
let t: TestApp;
let staff: Session;
let organ: Session;
let otherOrgan: Session;
let deputy: Session;
let itemId: string;

/** A time on the day of this test (sessions last hours, not days). */
const at = (time: string) => new Date(`2026-05-10T${time}:00Z`);
const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

const upload = (
  who: Session,
  fileName: string,
  fields: Record<string, string> = {},
  owner = { ownerEntity: 'supervision_item', ownerId: itemId },
) => postMultipart(t.app, who, '/api/attachments', { ...owner, ...fields }, [{ name: 'file', fileName, data: pdf }]);

const item = async (who: Session) => {
  const res = await who.request('GET', `/api/supervision-items/${itemId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<SupervisionItem>();
};
/** The file names under each stage, and under 其他. */
const byStage = (i: SupervisionItem): Record<string, string[]> => ({
  ...Object.fromEntries(i.stages.map((s) => [s.stage, s.documents.map((d) => d.fileName)])),
  other: i.otherDocuments.map((d) => d.fileName),
});

beforeAll(async () => {
  clock.set(at('02:00'));
  t = await buildTestApp();
  [staff, organ, otherOrgan, deputy] = await Promise.all([t.login('staff'), t.login('unit'), t.login('jtunit'), t.login('deputy')]);
  const [unit] = await t.db.select({ id: handlingUnits.id }).from(handlingUnits).where(eq(handlingUnits.name, '嘉兴市住房和城乡建设局'));
  const [invited] = await t.db.select({ id: deputies.id }).from(deputies).where(eq(deputies.userId, deputy.user.id));
  const plan = await staff.request('POST', '/api/supervision/plans', {
    bodyId: staff.user.bodyId,
    year: 2034,
    title: '嘉兴市人大常委会2034年度监督工作计划',
  });
  expect(plan.statusCode, plan.body).toBe(201);
  const added = await staff.request('POST', `/api/supervision/plans/${plan.json().id}/items`, {
    kind: 'major_project',
    subject: '嘉兴港海河联运枢纽建设',
    committee: '财经工委',
    organUnitId: unit!.id,
    meeting: null,
    meetingOn: null,
    deputyIds: [invited!.id],
  });
  expect(added.statusCode, added.body).toBe(200);
  itemId = added.json().items[0].id;
  expect((await staff.request('POST', `/api/supervision-plans/${plan.json().id}/actions/adopt`, { note: null })).statusCode).toBe(200);
});
afterAll(() => {
  clock.reset();
  return t.close();
});

describe('documents filed by stage', () => {
  it('files an upload under the current stage, or the stage staff choose of the item’s kind, and audits the stage', async () => {
    const first = await upload(staff, '项目监督方案.pdf');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().stage).toBe('planned');
    clock.set(at('03:00'));
    expect((await staff.request('POST', `/api/supervision-items/${itemId}/actions/advance`, { note: null })).statusCode).toBe(200);

    const report = await upload(organ, '第二季度专报附件.pdf');
    expect(report.statusCode, report.body).toBe(201);
    expect(report.json().stage).toBe('quarterly');
    const late = await upload(staff, '立项批复.pdf', { stage: 'planned' });
    expect(late.statusCode, late.body).toBe(201);
    expect(late.json().stage).toBe('planned');

    const [audit] = await t.db
      .select({ after: auditEvents.after })
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'attachment'), eq(auditEvents.entityId, late.json().id), eq(auditEvents.action, 'upload')));
    expect(audit?.after).toMatchObject({ fileName: '立项批复.pdf', stage: 'planned' });
  });

  it('refuses a stage not of the item’s kind, another stage from the organ, and a stage on records without stages', async () => {
    const foreign = await upload(staff, '审议意见.pdf', { stage: 'hearing' });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.code).toBe('SUPERVISION_STAGE_UNKNOWN');
    const organsChoice = await upload(organ, '补充材料.pdf', { stage: 'planned' });
    expect(organsChoice.statusCode).toBe(403);
    const unstaged = await upload(staff, '章程.pdf', { stage: 'planned' }, { ownerEntity: 'body', ownerId: staff.user.bodyId });
    expect(unstaged.json().error.code).toBe('ATTACHMENT_STAGE_UNSUPPORTED');
  });

  it('lists each stage with its documents, the same for staff, the organ and the deputy taking part', async () => {
    const expected = { planned: ['项目监督方案.pdf', '立项批复.pdf'], quarterly: ['第二季度专报附件.pdf'], closed: [], other: [] };
    expect(byStage(await item(staff))).toEqual(expected);
    expect(byStage(await item(organ))).toEqual(expected);
    expect(byStage(await item(deputy))).toEqual(expected);
    // Another organ sees neither the item nor its documents.
    expect((await otherOrgan.request('GET', `/api/supervision-items/${itemId}`)).statusCode).toBe(404);
    const list = await otherOrgan.request('GET', `/api/attachments?ownerEntity=supervision_item&ownerId=${itemId}`);
    expect(list.statusCode).toBe(404);
  });

  it('migration 0044 files the documents uploaded before by the stage the item was in at the time, others under 其他', async () => {
    const old = (id: string, fileName: string, createdAt: Date) => ({
      id,
      bodyId: staff.user.bodyId,
      ownerEntity: 'supervision_item',
      ownerId: itemId,
      fileName,
      mimeType: 'application/pdf',
      size: pdf.length,
      sha256: '0'.repeat(64),
      createdAt,
    });
    await t.db
      .insert(attachments)
      .values([
        old('00000000-0000-4000-8000-000000000001', '旧的调研材料.pdf', at('02:30')),
        old('00000000-0000-4000-8000-000000000002', '旧的季度材料.pdf', at('03:30')),
        old('00000000-0000-4000-8000-000000000003', '来历不明的材料.pdf', at('01:00')),
      ]);
    const migration = await readFile(new URL('../../db/migrations/0044_attachment_stage.sql', import.meta.url), 'utf8');
    const backfill = migration.split('--> statement-breakpoint')[1]!;
    await t.db.execute(sql.raw(backfill));
    const grouped = byStage(await item(staff));
    expect(grouped.planned).toContain('旧的调研材料.pdf');
    expect(grouped.quarterly).toContain('旧的季度材料.pdf');
    expect(grouped.other).toEqual(['来历不明的材料.pdf']);
  });
});
