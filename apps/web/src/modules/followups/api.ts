import { useQuery } from '@tanstack/react-query';
import {
  actionUrl,
  followUpActions,
  type FollowUpAction,
  type FollowUpSubject,
  type FollowUpTask,
  type FollowUpTaskInput,
  type FollowUpTaskList,
} from '@renda/shared';
import { api } from '../../app/api';

export const followUpsKey = ['follow-up-tasks'] as const;
export const followUpsOfKey = (s: FollowUpSubject) => [...followUpsKey, s.subjectType, s.subjectId] as const;

export const useFollowUps = (s: FollowUpSubject) =>
  useQuery({ queryKey: followUpsOfKey(s), queryFn: () => api.get<FollowUpTaskList>('/api/follow-up-tasks', { ...s }) });

export const createFollowUp = (input: FollowUpTaskInput) => api.post<FollowUpTask>('/api/follow-up-tasks', input);

export const actOnFollowUp = (id: string, action: FollowUpAction, input: Record<string, unknown>) =>
  api.post<FollowUpTask>(actionUrl(followUpActions, id, action), input);
