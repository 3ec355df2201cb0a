import {
  type CampaignClueCounts,
  type CampaignDetail,
  type CampaignFigures,
  type CampaignInput,
  type CampaignTeamInput,
} from '@renda/shared';
import type { Db, Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext } from '../../platform/context.js';
import { chinaDate, endOfChinaDay } from '../../platform/deadlines.js';
import { DomainError, notFound } from '../../platform/errors.js';
import { requireBodyInScope } from '../../platform/scope.js';
import { presentCampaign } from './presenters.js';
import * as repo from './repository.js';
import type { Period } from './repository.js';

export const today = () => chinaDate(clock.now());

export async function requireCampaign(db: Executor, ctx: ActorContext, id: string, forUpdate = false) {
  const row = await repo.getCampaign(db, ctx.actor, id, forUpdate);
  if (!row) throw notFound('专项监督', { id });
  return row;
}

const startOfChinaDay = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`));
const dayAfterAt = (date: string) => new Date(endOfChinaDay(date).getTime() + 1);

export function period(from: string, to: string): Period {
  const toAt = dayAfterAt(to);
  const now = clock.now();
  return { from, to, fromAt: startOfChinaDay(from), toAt, asOf: now < toAt ? now : toAt };
}

export function monthBounds(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

export function present(f: repo.FigureRow): CampaignFigures {
  return { ...f };
}

// ---- campaigns ----

export async function createCampaign(db: Db, ctx: ActorContext, input: CampaignInput): Promise<CampaignDetail> {
  return db.transaction(async (tx) => {
    await requireBodyInScope(tx, ctx.actor, input.bodyId);
    const created = await repo.insertCampaign(tx, {
      ...input,
      createdBy: ctx.actor.id,
      createdAt: clock.now(),
    });
    await recordAudit(tx, ctx, { entity: 'campaign', entityId: created.id, bodyId: created.bodyId, action: 'create', after: input });
    return getCampaign(tx, ctx, created.id);
  });
}

export async function pageCampaigns(
  db: Db,
  ctx: ActorContext,
  q: { q?: string | undefined; bodyId?: string | undefined; page: number; pageSize: number },
) {
  const { rows, total } = await repo.pageCampaigns(db, ctx.actor, q);
  const day = today();
  return { items: rows.map((r) => presentCampaign(r.campaign, r.bodyName, day)), total, page: q.page, pageSize: q.pageSize };
}

/** How many campaigns the clue chart compares: the latest ones of the list. */
const CHART_CAMPAIGNS = 12;

/** 各专项线索对比: the clues of the latest campaigns in the list, by kind, and how many are closed. */
export async function clueCounts(
  db: Db,
  ctx: ActorContext,
  q: { q?: string | undefined; bodyId?: string | undefined },
): Promise<CampaignClueCounts> {
  return { items: await repo.clueCounts(db, ctx.actor, q, CHART_CAMPAIGNS) };
}

/** The campaign with its teams and its figures from the start until today. */
export async function getCampaign(db: Executor, ctx: ActorContext, id: string): Promise<CampaignDetail> {
  const row = await requireCampaign(db, ctx, id);
  const day = today();
  const c = row.campaign;
  const [teams, figures] = await Promise.all([
    repo.listTeams(db, id),
    day < c.startsOn ? null : repo.figures(db, id, period(c.startsOn, day)),
  ]);
  return {
    ...presentCampaign(c, row.bodyName, day),
    description: c.description,
    teams: teams.map((t) => ({ id: t.id, name: t.name, area: t.area, deputies: t.deputies })),
    figures: present(
      figures ?? {
        visits: 0,
        personTimes: 0,
        deputies: 0,
        problems: 0,
        suggestions: 0,
        transferred: 0,
        transferredToGovernment: 0,
        closed: 0,
        open: 0,
        overdue: 0,
      },
    ),
  };
}

export async function requireDeputies(tx: Executor, ctx: ActorContext, ids: string[]) {
  const unique = [...new Set(ids)];
  const found = await repo.deputiesInScope(tx, ctx.actor, unique);
  if (found.length !== unique.length)
    throw new DomainError('CAMPAIGN_DEPUTY_UNKNOWN', '所选代表不存在或不在本机关范围内', {
      fields: [{ path: 'deputyIds', message: '请重新选择代表' }],
    });
  return unique;
}

export async function addTeam(db: Db, ctx: ActorContext, campaignId: string, input: CampaignTeamInput): Promise<CampaignDetail> {
  return db.transaction(async (tx) => {
    const row = await requireCampaign(tx, ctx, campaignId);
    const deputyIds = await requireDeputies(tx, ctx, input.deputyIds);
    const team = await repo.insertTeam(tx, { campaignId, name: input.name, area: input.area, createdAt: clock.now() }, deputyIds);
    await recordAudit(tx, ctx, {
      entity: 'campaign_team',
      entityId: team.id,
      bodyId: row.campaign.bodyId,
      action: 'create',
      after: { campaignId, ...input, deputyIds },
    });
    return getCampaign(tx, ctx, campaignId);
  });
}

/** A date of a visit or a finding must lie within the campaign's period and not in the future. */
export function checkDate(c: repo.CampaignRow, date: string, path: string) {
  if (date < c.startsOn || date > c.endsOn)
    throw new DomainError('CAMPAIGN_DATE_OUTSIDE', `日期应在专项监督期间（${c.startsOn} 至 ${c.endsOn}）内`, {
      fields: [{ path, message: '日期不在专项监督期间内' }],
    });
  if (date > today())
    throw new DomainError('CAMPAIGN_DATE_FUTURE', '日期不能晚于今天', { fields: [{ path, message: '日期不能晚于今天' }] });
}
