import { useQuery } from '@tanstack/react-query';
import type { CalendarYearDetail, CalendarYearInput, CalendarYearSummary } from '@renda/shared';
import { api } from '../../../app/api';

export const calendarKey = ['admin', 'calendar'] as const;

export function useCalendarYears() {
  return useQuery({
    queryKey: [...calendarKey, 'years'],
    queryFn: () => api.get<{ items: CalendarYearSummary[]; packageYearsMissing: number[] }>('/api/admin/calendar/years'),
  });
}

export const getCalendarYear = (year: number) => api.get<CalendarYearDetail>(`/api/admin/calendar/years/${year}`);

export const saveCalendarYear = (year: number, input: CalendarYearInput) =>
  api.put<CalendarYearDetail>(`/api/admin/calendar/years/${year}`, input);

export const importCalendarYear = (year: number) => api.post<CalendarYearDetail>(`/api/admin/calendar/years/${year}/import`);
