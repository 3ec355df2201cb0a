/**
 * What other modules may call. A meeting's agenda (module 7) links a draft regulation by id and shows
 * its title and state through `draftSummary`.
 */
import { draftStateLabel, type DraftState } from '@renda/shared';
import type { Executor } from '../../db/client.js';
import type { Scope } from '../../platform/scope.js';
import { getDraft } from './draft-repository.js';

export async function draftSummary(db: Executor, scope: Scope, id: string) {
  const row = await getDraft(db, scope, id);
  if (!row) return null;
  const state = row.draft.state as DraftState;
  return { id, title: row.draft.title, state, stateLabel: draftStateLabel[state], link: `/legislation/drafts/${id}` };
}
