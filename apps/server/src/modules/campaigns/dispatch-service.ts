import { type ClueStatus, type DispatchReport } from '@renda/shared';
import type { Db } from '../../db/client.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext } from '../../platform/context.js';
import { DomainError } from '../../platform/errors.js';
import { clueNumber } from './presenters.js';
import * as repo from './repository.js';
import { monthBounds, period, present, requireCampaign, today } from './service.js';
/** The monthly dispatch report (月调度, seed 000): this month's and the cumulative figures, by team and by unit. */

export async function dispatchReport(db: Db, ctx: ActorContext, campaignId: string, month: string): Promise<DispatchReport> {
  const row = await requireCampaign(db, ctx, campaignId);
  const c = row.campaign;
  const bounds = monthBounds(month);
  if (bounds.to < c.startsOn || bounds.from > c.endsOn)
    throw new DomainError('CAMPAIGN_MONTH_OUTSIDE', `所选月份不在专项监督期间（${c.startsOn} 至 ${c.endsOn}）内`, {
      fields: [{ path: 'month', message: '请选择专项监督期间内的月份' }],
    });
  if (bounds.from > today())
    throw new DomainError('CAMPAIGN_MONTH_FUTURE', '不能生成尚未到来月份的调度', {
      fields: [{ path: 'month', message: '请选择本月或以前的月份' }],
    });
  const monthPeriod = period(bounds.from, bounds.to);
  const sinceStart = period(c.startsOn, bounds.to);
  const [thisMonth, cumulative, byTeam, byUnit, newClues] = await Promise.all([
    repo.figures(db, campaignId, monthPeriod),
    repo.figures(db, campaignId, sinceStart),
    repo.figuresByTeam(db, campaignId, monthPeriod),
    repo.figuresByUnit(db, campaignId, monthPeriod),
    repo.pageClues(db, ctx.actor, campaignId, { page: 1, pageSize: 200 }, clock.now(), bounds),
  ]);
  return {
    campaign: { id: c.id, title: c.title, theme: c.theme, bodyName: row.bodyName, startsOn: c.startsOn, endsOn: c.endsOn },
    month,
    period: bounds,
    thisMonth: present(thisMonth),
    cumulative: present(cumulative),
    byTeam: byTeam
      .filter((t) => t.team_name !== null || t.visits + t.problems + t.suggestions > 0)
      .map((t) => ({
        teamName: t.team_name ?? '其他来源',
        visits: t.visits,
        personTimes: t.person_times,
        problems: t.problems,
        suggestions: t.suggestions,
      })),
    byUnit: byUnit.map((u) => ({ unitName: u.unit_name, transferred: u.transferred, closed: u.closed, open: u.open })),
    newClues: newClues.rows
      .sort((a, b) => a.clue.seq - b.clue.seq)
      .map((r) => ({
        number: clueNumber(r.clue.foundOn, r.clue.seq),
        kind: r.clue.kind as 'problem',
        content: r.clue.content,
        location: r.clue.location,
        handlingUnitName: r.unitName,
        status: r.clue.status as ClueStatus,
      })),
  };
}
