import {
  honourActionLabel,
  honourStateLabel,
  reportBackActionLabel,
  reportBackStateLabel,
  type HonourAction,
  type HonourState,
  type ReportBackAction,
  type ReportBackState,
} from '@renda/shared';
import { defineWorkflow, type Transition } from '../../platform/workflow.js';

/** A row of these tables: no parties, no kinds of item. */
export type Step<S extends string, A extends string> = Transition<S, A, never, never>;

/**
 * 回选区述职: staff prepare the event, open it for the voters' ratings (评) when the deputy has
 * reported, and close it; after closing no rating is taken and the result is final.
 */
export const reportBackTransitions = [
  { from: 'draft', action: 'openRating', to: 'rating', roles: ['staff', 'admin'] },
  { from: 'rating', action: 'close', to: 'closed', roles: ['staff', 'admin'] },
] as const satisfies readonly Step<ReportBackState, ReportBackAction>[];

export const reportBackWorkflow = defineWorkflow<ReportBackState, ReportBackAction>({
  unnamedAction: true,
  code: 'REPORT_BACK',
  stateLabel: reportBackStateLabel,
  actionLabel: reportBackActionLabel,
  transitions: reportBackTransitions,
});

/**
 * 最美人大代表: nominations first, then the vote; closing publishes the ranked result. The terms and
 * the list of nominees can change only before voting opens, so every ballot is cast on the same slate.
 */
export const honourTransitions = [
  { from: 'nominating', action: 'edit', to: 'nominating', roles: ['staff', 'admin'] },
  {
    from: 'nominating',
    action: 'nominate',
    to: 'nominating',
    roles: ['staff', 'admin'],
    needs: [
      ['deputyId', '被提名代表'],
      ['reason', '提名理由'],
    ],
  },
  { from: 'nominating', action: 'withdrawNomination', to: 'nominating', roles: ['staff', 'admin'], needs: [['nominationId', '提名']] },
  { from: 'nominating', action: 'openVoting', to: 'voting', roles: ['staff', 'admin'] },
  { from: 'voting', action: 'close', to: 'closed', roles: ['staff', 'admin'] },
] as const satisfies readonly Step<HonourState, HonourAction>[];

/** A selection runs in stages (提名、投票), so its refusals speak of the 阶段. */
export const honourWorkflow = defineWorkflow<HonourState, HonourAction>({
  unnamedAction: true,
  code: 'HONOUR',
  stateLabel: honourStateLabel,
  actionLabel: honourActionLabel,
  stateWord: '阶段',
  transitions: honourTransitions,
});
