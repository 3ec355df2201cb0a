import { useQuery } from '@tanstack/react-query';
import {
  actionUrl,
  cycleActions,
  projectActions,
  proposalActions,
  type CandidateInput,
  type CycleAction,
  type CycleActionInput,
  type CycleDetail,
  type CycleInput,
  type GroupInput,
  type InspectionInput,
  type LivelihoodCategory,
  type LivelihoodFigures,
  type MilestoneInput,
  type ProjectActionInput,
  type ProjectDetail,
  type Proposal,
  type ProposalAction,
  type ProposalActionInput,
  type ProposalInput,
} from '@renda/shared';
import { api, queryString, type QueryParams } from '../../app/api';

export const livelihoodKey = ['livelihood'] as const;
export const cyclesKey = [...livelihoodKey, 'cycles'] as const;
export const proposalsKey = [...livelihoodKey, 'proposals'] as const;
export const projectsKey = [...livelihoodKey, 'projects'] as const;

export const livelihoodUrls = {
  export: (filters: QueryParams) => `/api/livelihood/projects/export.xlsx${queryString(filters)}`,
  qr: (cycleId: string) => `/api/livelihood/cycles/${cycleId}/qr.png`,
  phonePage: (publicCode: string) => `/m/livelihood?cycle=${encodeURIComponent(publicCode)}`,
  portal: (cycleId: string) => `/m/livelihood?id=${encodeURIComponent(cycleId)}`,
};

export const useCycle = (id: string) =>
  useQuery({ queryKey: [...cyclesKey, 'detail', id], queryFn: () => api.get<CycleDetail>(`/api/livelihood/cycles/${id}`) });
export const useProject = (id: string) =>
  useQuery({ queryKey: [...projectsKey, 'detail', id], queryFn: () => api.get<ProjectDetail>(`/api/livelihood/projects/${id}`) });
export const useFigures = (year?: number) =>
  useQuery({
    queryKey: [...livelihoodKey, 'figures', year],
    queryFn: () => api.get<LivelihoodFigures>('/api/livelihood/figures', { year }),
  });

export const createCycle = (input: CycleInput) => api.post<CycleDetail>('/api/livelihood/cycles', input);
export const actOnCycle = (id: string, action: Exclude<CycleAction, 'announce' | 'finishEvaluation'>, input: CycleActionInput = {}) =>
  api.post<CycleDetail>(actionUrl(cycleActions, id, action), input);

export const propose = (input: ProposalInput) => api.post<Proposal>('/api/livelihood/proposals', input);
export const classify = (id: string, category: LivelihoodCategory) =>
  api.post<Proposal>(`/api/livelihood/proposals/${id}/classify`, { category });
export const actOnProposal = (id: string, action: ProposalAction, input: ProposalActionInput) =>
  api.post<Proposal>(actionUrl(proposalActions, id, action), input);

export const createCandidate = (input: CandidateInput) => api.post<ProjectDetail>('/api/livelihood/projects', input);
export const deleteCandidate = (id: string) => api.delete(`/api/livelihood/projects/${id}`);
export const setGroup = (id: string, input: GroupInput) => api.put<ProjectDetail>(`/api/livelihood/projects/${id}/group`, input);
export const addMilestone = (id: string, input: MilestoneInput) =>
  api.post<ProjectDetail>(`/api/livelihood/projects/${id}/milestones`, input);
export const milestoneDone = (id: string, doneOn: string) => api.post<ProjectDetail>(`/api/livelihood/milestones/${id}/done`, { doneOn });
export const recordInspection = (id: string, input: InspectionInput) =>
  api.post<ProjectDetail>(`/api/livelihood/projects/${id}/inspections`, input);
export const actOnProject = (id: string, action: 'reportCompletion' | 'reportRectified', input: ProjectActionInput) =>
  api.post<ProjectDetail>(actionUrl(projectActions, id, action), input);
