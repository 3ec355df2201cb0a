import { Alert, Button, DatePicker, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { dutyKind, dutyRecordInput } from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';
import { FormSelect } from '../../components/FormSelect';
import { blankToNull, clearErrorsOnChange } from '../../components/forms';
import { useFormMutation } from '../../components/mutations';
import { Page } from '../../components/Page';
import { dutiesKey, useDeputySearch, useGridCellOptions, useOwnDeputy, recordDuty } from './api';

type Values = {
  kind?: string;
  occurredOn?: Dayjs;
  title?: string;
  place?: string;
  description?: string;
  votersReceived?: number;
  gridCellId?: string;
  deputyIds?: string[];
};

/**
 * 登记履职: a deputy records their own activity (one column, fit for a phone); staff record a group
 * activity for many deputies at once.
 */
export function DutyFormPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const deputy = user.role === 'deputy';
  const own = useOwnDeputy(deputy);
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const { submit, pending } = useFormMutation({
    form,
    schema: dutyRecordInput,
    mutationFn: recordDuty,
    invalidate: dutiesKey,
    successMessage: t('deputies.duty.saved'),
    onSuccess: () => navigate('/deputies/duties'),
  });
  const onFinish = (v: Values) => {
    const deputyIds = deputy ? (own.data ? [own.data.id] : []) : (v.deputyIds ?? []);
    submit({
      ...blankToNull({ title: v.title ?? '', place: v.place ?? '', description: v.description ?? '' }),
      kind: v.kind,
      occurredOn: v.occurredOn?.format('YYYY-MM-DD'),
      votersReceived: v.votersReceived ?? 0,
      gridCellId: v.gridCellId ?? null,
      deputyIds,
    });
  };
  return (
    <Page title={t(deputy ? 'deputies.duty.record' : 'deputies.duty.recordGroup')}>
      <div style={{ maxWidth: '40rem' }}>
        {deputy && own.error && <Alert type="error" showIcon message={own.error.message} />}
        {deputy && own.data && (
          <Typography.Paragraph>{t('deputies.duty.asDeputy', { name: own.data.name, body: own.data.bodyName })}</Typography.Paragraph>
        )}
        <Form<Values>
          form={form}
          name="duty"
          layout="vertical"
          initialValues={{ occurredOn: dayjs(), votersReceived: 0, kind: deputy ? 'voter_reception' : 'group_activity' }}
          onFinish={onFinish}
          onValuesChange={clearErrorsOnChange(form)}
        >
          <Form.Item name="kind" label={t('deputies.duty.kind')} required>
            <FormSelect options={dutyKind.options.map((k) => ({ value: k, label: t(`deputies.dutyKind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="occurredOn" label={t('deputies.duty.occurredOn')} required>
            <DatePicker style={{ width: '100%' }} inputReadOnly disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="title" label={t('deputies.duty.title')} required>
            <Input maxLength={80} />
          </Form.Item>
          <Form.Item name="place" label={t('deputies.duty.place')}>
            <Input maxLength={120} />
          </Form.Item>
          <Form.Item name="votersReceived" label={t('deputies.duty.votersReceived')}>
            <InputNumber min={0} max={100000} style={{ width: '100%' }} inputMode="numeric" />
          </Form.Item>
          <Form.Item name="description" label={t('deputies.duty.description')}>
            <Input.TextArea rows={4} maxLength={4000} />
          </Form.Item>
          {!deputy && <StaffFields />}
          <Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              loading={pending}
              block={deputy}
              size={deputy ? 'large' : 'middle'}
              disabled={deputy && !own.data}
            >
              {t('deputies.duty.submit')}
            </Button>
          </Form.Item>
        </Form>
      </div>
    </Page>
  );
}

/** Staff name the participants (a group activity: many at once) and, optionally, the grid cell. */
function StaffFields() {
  const { t } = useTranslation();
  const selected = Form.useWatch<string[] | undefined>('deputyIds') ?? [];
  const deputies = useDeputySearch({}, selected);
  const cells = useGridCellOptions();
  return (
    <>
      <Form.Item name="deputyIds" label={t('deputies.duty.participants')} extra={t('deputies.duty.participantsHint')} required>
        <FormSelect
          mode="multiple"
          showSearch
          filterOption={false}
          onSearch={deputies.onSearch}
          options={deputies.options}
          loading={deputies.loading}
        />
      </Form.Item>
      <Form.Item name="gridCellId" label={t('deputies.duty.gridCell')}>
        <Select allowClear showSearch optionFilterProp="label" options={cells.options} loading={cells.loading} />
      </Form.Item>
    </>
  );
}
