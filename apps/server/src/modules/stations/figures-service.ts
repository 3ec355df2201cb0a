import type { StationFigures, StationFiguresByStation } from '@renda/shared';
import type { Db } from '../../db/client.js';
import type { ActorContext } from '../../platform/context.js';
import * as repo from './repository.js';
import { requireStation } from './stations-service.js';

/** 进站接待统计: the counts seed 002 quotes, for one station, one body or everything in scope. */
export async function figures(
  db: Db,
  ctx: ActorContext,
  f: { stationId?: string | undefined; bodyId?: string | undefined; from: string; to: string },
): Promise<StationFigures> {
  if (f.stationId) await requireStation(db, ctx, f.stationId);
  const r = await repo.figures(db, ctx.actor, {
    from: f.from,
    to: f.to,
    ...(f.stationId ? { stationId: f.stationId } : {}),
    ...(f.bodyId ? { bodyId: f.bodyId } : {}),
  });
  return {
    sessions: r.sessions,
    deputyVisits: r.deputyVisits,
    votersReceived: r.voters,
    concerns: r.concerns,
    resolvedOnSite: r.resolved,
    registeredAsOpinions: r.opinions,
    opinionsCollected: r.opinionCounts.received,
    opinionsReplied: r.opinionCounts.replied,
    opinionsSolved: r.opinionCounts.solved,
  };
}

/** How many stations the per-station chart compares: the busiest ones. */
const CHART_STATIONS = 20;

/** 各站接待对比: receptions, voters and concerns of each station in scope, busiest first. */
export async function figuresByStation(
  db: Db,
  ctx: ActorContext,
  f: { bodyId?: string | undefined; from: string; to: string },
): Promise<StationFiguresByStation> {
  const items = await repo.figuresByStation(db, ctx.actor, {
    from: f.from,
    to: f.to,
    limit: CHART_STATIONS,
    ...(f.bodyId ? { bodyId: f.bodyId } : {}),
  });
  return { items };
}
