import type { CampaignDetail, CampaignUpdateInput } from '@renda/shared';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext } from '../../platform/context.js';
import { DomainError } from '../../platform/errors.js';
import * as repo from './repository.js';
import { getCampaign, requireCampaign, requireDeputies } from './service.js';

const periodError = (path: 'startsOn' | 'endsOn', message: string) =>
  new DomainError('CAMPAIGN_PERIOD_EXCLUDES_RECORDS', message, { fields: [{ path, message }] });

/**
 * Staff edit a campaign's title, theme, period and teams. What was recorded stays true: the period
 * must still cover every visit and finding, and a team that went on visits cannot be removed (its
 * visits would lose their team in the dispatch report). Deputies newly put on a team must be in the
 * editor's scope; those already on a team stay even if they sit in another body.
 */
export async function updateCampaign(db: Db, ctx: ActorContext, id: string, input: CampaignUpdateInput): Promise<CampaignDetail> {
  return db.transaction(async (tx) => {
    const { campaign: c } = await requireCampaign(tx, ctx, id, true);
    const span = await repo.recordedSpan(tx, id);
    if (span.first && input.startsOn > span.first)
      throw periodError('startsOn', `已有 ${span.first} 的实地监督或线索记录，开始日期不能晚于该日`);
    if (span.last && input.endsOn < span.last) throw periodError('endsOn', `已有 ${span.last} 的实地监督或线索记录，结束日期不能早于该日`);

    const existing = await repo.listTeams(tx, id);
    const unknown = input.teams.filter((t) => t.id && !existing.some((e) => e.id === t.id));
    if (unknown.length)
      throw new DomainError('CAMPAIGN_TEAM_UNKNOWN', '所选监督组不属于本专项监督', {
        fields: [{ path: 'teams', message: '请刷新后重试' }],
      });
    const removed = existing.filter((e) => !input.teams.some((t) => t.id === e.id));
    const inUse = await repo.teamsWithVisits(
      tx,
      removed.map((t) => t.id),
    );
    const blocked = removed.find((t) => inUse.has(t.id));
    if (blocked)
      throw new DomainError('CAMPAIGN_TEAM_IN_USE', `监督组“${blocked.name}”已有实地监督记录，不能删除`, { teamId: blocked.id }, 409);

    const members = new Set(existing.flatMap((t) => t.deputies.map((d) => d.id)));
    const added = input.teams.flatMap((t) => t.deputyIds).filter((d) => !members.has(d));
    if (added.length) await requireDeputies(tx, ctx, added);

    const now = clock.now();
    await repo.updateCampaign(tx, id, {
      title: input.title,
      theme: input.theme,
      description: input.description,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      updatedAt: now,
    });
    for (const t of removed) await repo.deleteTeam(tx, t.id);
    for (const [i, t] of input.teams.entries()) {
      const deputyIds = [...new Set(t.deputyIds)];
      if (t.id) await repo.updateTeam(tx, t.id, { name: t.name, area: t.area }, deputyIds);
      // New teams keep the order they were given in, after the existing ones.
      else await repo.insertTeam(tx, { campaignId: id, name: t.name, area: t.area, createdAt: new Date(now.getTime() + i) }, deputyIds);
    }
    const snapshot = (v: { title: string; theme: string; description: string | null; startsOn: string; endsOn: string }) => ({
      title: v.title,
      theme: v.theme,
      description: v.description,
      startsOn: v.startsOn,
      endsOn: v.endsOn,
    });
    const after = await repo.listTeams(tx, id);
    const teamsOf = (teams: typeof after) =>
      teams.map((t) => ({ id: t.id, name: t.name, area: t.area, deputyIds: t.deputies.map((d) => d.id) }));
    await recordAudit(tx, ctx, {
      entity: 'campaign',
      entityId: id,
      bodyId: c.bodyId,
      action: 'update',
      before: { ...snapshot(c), teams: teamsOf(existing) },
      after: { ...snapshot(input), teams: teamsOf(after) },
    });
    return getCampaign(tx, ctx, id);
  });
}
