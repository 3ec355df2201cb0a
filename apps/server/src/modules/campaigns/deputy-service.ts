import type { CampaignClue, CampaignVisitInput, ClueQuery, MyCampaign, Page } from '@renda/shared';
import { campaignStatusLabel } from '@renda/shared';
import type { Db, Executor } from '../../db/client.js';
import type { ActorContext } from '../../platform/context.js';
import { DomainError, notFound } from '../../platform/errors.js';
import { campaignStatusOn, presentCampaign, presentVisit } from './presenters.js';
import * as repo from './repository.js';
import { insertVisitWithClues, pageClues } from './ledger-service.js';
import { checkDate, today } from './service.js';

/**
 * A deputy on a campaign team records the team's field visits from a phone (seed 000: deputies go
 * out in teams, each person on a visit counts one person-time). A deputy reaches a campaign through
 * its teams, not through the body scope staff have, since deputies of several levels serve together.
 */
async function requireMyCampaign(db: Executor, ctx: ActorContext, id: string, forUpdate = false) {
  const mine = await repo.deputyIdsOfUser(db, ctx.actor.id);
  const [row] = await repo.campaignsOfDeputies(db, mine, id, forUpdate);
  if (!row) throw notFound('专项监督', { id });
  const teams = await repo.listTeams(db, id);
  const myTeams = teams.filter((t) => t.deputies.some((d) => mine.includes(d.id)));
  const deputyId = myTeams.flatMap((t) => t.deputies).find((d) => mine.includes(d.id))!.id;
  return { ...row, teams, myTeams, deputyId };
}

export async function myCampaigns(db: Db, ctx: ActorContext): Promise<MyCampaign[]> {
  const mine = await repo.deputyIdsOfUser(db, ctx.actor.id);
  const rows = await repo.campaignsOfDeputies(db, mine);
  const day = today();
  const counts = await repo.visitCounts(
    db,
    rows.map((r) => r.campaign.id),
    mine,
  );
  const order = { active: 0, planned: 1, ended: 2 } as const;
  const items = await Promise.all(
    rows.map(async (r) => {
      const teams = (await repo.listTeams(db, r.campaign.id)).filter((t) => t.deputies.some((d) => mine.includes(d.id)));
      return {
        ...presentCampaign(r.campaign, r.bodyName, day),
        deputyId: teams.flatMap((t) => t.deputies).find((d) => mine.includes(d.id))!.id,
        teams: teams.map((t) => ({ id: t.id, name: t.name, area: t.area, deputies: t.deputies })),
        myVisits: counts.get(r.campaign.id) ?? 0,
      };
    }),
  );
  return items.sort((a, b) => order[a.status] - order[b.status]);
}

/**
 * The deputy's own visit: only while the campaign runs, for one of their teams, with themselves
 * among those who went and only members of the campaign's teams beside them.
 */
export async function recordOwnVisit(db: Db, ctx: ActorContext, campaignId: string, input: CampaignVisitInput) {
  return db.transaction(async (tx) => {
    const mine = await requireMyCampaign(tx, ctx, campaignId, true);
    const c = mine.campaign;
    const status = campaignStatusOn(c, today());
    if (status !== 'active')
      throw new DomainError('CAMPAIGN_NOT_RUNNING', `专项监督${campaignStatusLabel[status]}，不能登记实地监督`, { status }, 409);
    const teamId = input.teamId ?? (mine.myTeams.length === 1 ? mine.myTeams[0]!.id : null);
    if (!teamId || !mine.myTeams.some((t) => t.id === teamId))
      throw new DomainError('CAMPAIGN_TEAM_NOT_MINE', '请选择您所在的监督组', {
        fields: [{ path: 'teamId', message: '请选择您所在的监督组' }],
      });
    const deputyIds = [...new Set(input.deputyIds)];
    if (!deputyIds.includes(mine.deputyId))
      throw new DomainError('CAMPAIGN_VISIT_WITHOUT_SELF', '登记本人参加的实地监督，参加代表中应有您本人', {
        fields: [{ path: 'deputyIds', message: '请选择您本人' }],
      });
    const members = new Set(mine.teams.flatMap((t) => t.deputies.map((d) => d.id)));
    if (deputyIds.some((d) => !members.has(d)))
      throw new DomainError('CAMPAIGN_DEPUTY_NOT_MEMBER', '参加监督的代表应为本专项监督各监督组的成员', {
        fields: [{ path: 'deputyIds', message: '请从监督组成员中选择' }],
      });
    checkDate(c, input.visitedOn, 'visitedOn');
    return insertVisitWithClues(tx, ctx, c, { ...input, teamId }, deputyIds);
  });
}

export async function pageMyVisits(db: Db, ctx: ActorContext, campaignId: string, q: { page: number; pageSize: number }) {
  const mine = await requireMyCampaign(db, ctx, campaignId);
  const ids = await repo.deputyIdsOfUser(db, ctx.actor.id);
  const { rows, total } = await repo.pageVisits(db, mine.campaign.id, { ...q, deputyIds: ids });
  return { items: rows.map(presentVisit), total, page: q.page, pageSize: q.pageSize };
}

/** What was found on the deputy's own visits (the ledger itself only shows a deputy those rows). */
export async function pageMyClues(db: Db, ctx: ActorContext, campaignId: string, q: ClueQuery): Promise<Page<CampaignClue>> {
  await requireMyCampaign(db, ctx, campaignId);
  return pageClues(db, ctx, campaignId, q, true);
}
