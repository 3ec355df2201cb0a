import { useState } from 'react';
import { Alert, Button, Flex, Form, Input, InputNumber, Popconfirm, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { calendarSourceLabel, calendarYearInput, type CalendarYearInput, type CalendarYearSummary } from '@renda/shared';
import { FormModal } from '../../../components/FormModal';
import { formatDateTime } from '../../../components/format';
import type { Schema } from '../../../components/forms';
import { useAction, useFormMutation } from '../../../components/mutations';
import { Page } from '../../../components/Page';
import { tagColour } from '../../../components/tagColours';
import { useCalendarCoverage } from '../../../components/ProvisionalTag';
import { calendarKey, getCalendarYear, importCalendarYear, saveCalendarYear, useCalendarYears } from './api';

interface HolidayRow {
  name?: string;
  from?: string;
  to?: string;
  /** Typed as one line: dates separated by 、 , or spaces. */
  makeUpDays?: string;
}
interface YearForm {
  year?: number;
  notice?: string;
  holidays?: HolidayRow[];
}

const splitDates = (text: string | undefined) =>
  (text ?? '')
    .split(/[\s,，、;；]+/)
    .map((d) => d.trim())
    .filter(Boolean);

/** The shared schema, fed from the form's one-line make-up days; an error on one of them is shown on that line. */
const formSchema: Schema<CalendarYearInput & { year: number }> = {
  safeParse(value) {
    const v = value as YearForm;
    const input = {
      notice: v.notice || undefined,
      holidays: (v.holidays ?? []).map((h) => ({ ...h, name: h.name ?? '', makeUpDays: splitDates(h.makeUpDays) })),
    };
    const result = calendarYearInput.safeParse(input);
    const yearOk = Number.isInteger(v.year) && v.year! >= 2000 && v.year! <= 2100;
    if (result.success && yearOk) return { success: true, data: { ...result.data, year: v.year! } };
    const issues = result.success
      ? []
      : result.error.issues.map((i) => {
          const at = i.path.indexOf('makeUpDays');
          return { path: at >= 0 ? i.path.slice(0, at + 1) : i.path, message: i.message };
        });
    if (!yearOk) issues.push({ path: ['year'], message: '请填写2000至2100之间的年份' });
    return { success: false, error: { issues } };
  },
};

/** 法定节假日安排: each year's days off and make-up working days, from the State Council's notice or the calendar package. */
export function CalendarPage() {
  const { t } = useTranslation();
  const years = useCalendarYears();
  const coverage = useCalendarCoverage();
  const [editing, setEditing] = useState<YearForm | null>(null);
  const importYear = useAction(importCalendarYear, { invalidate: calendarKey, onSuccess: () => void coverage.refetch() });
  const through = coverage.data?.knownThrough;

  const openYear = async (year: number) => {
    const detail = await getCalendarYear(year);
    setEditing({
      year,
      notice: detail.notice ?? '',
      holidays: detail.holidays.map((h) => ({ name: h.name, from: h.from, to: h.to, makeUpDays: h.makeUpDays.join('、') })),
    });
  };

  const columns: TableColumnsType<CalendarYearSummary> = [
    { title: t('calendar.year'), dataIndex: 'year', width: 90 },
    {
      title: t('calendar.source'),
      dataIndex: 'source',
      render: (s: CalendarYearSummary['source']) => (
        <Tag color={s === 'manual' ? tagColour.processing : undefined}>{calendarSourceLabel[s]}</Tag>
      ),
    },
    { title: t('calendar.notice'), dataIndex: 'notice', render: (n: string | null) => n ?? '—' },
    { title: t('calendar.daysOff'), dataIndex: 'daysOff', width: 100 },
    { title: t('calendar.makeUpDays'), dataIndex: 'makeUpDays', width: 100 },
    { title: t('calendar.updatedAt'), dataIndex: 'updatedAt', render: formatDateTime },
    { title: t('calendar.updatedBy'), dataIndex: 'updatedBy', render: (n: string | null) => n ?? '—' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 220,
      render: (_, r) => (
        <Flex gap="small">
          <Button size="small" onClick={() => void openYear(r.year)}>
            {t('calendar.edit')}
            <span className="sr-only">（{r.year}）</span>
          </Button>
          {r.inPackage && (
            <Popconfirm
              title={t('calendar.importConfirm', { year: r.year })}
              okText={t('calendar.import')}
              cancelText={t('common.cancel')}
              onConfirm={() => importYear.mutate(r.year)}
            >
              <Button size="small">
                {t('calendar.import')}
                <span className="sr-only">（{r.year}）</span>
              </Button>
            </Popconfirm>
          )}
        </Flex>
      ),
    },
  ];

  const next = new Date().getFullYear() + 1;
  return (
    <Page
      title={t('calendar.title')}
      extra={
        <Button type="primary" onClick={() => setEditing({ year: through ? through + 1 : next, holidays: [{}] })}>
          {t('calendar.enter')}
        </Button>
      }
    >
      <Flex vertical gap="middle">
        <Typography.Paragraph type="secondary">{t('calendar.hint')}</Typography.Paragraph>
        {through != null && (
          <Flex gap="small" align="center">
            <Tag color={tagColour.success}>{t('calendar.knownThrough', { year: through })}</Tag>
            {through < next && <Alert type="warning" showIcon message={t('calendar.nextMissing', { year: through + 1 })} />}
          </Flex>
        )}
        {!!years.data?.packageYearsMissing.length && (
          <Alert type="info" showIcon message={t('calendar.importMissing', { years: years.data.packageYearsMissing.join('、') })} />
        )}
        <Table<CalendarYearSummary>
          rowKey="year"
          size="small"
          loading={years.isFetching}
          dataSource={years.data ? [...years.data.items].reverse() : undefined}
          columns={columns}
          pagination={{ pageSize: 10 }}
        />
      </Flex>
      {editing && <YearModal initial={editing} onClose={() => setEditing(null)} />}
    </Page>
  );
}

/** One year as the notice lists it: each holiday with its days off (a range) and its make-up working days. */
function YearModal({ initial, onClose }: { initial: YearForm; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<YearForm>();
  const coverage = useCalendarCoverage();
  const year = Form.useWatch('year', form) ?? initial.year;
  const { submit, pending } = useFormMutation({
    form,
    schema: formSchema,
    mutationFn: ({ year, ...input }) => saveCalendarYear(year, input),
    invalidate: calendarKey,
    onSuccess: () => {
      void coverage.refetch();
      onClose();
    },
  });
  return (
    <FormModal<YearForm>
      name="calendarYear"
      title={t('calendar.editTitle', { year: year ?? '' })}
      open
      width={860}
      form={form}
      initialValues={initial}
      pending={pending}
      onFinish={(values) => submit(values as Record<string, unknown>)}
      onClose={onClose}
    >
      <Form.Item name="year" label={t('calendar.year')} required>
        <InputNumber min={2000} max={2100} precision={0} />
      </Form.Item>
      <Form.Item name="notice" label={t('calendar.notice')}>
        <Input placeholder={t('calendar.noticePlaceholder', { year: year ?? '' })} maxLength={200} />
      </Form.Item>
      <Form.List name="holidays">
        {(fields, { add, remove }) => (
          <Flex vertical gap={4}>
            {fields.map((field, index) => (
              <Flex key={field.key} gap="small" align="start" wrap>
                <Form.Item name={[field.name, 'name']} label={t('calendar.holidayName')} required>
                  <Input style={{ width: 100 }} placeholder="春节" />
                </Form.Item>
                <Form.Item name={[field.name, 'from']} label={t('calendar.from')} required>
                  <Input style={{ width: 120 }} placeholder="YYYY-MM-DD" />
                </Form.Item>
                <Form.Item name={[field.name, 'to']} label={t('calendar.to')} required>
                  <Input style={{ width: 120 }} placeholder="YYYY-MM-DD" />
                </Form.Item>
                <Form.Item name={[field.name, 'makeUpDays']} label={t('calendar.makeUpDaysField')}>
                  <Input style={{ width: 220 }} placeholder={t('calendar.makeUpDaysPlaceholder')} />
                </Form.Item>
                <Button onClick={() => remove(field.name)}>
                  {t('calendar.remove')}
                  <span className="sr-only">（{index + 1}）</span>
                </Button>
              </Flex>
            ))}
            <Button type="dashed" onClick={() => add({})}>
              {t('calendar.addHoliday')}
            </Button>
          </Flex>
        )}
      </Form.List>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('calendar.recomputeNote')}
      </Typography.Paragraph>
    </FormModal>
  );
}
