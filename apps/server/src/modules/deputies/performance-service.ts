import {
  dutyKindLabel,
  type AssessmentResult,
  type AssessmentRow,
  type AssessmentWeight,
  type DutyKind,
  type GroupKind,
  type Membership,
  type PerformanceFile,
} from '@renda/shared';
import type { Db, Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext } from '../../platform/context.js';
import { type Column, workbook } from '../../platform/documents.js';
import { DomainError, notFound } from '../../platform/errors.js';
import { bodyAndAncestors, requireBodyInScope } from '../../platform/scope.js';
import * as assessments from './assessment-repository.js';
import { defaultWeights, rankByScore, scoreOf, type Weight } from './assessment.js';
import * as duties from './duties-repository.js';
import * as groups from './groups-repository.js';
import { externalPerformanceSections, externalSevenOnes } from './index.js';
import { otherLevels, type DeputyWithBody } from './repository.js';
import { presentDeputy } from './presenters.js';
import { requireDeputy } from './service.js';
import { allDutyKinds, sevenOnesOf } from './seven-ones.js';

// ---- weights: a body's own, else the nearest ancestor's, else the defaults ----
export async function weightsInForce(db: Executor, bodyPath: string): Promise<{ weights: Weight[]; setBy: string | null }> {
  const ancestors = bodyAndAncestors(bodyPath).reverse();
  const rows = await assessments.weightsOfBodies(db, ancestors);
  for (const bodyId of ancestors) {
    const own = rows.filter((r) => r.bodyId === bodyId);
    if (own.length)
      return {
        setBy: bodyId,
        weights: allDutyKinds.map((kind) => {
          const w = own.find((r) => r.kind === kind);
          return { kind, points: w?.points ?? 0, yearlyCap: w?.yearlyCap ?? null };
        }),
      };
  }
  return { weights: [...defaultWeights], setBy: null };
}

const requireBody = (db: Executor, ctx: ActorContext, bodyId: string) => requireBodyInScope(db, ctx.actor, bodyId);

export async function getWeights(
  db: Db,
  ctx: ActorContext,
  bodyId: string,
): Promise<{ weights: AssessmentWeight[]; setByBodyId: string | null }> {
  const body = await requireBody(db, ctx, bodyId);
  const { weights, setBy } = await weightsInForce(db, body.path);
  return { weights: weights.map((w) => ({ ...w, label: dutyKindLabel[w.kind] })), setByBodyId: setBy };
}

export async function setWeights(db: Db, ctx: ActorContext, bodyId: string, weights: Omit<AssessmentWeight, 'label'>[]) {
  const kinds = weights.map((w) => w.kind);
  if (new Set(kinds).size !== kinds.length) throw new DomainError('WEIGHT_KIND_REPEATED', '同一活动类型只能设置一次分值');
  await db.transaction(async (tx) => {
    const body = await requireBody(tx, ctx, bodyId);
    const before = await weightsInForce(tx, body.path);
    await assessments.replaceWeights(
      tx,
      bodyId,
      weights.map((w) => ({ ...w, updatedAt: clock.now() })),
    );
    await recordAudit(tx, ctx, {
      entity: 'assessment_weights',
      entityId: bodyId,
      bodyId,
      action: 'update',
      before: before.weights,
      after: weights,
    });
  });
  return getWeights(db, ctx, bodyId);
}

// ---- ranking ----
const yearRange = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

export async function ranking(
  db: Executor,
  ctx: ActorContext,
  q: { bodyId: string; term: string; year: number; groupId?: string | undefined },
): Promise<AssessmentRow[]> {
  const body = await requireBody(db, ctx, q.bodyId);
  if (q.groupId) {
    const group = await groups.getGroup(db, ctx.actor, q.groupId);
    if (!group || group.group.bodyId !== q.bodyId) throw notFound('代表小组', { groupId: q.groupId });
  }
  const { weights } = await weightsInForce(db, body.path);
  const { from, to } = yearRange(q.year);
  const result = await duties.countsByKindForDeputies(db, q.bodyId, q.term, from, to, q.groupId ?? null);
  const byDeputy = new Map<string, { deputyId: string; name: string; counts: Partial<Record<DutyKind, number>> }>();
  for (const r of (result as unknown as { rows: { deputy_id: string; name: string; kind: string | null; n: number }[] }).rows) {
    const entry = byDeputy.get(r.deputy_id) ?? { deputyId: r.deputy_id, name: r.name, counts: {} as Partial<Record<DutyKind, number>> };
    if (r.kind) entry.counts[r.kind as DutyKind] = Number(r.n);
    byDeputy.set(r.deputy_id, entry);
  }
  return rankByScore([...byDeputy.values()].map((d) => ({ ...d, score: scoreOf(d.counts, weights) }))).map((r) => ({
    deputyId: r.deputyId,
    name: r.name,
    score: r.score,
    rank: r.rank,
    of: r.of,
    counts: r.counts as Record<string, number>,
  }));
}

const rankingColumns: Column<AssessmentRow>[] = [
  { header: '名次', key: 'rank', width: 6, value: (r) => r.rank },
  { header: '姓名', key: 'name', width: 10, value: (r) => r.name },
  { header: '得分', key: 'score', width: 8, value: (r) => r.score },
  ...allDutyKinds.map((kind) => ({
    header: dutyKindLabel[kind],
    key: kind,
    width: 12,
    value: (r: AssessmentRow) => r.counts[kind] ?? 0,
  })),
];

/** The ranking as shown (the body, term, year and group chosen), with each kind's count in its own column. */
export async function exportRanking(db: Db, ctx: ActorContext, q: Parameters<typeof ranking>[2]): Promise<Buffer> {
  return workbook(`${q.year}年量化考评排名`, rankingColumns, await ranking(db, ctx, q));
}

/** Publishing freezes the year's scores and ranks; each deputy then sees their own result. */
export async function publish(db: Db, ctx: ActorContext, q: { bodyId: string; term: string; year: number }) {
  if (q.year > clock.now().getFullYear()) throw new DomainError('ASSESSMENT_YEAR_FUTURE', '不能发布尚未开始年度的考评结果');
  return db.transaction(async (tx) => {
    const rows = await ranking(tx, ctx, q);
    if (rows.length === 0) throw new DomainError('ASSESSMENT_EMPTY', '该届次没有在任代表，无法发布');
    const publishedAt = clock.now();
    await assessments.replaceResults(
      tx,
      q.bodyId,
      q.year,
      rows.map((r) => ({
        bodyId: q.bodyId,
        year: q.year,
        deputyId: r.deputyId,
        score: r.score,
        rank: r.rank,
        of: r.of,
        detail: r.counts,
        publishedAt,
      })),
    );
    await recordAudit(tx, ctx, {
      entity: 'assessment',
      entityId: `${q.bodyId}:${q.year}`,
      bodyId: q.bodyId,
      action: 'publish',
      after: { term: q.term, year: q.year, deputies: rows.length },
    });
    return { published: rows.length };
  });
}

export async function publishedResult(db: Executor, deputyId: string, year: number): Promise<AssessmentResult | null> {
  const row = await assessments.publishedResultOf(db, deputyId, year);
  if (!row) return null;
  return {
    year,
    score: row.score,
    rank: row.rank,
    of: row.of,
    publishedAt: row.publishedAt.toISOString(),
    counts: row.detail as Record<string, number>,
  };
}

// ---- 履职档案 ----
export const PERFORMANCE_RECORD_LIMIT = 200;

/** The groups a deputy belongs to, and whether they lead each. */
export async function membershipsOf(db: Executor, deputyId: string): Promise<Membership[]> {
  const rows = await groups.groupsOfDeputy(db, deputyId);
  return rows.map((g) => ({ id: g.id, name: g.name, kind: g.kind as GroupKind, leader: g.leaderId === deputyId }));
}

export async function performanceOf(
  db: Executor,
  ctx: ActorContext,
  row: DeputyWithBody,
  from: string,
  to: string,
): Promise<PerformanceFile> {
  if (from > to)
    throw new DomainError('PERIOD_INVALID', '开始日期不能晚于结束日期', { fields: [{ path: 'from', message: '开始日期晚于结束日期' }] });
  const deputyId = row.deputy.id;
  const year = Number(to.slice(0, 4));
  const ys = yearRange(year);
  const bodyPath = await assessments.bodyPathOf(db, row.deputy.bodyId);
  const [deputy, memberOf, cells, counts, voters, records, yearCounts, yearVoters, external, weights, published] = await Promise.all([
    getDeputyForFile(db, ctx, row),
    membershipsOf(db, deputyId),
    groups.cellsOfDeputy(db, deputyId),
    duties.countsByKind(db, deputyId, from, to),
    duties.votersReceived(db, deputyId, from, to),
    duties.recordsOfDeputy(db, deputyId, from, to, PERFORMANCE_RECORD_LIMIT),
    duties.countsByKind(db, deputyId, ys.from, ys.to),
    duties.votersReceived(db, deputyId, ys.from, ys.to),
    externalSevenOnes(db, deputyId, ys.from, ys.to),
    weightsInForce(db, bodyPath),
    publishedResult(db, deputyId, year),
  ]);
  const sections = await externalPerformanceSections(db, deputyId, from, to);
  const participantCounts = await duties.participantCounts(
    db,
    records.map((r) => r.record.id),
  );
  const byKind = Object.fromEntries(counts.map((c) => [c.kind, c.n])) as Partial<Record<DutyKind, number>>;
  const yearByKind = Object.fromEntries(yearCounts.map((c) => [c.kind, c.n])) as Partial<Record<DutyKind, number>>;
  return {
    deputy,
    period: { from, to },
    groups: memberOf,
    gridCells: cells,
    countsByKind: allDutyKinds.map((kind) => ({ kind, label: dutyKindLabel[kind], count: byKind[kind] ?? 0 })),
    votersReceived: voters,
    records: records.map(({ record: r, gridCellName, recordedByName }) => ({
      id: r.id,
      bodyId: r.bodyId,
      kind: r.kind as DutyKind,
      occurredOn: r.occurredOn,
      place: r.place,
      title: r.title,
      description: r.description,
      votersReceived: r.votersReceived,
      gridCellId: r.gridCellId,
      gridCellName,
      source: r.source as PerformanceFile['records'][number]['source'],
      recordedByName,
      createdAt: r.createdAt.toISOString(),
      participantCount: participantCounts.get(r.id) ?? 1,
    })),
    recordsTotal: counts.reduce((s, c) => s + c.n, 0),
    sevenOnes: sevenOnesOf(
      year,
      { countsByKind: yearByKind, votersReceived: yearVoters, gridActivities: yearCounts.reduce((s, c) => s + c.inGrid, 0) },
      external,
    ),
    liveScore: scoreOf(yearByKind, weights.weights),
    assessment: published,
    ...(sections.length ? { sections } : {}),
  };
}

async function getDeputyForFile(db: Executor, ctx: ActorContext, row: DeputyWithBody) {
  const others = await otherLevels(db, ctx.actor, row.deputy);
  return presentDeputy(
    row,
    others.map((o) => ({ ...o, level: o.level as PerformanceFile['deputy']['level'] })),
  );
}

export async function performanceFile(db: Db, ctx: ActorContext, deputyId: string, from: string, to: string) {
  return performanceOf(db, ctx, await requireDeputy(db, ctx, deputyId), from, to);
}
