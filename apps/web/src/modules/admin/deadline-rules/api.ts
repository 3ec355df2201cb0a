import { useQuery } from '@tanstack/react-query';
import type { DeadlineRuleInput, DeadlineRuleSetting } from '@renda/shared';
import { api } from '../../../app/api';

export const deadlineRulesKey = ['admin', 'deadline-rules'] as const;
export type DeadlineRuleSettings = { items: DeadlineRuleSetting[] };

/** Each deadline of a body: its own rule, or the one it inherits. */
export function useDeadlineRules(bodyId: string) {
  return useQuery({
    queryKey: [...deadlineRulesKey, bodyId],
    queryFn: () => api.get<DeadlineRuleSettings>(`/api/admin/deadline-rules?bodyId=${bodyId}`),
  });
}

/** Sets a body's own rule for a deadline; `null` goes back to the inherited one. */
export const setDeadlineRule = (key: string, bodyId: string, rule: DeadlineRuleInput | null) =>
  api.put<DeadlineRuleSettings>(`/api/admin/deadline-rules/${encodeURIComponent(key)}`, { bodyId, rule });
