import { useQuery } from '@tanstack/react-query';
import {
  actionUrl,
  majorMatterActions,
  meetingActions,
  type AgendaItemInput,
  type AttendanceInput,
  type AttendanceRecord,
  type InviteInput,
  type MajorMatter,
  type MajorMatterAction,
  type MajorMatterActionInput,
  type MajorMatterInput,
  type Meeting,
  type MeetingAction,
  type MeetingDetail,
  type MeetingInput,
  type MeetingReplyInput,
  type MyMeeting,
  type MyMeetingsShow,
} from '@renda/shared';
import { api, queryString, type QueryParams } from '../../app/api';

export const meetingsKey = ['meetings'] as const;
export const meetingKey = (id: string) => [...meetingsKey, 'detail', id] as const;
export const myMeetingsKey = ['my-meetings'] as const;
export const majorMattersKey = ['major-matters'] as const;

export const meetingUrls = {
  export: (filters: QueryParams) => `/api/meetings/export.xlsx${queryString(filters)}`,
  minutes: (id: string) => `/api/meetings/${id}/minutes.docx`,
  signInQr: (id: string) => `/api/meetings/${id}/sign-in-qr.png`,
  attendanceXlsx: (bodyId: string, year: number) => `/api/meetings/attendance.xlsx${queryString({ bodyId, year })}`,
  myFile: (meetingId: string, itemId: string, fileId: string) => `/api/my/meetings/${meetingId}/items/${itemId}/files/${fileId}`,
  resolution: (id: string) => `/api/major-matters/${id}/resolution.docx`,
};

/** The meeting, refreshed every few seconds while it may take sign-ins: the quorum is shown live. */
export function useMeeting(id: string, live = false) {
  return useQuery({
    queryKey: meetingKey(id),
    queryFn: () => api.get<MeetingDetail>(`/api/meetings/${id}`),
    refetchInterval: live ? 3000 : false,
  });
}

export function useMyMeetings(show: MyMeetingsShow) {
  return useQuery({
    queryKey: [...myMeetingsKey, 'list', show],
    queryFn: () => api.get<{ items: Meeting[] }>(`/api/my/meetings?show=${show}`),
    select: (d) => d.items,
  });
}

export function useMyMeeting(id: string) {
  return useQuery({ queryKey: [...myMeetingsKey, id], queryFn: () => api.get<MyMeeting>(`/api/my/meetings/${id}`), refetchInterval: 5000 });
}

export function useAttendance(bodyId: string | undefined, year: number) {
  return useQuery({
    queryKey: [...meetingsKey, 'attendance', bodyId, year],
    queryFn: () => api.get<{ items: AttendanceRecord[] }>('/api/meetings/attendance', { bodyId, year }),
    select: (d) => d.items,
    enabled: !!bodyId,
  });
}

export function useMajorMatter(id: string) {
  return useQuery({ queryKey: [...majorMattersKey, id], queryFn: () => api.get<MajorMatter>(`/api/major-matters/${id}`) });
}

export const saveMeeting = (id: string | null, input: MeetingInput) =>
  id ? api.put<MeetingDetail>(`/api/meetings/${id}`, input) : api.post<MeetingDetail>('/api/meetings', input);
export const actOnMeeting = (id: string, action: MeetingAction) => api.post<MeetingDetail>(actionUrl(meetingActions, id, action));
export const publishMaterials = (id: string) => api.post<MeetingDetail>(`/api/meetings/${id}/publish-materials`);
export const addItem = (id: string, input: AgendaItemInput) => api.post<MeetingDetail>(`/api/meetings/${id}/items`, input);
export const deleteItem = (id: string, itemId: string) => api.delete<MeetingDetail>(`/api/meetings/${id}/items/${itemId}`);
export const reorderAgenda = (id: string, itemIds: string[]) => api.put<MeetingDetail>(`/api/meetings/${id}/agenda-order`, { itemIds });
/** Puts an agenda item to the vote: the meeting creates and opens it on the vote component, at quorum only. */
export const startItemVote = (id: string, itemId: string, secret: boolean) =>
  api.post<MeetingDetail>(`/api/meetings/${id}/items/${itemId}/vote`, { secret });
export const invite = (id: string, input: InviteInput) => api.post<MeetingDetail>(`/api/meetings/${id}/invitations`, input);
export const markAttendance = (id: string, attendeeId: string, input: AttendanceInput) =>
  api.post<MeetingDetail>(`/api/meetings/${id}/attendees/${attendeeId}/attendance`, input);
export const replyToMeeting = (id: string, input: MeetingReplyInput) => api.post<MyMeeting>(`/api/my/meetings/${id}/reply`, input);
export const signInByCode = (id: string, code: string) => api.post<MyMeeting>(`/api/my/meetings/${id}/sign-in`, { code });
export const createMajorMatter = (input: MajorMatterInput) => api.post<MajorMatter>('/api/major-matters', input);
export const actOnMajorMatter = (id: string, action: MajorMatterAction, input: Partial<MajorMatterActionInput>) =>
  api.post<MajorMatter>(actionUrl(majorMatterActions, id, action), input);
