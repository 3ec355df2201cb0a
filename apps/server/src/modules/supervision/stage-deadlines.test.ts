import { and, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupervisionItem, Workbench } from '@renda/shared';
import { auditEvents, handlingUnits } from '../../db/schema.js';
import { clock } from '../../platform/clock.js';
import { buildTestApp, type TestApp } from '../../test/app.js';

/**
 * A stage's due date from the deadline engine (the draft report twenty days before the meeting, the
 * handling report two months after the opinions), set by staff with a reason, overdue on the item, the
 * list and the to-do list; and the opinions gathered in a work evaluation's investigation (评议调查意见).
 */
type Session = Awaited<ReturnType<TestApp['login']>>;
let t: TestApp;
let staff: Session;
let unit: Session;
let planId: string;
let zjjId: string;
const at = (date: string) => new Date(`${date}T02:00:00Z`);
/** Moves the clock, signing in again (a session lapses over months). */
async function moveTo(date: string) {
  clock.set(at(date));
  [staff, unit] = await Promise.all([t.login('staff'), t.login('unit')]);
}

beforeAll(async () => {
  clock.set(at('2031-03-02'));
  t = await buildTestApp();
  [staff, unit] = await Promise.all([t.login('staff'), t.login('unit')]);
  zjjId = (await t.db.select({ id: handlingUnits.id }).from(handlingUnits).where(eq(handlingUnits.name, '嘉兴市住房和城乡建设局')))[0]!.id;
  const plan = await staff.request('POST', '/api/supervision/plans', {
    bodyId: staff.user.bodyId,
    year: 2039,
    title: '嘉兴市人大常委会2039年度监督工作计划',
  });
  expect(plan.statusCode, plan.body).toBe(201);
  planId = plan.json().id;
});
afterAll(() => {
  clock.reset();
  return t.close();
});

const addItem = async (kind: string, subject: string, meetingOn: string | null) => {
  const res = await staff.request('POST', `/api/supervision/plans/${planId}/items`, {
    kind,
    subject,
    committee: '城建环资工委',
    organUnitId: zjjId,
    meeting: meetingOn ? '市十一届人大常委会第五次会议' : null,
    meetingOn,
    deputyIds: [],
    reason: '主任会议决定增列',
  });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { id: string; subject: string }[]).find((i) => i.subject === subject)!.id;
};
const item = async (id: string, s: Session = staff) => (await s.request('GET', `/api/supervision-items/${id}`)).json<SupervisionItem>();
const advance = async (id: string) => {
  const res = await staff.request('POST', `/api/supervision-items/${id}/actions/advance`, { note: null });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<SupervisionItem>();
};
const stageOf = (i: SupervisionItem, stage: string) => i.stages.find((s) => s.stage === stage)!;

describe('a stage’s due date', () => {
  let id: string;

  it('counts the draft report twenty days before the meeting, and follows a new meeting date', async () => {
    id = await addItem('special_report', '城市排水防涝工作情况', '2031-06-25');
    const adopted = await staff.request('POST', `/api/supervision-plans/${planId}/actions/adopt`, { note: null });
    expect(adopted.statusCode, adopted.body).toBe(200);
    const planned = await item(id);
    expect(planned.stageDueOn).toBeNull();
    // Before the item reaches it, the draft report's date is already known from the meeting date.
    expect(stageOf(planned, 'draft_report')).toMatchObject({ dueOn: '2031-06-05', dueRule: '常委会会议前20自然日' });
    expect(stageOf(planned, 'handling')).toMatchObject({ dueOn: null, dueRule: '进入阶段后2个月' });
    expect(stageOf(planned, 'research')).toMatchObject({ dueOn: null, dueRule: null });
    await advance(id);
    const draft = await advance(id);
    expect(draft.stage).toBe('draft_report');
    expect(draft.stageDueOn).toBe('2031-06-05');
    expect(stageOf(draft, 'draft_report')).toMatchObject({ current: true, dueOn: '2031-06-05', overdue: false });

    const changed = await staff.request('PUT', `/api/supervision-items/${id}`, {
      subject: '城市排水防涝工作情况',
      committee: '城建环资工委',
      organUnitId: zjjId,
      meeting: '市十一届人大常委会第六次会议',
      meetingOn: '2031-06-30',
      deputyIds: [],
      reason: '会议推迟',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await item(id)).stageDueOn).toBe('2031-06-10');
  });

  it('lets staff set the date with a reason, kept in the history and the audit trail', async () => {
    const refused = await unit.request('PUT', `/api/supervision-items/${id}/stage-due`, { dueOn: '2031-06-08', reason: '提前送审' });
    expect(refused.statusCode).toBe(403);
    const missing = await staff.request('PUT', `/api/supervision-items/${id}/stage-due`, { dueOn: '2031-06-08' });
    expect(missing.statusCode).toBe(400);
    const set = await staff.request('PUT', `/api/supervision-items/${id}/stage-due`, {
      dueOn: '2031-06-08',
      reason: '主任会议要求提前送审',
    });
    expect(set.statusCode, set.body).toBe(200);
    const i = set.json<SupervisionItem>();
    expect(i).toMatchObject({ stageDueOn: '2031-06-08', stageDueReason: '主任会议要求提前送审' });
    expect(i.events.at(-1)).toMatchObject({ action: 'setStageDue', actionLabel: '调整阶段期限' });
    expect(i.events.at(-1)!.note).toContain('由 2031-06-10 调整为 2031-06-08');
    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'setStageDue')));
    expect(audit).toMatchObject({ before: { dueOn: '2031-06-10' }, after: { dueOn: '2031-06-08', reason: '主任会议要求提前送审' } });
    // A date staff set stays when the meeting moves again.
    await staff.request('PUT', `/api/supervision-items/${id}`, {
      subject: '城市排水防涝工作情况',
      committee: '城建环资工委',
      organUnitId: zjjId,
      meeting: null,
      meetingOn: '2031-07-10',
      deputyIds: [],
      reason: '会议再次调整',
    });
    expect((await item(id)).stageDueOn).toBe('2031-06-08');
  });

  it('shows an overdue stage on the item, in the items list and in staff’s and leaders’ to-do lists', async () => {
    await moveTo('2031-06-09');
    const i = await item(id);
    expect(i.stageOverdue).toBe(true);
    expect(stageOf(i, 'draft_report').overdue).toBe(true);
    const list = await staff.request('GET', '/api/supervision-items?overdue=true&year=2039');
    expect(list.json().items.map((r: { id: string }) => r.id)).toEqual([id]);
    for (const s of [staff, await t.login('leader')]) {
      const { entries } = (await s.request('GET', '/api/workbench')).json<Workbench>();
      const entry = entries.find((e) => e.key === 'supervision.stageOverdue')!;
      expect(entry).toMatchObject({ link: '/supervision/items?overdue=true', tone: 'overdue' });
      expect(entry.count).toBeGreaterThanOrEqual(1);
    }
  });

  it('clears on the next stage and counts the handling report two months from the day it starts', async () => {
    const hearing = await advance(id);
    expect(hearing).toMatchObject({ stage: 'hearing', stageDueOn: null, stageDueReason: null, stageOverdue: false });
    await advance(id);
    const points = await staff.request('POST', `/api/supervision-items/${id}/points`, {
      points: [{ source: 'opinion', content: '加快易涝点改造', organUnitId: null, dueOn: null }],
    });
    expect(points.statusCode, points.body).toBe(200);
    await moveTo('2031-08-31');
    const handling = await advance(id);
    expect(handling).toMatchObject({ stage: 'handling', stageDueOn: '2031-10-31' });
    expect(stageOf(handling, 'handling')).toMatchObject({ dueOn: '2031-10-31', dueRule: '进入阶段后2个月' });
  });
});

describe('opinions gathered in a work evaluation’s investigation (评议调查意见)', () => {
  let id: string;
  const opinion = {
    content: '物业投诉处理不及时，建议建立限时办结机制。',
    askerKind: 'public',
    askerName: '南湖区居民周丽萍',
    gatheredOn: '2031-09-01',
  };

  it('records them only in the investigation, lists them on the item and puts them in the evaluation report', async () => {
    await moveTo('2031-09-02');
    id = await addItem('work_evaluation', '对市住房和城乡建设局的工作评议', null);
    await advance(id);
    const early = await staff.request('POST', `/api/supervision-items/${id}/gathered-opinions`, opinion);
    expect(early.json().error.code).toBe('SUPERVISION_OPINIONS_NOT_NOW');
    await advance(id);
    const future = await staff.request('POST', `/api/supervision-items/${id}/gathered-opinions`, { ...opinion, gatheredOn: '2031-09-03' });
    expect(future.json().error.code).toBe('SUPERVISION_OPINION_FUTURE');
    const byUnit = await unit.request('POST', `/api/supervision-items/${id}/gathered-opinions`, opinion);
    expect(byUnit.statusCode).toBe(403);
    await staff.request('POST', `/api/supervision-items/${id}/gathered-opinions`, opinion);
    const res = await staff.request('POST', `/api/supervision-items/${id}/gathered-opinions`, {
      content: '老旧小区加装电梯审批环节多，建议并联审批。',
      askerKind: 'organisation',
      askerName: '嘉兴市物业管理协会',
      gatheredOn: '2031-09-02',
    });
    expect(res.statusCode, res.body).toBe(200);
    const i = res.json<SupervisionItem>();
    expect(i.gatheredOpinions).toMatchObject([
      {
        seq: 1,
        content: opinion.content,
        askerKind: 'public',
        askerKindLabel: '社会公众',
        askerName: '南湖区居民周丽萍',
        gatheredOn: '2031-09-01',
      },
      { seq: 2, askerKindLabel: '有关单位和社会组织', askerName: '嘉兴市物业管理协会' },
    ]);
    // They are not the inquiry's questions, and the organ sees them on its item too.
    expect(i.questions).toEqual([]);
    expect((await item(id, unit)).gatheredOpinions).toHaveLength(2);
    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'gatherOpinion')));
    expect(audit!.after).toMatchObject(opinion);

    const docx = await staff.request('GET', `/api/supervision-items/${id}/evaluation-report.docx`);
    expect(docx.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('调查阶段共收集评议调查意见 2 条');
    expect(xml).toContain(opinion.content);
    expect(xml).toContain('嘉兴市物业管理协会');
  });
});
