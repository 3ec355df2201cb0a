import { useQuery } from '@tanstack/react-query';
import {
  actionUrl,
  planActions,
  pointActions,
  supervisionActions,
  type AnswerInput,
  type JointMeeting,
  type JointMeetingInput,
  type MyParticipation,
  type OwnVisitInput,
  type ParticipationInput,
  type PlanAction,
  type PlanInput,
  type PlanItemEdit,
  type PlanItemInput,
  type PlanSummary,
  type PointAction,
  type PointInput,
  type GatheredOpinionInput,
  type StageDueInput,
  type QuestionInput,
  type SupervisionAction,
  type SupervisionItem,
  type SupervisionPlan,
  type SupervisionPoint,
} from '@renda/shared';
import { api, queryString, type QueryParams } from '../../app/api';

export const supervisionKey = ['supervision'] as const;
/** The Excel exports, each with the filters of the list it mirrors. */
export const exportUrls = {
  items: (filters: QueryParams = {}) => `/api/supervision-items/export.xlsx${queryString(filters)}`,
  planItems: (planId: string) => `/api/supervision/plans/${planId}/items.xlsx`,
  points: (filters: QueryParams) => `/api/supervision-points/export.xlsx${queryString(filters)}`,
  meetings: '/api/joint-meetings/export.xlsx',
};
export const itemKey = (id: string) => [...supervisionKey, 'item', id] as const;
export const planKey = (id: string) => [...supervisionKey, 'plan', id] as const;
export const meetingsKey = [...supervisionKey, 'meetings'] as const;

export const useItem = (id: string) =>
  useQuery({ queryKey: itemKey(id), queryFn: () => api.get<SupervisionItem>(`/api/supervision-items/${id}`) });
export const usePlan = (id: string) =>
  useQuery({ queryKey: planKey(id), queryFn: () => api.get<SupervisionPlan>(`/api/supervision/plans/${id}`) });
export const usePlans = () =>
  useQuery({
    queryKey: [...supervisionKey, 'plans'],
    queryFn: () => api.get<{ items: PlanSummary[] }>('/api/supervision/plans'),
    select: (d) => d.items,
  });
export const useMyItems = () =>
  useQuery({
    queryKey: [...supervisionKey, 'mine'],
    queryFn: () => api.get<{ items: MyParticipation[] }>('/api/supervision-items/mine'),
    select: (d) => d.items,
  });
export const useMeetings = () =>
  useQuery({ queryKey: meetingsKey, queryFn: () => api.get<{ items: JointMeeting[] }>('/api/joint-meetings'), select: (d) => d.items });

export const createPlan = (input: PlanInput) => api.post<SupervisionPlan>('/api/supervision/plans', input);
export const addPlanItem = (planId: string, input: PlanItemInput & { reason: string | null }) =>
  api.post<SupervisionPlan>(`/api/supervision/plans/${planId}/items`, input);
export const changePlanItem = (itemId: string, input: PlanItemEdit) => api.put<SupervisionPlan>(`/api/supervision-items/${itemId}`, input);
export const actOnPlan = (planId: string, action: PlanAction) => api.post<SupervisionPlan>(actionUrl(planActions, planId, action), {});

export const actOnItem = (itemId: string, action: SupervisionAction, input: Record<string, unknown>) =>
  api.post<SupervisionItem>(actionUrl(supervisionActions, itemId, action), input);
export const actOnPoint = (pointId: string, action: Exclude<PointAction, 'carryOver'>, input: Record<string, unknown>) =>
  api.post<SupervisionPoint>(actionUrl(pointActions, pointId, action), input);

export const recordParticipation = (itemId: string, input: ParticipationInput) =>
  api.post<SupervisionItem>(`/api/supervision-items/${itemId}/visits`, input);
export const recordOwnVisit = (itemId: string, input: OwnVisitInput) =>
  api.post<SupervisionItem>(`/api/supervision-items/${itemId}/my-visits`, input);
export const addQuestion = (itemId: string, input: QuestionInput) =>
  api.post<SupervisionItem>(`/api/supervision-items/${itemId}/questions`, input);
export const gatherOpinion = (itemId: string, input: GatheredOpinionInput) =>
  api.post<SupervisionItem>(`/api/supervision-items/${itemId}/gathered-opinions`, input);
export const setStageDue = (itemId: string, input: StageDueInput) =>
  api.put<SupervisionItem>(`/api/supervision-items/${itemId}/stage-due`, input);
export const answerQuestion = (itemId: string, questionId: string, input: AnswerInput) =>
  api.post<SupervisionItem>(`/api/supervision-items/${itemId}/questions/${questionId}/answer`, input);
export const addPoints = (itemId: string, points: PointInput[]) =>
  api.post<SupervisionItem>(`/api/supervision-items/${itemId}/points`, { points });

export const createMeeting = (input: JointMeetingInput) => api.post<JointMeeting>('/api/joint-meetings', input);
