import { Tag, Tooltip } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isProvisionalDate, type CalendarCoverage } from '@renda/shared';
import { api } from '../app/api';
import { formatDateTime } from './format';
import { tagColour } from './tagColours';

export const calendarCoverageKey = ['calendar', 'coverage'] as const;

/** Which years' official days off are entered; changes a few times a year. */
export function useCalendarCoverage() {
  return useQuery({
    queryKey: calendarCoverageKey,
    queryFn: () => api.get<CalendarCoverage>('/api/calendar/coverage'),
    staleTime: 10 * 60_000,
  });
}

/** 暂定: beside a date in a year whose official holidays and make-up days are not entered yet. */
export function ProvisionalTag({ date }: { date: string | null | undefined }) {
  const { t } = useTranslation();
  const coverage = useCalendarCoverage();
  if (!date || !coverage.data || !isProvisionalDate(coverage.data, formatDateTime(date).slice(0, 10))) return null;
  return (
    <Tooltip title={t('calendar.provisionalHint', { year: formatDateTime(date).slice(0, 4) })}>
      <Tag color={tagColour.warning} style={{ marginInlineStart: 4 }}>
        {t('calendar.provisional')}
      </Tag>
    </Tooltip>
  );
}

/** A due date as the deadline pages show it: the China date, marked 暂定 where the calendar is not known. */
export function DueDate({ at }: { at: string | null | undefined }) {
  return (
    <span>
      {at ? formatDateTime(at).slice(0, 10) : '—'}
      <ProvisionalTag date={at} />
    </span>
  );
}
