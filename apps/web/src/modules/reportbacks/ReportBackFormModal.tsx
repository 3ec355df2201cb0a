import { DatePicker, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { ratingMode, reportBackInput, type ReportBack } from '@renda/shared';
import { FormModal } from '../../components/FormModal';
import { FormSelect } from '../../components/FormSelect';
import { useFormMutation } from '../../components/mutations';
import { useDeputySearch } from '../deputies/api';
import { reportBacksKey, saveReportBack } from './api';

type Values = Record<string, unknown> & { heldOn?: Dayjs; deputyId?: string };

/** 安排 or 修改 a report-back: the deputy, when and where, the constituency, and the report (述). */
export function ReportBackFormModal({
  reportBack,
  onClose,
  onSaved,
}: {
  reportBack?: ReportBack;
  onClose: () => void;
  onSaved?: (r: ReportBack) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const deputyId = Form.useWatch('deputyId', form);
  const deputies = useDeputySearch(
    {},
    deputyId ? [deputyId] : [],
    reportBack ? [{ value: reportBack.deputyId, label: reportBack.deputyName }] : [],
  );
  const { submit, pending } = useFormMutation({
    form,
    schema: reportBackInput,
    mutationFn: (input) => saveReportBack(reportBack?.id ?? null, input),
    invalidate: reportBacksKey,
    onSuccess: (r) => {
      onSaved?.(r);
      onClose();
    },
  });
  const initialValues: Values = reportBack ? { ...reportBack, heldOn: dayjs(reportBack.heldOn) } : { ratingMode: 'phone', heldOn: dayjs() };
  return (
    <FormModal<Values>
      name="reportback"
      title={t(reportBack ? 'reportbacks.form.editTitle' : 'reportbacks.form.createTitle')}
      open
      form={form}
      initialValues={initialValues}
      pending={pending}
      onFinish={(v) => submit({ ...v, heldOn: v.heldOn?.format('YYYY-MM-DD') })}
      onClose={onClose}
    >
      <Form.Item name="deputyId" label={t('reportbacks.fields.deputy')} required>
        <FormSelect
          showSearch
          filterOption={false}
          disabled={!!reportBack}
          options={deputies.options}
          loading={deputies.loading}
          onSearch={deputies.onSearch}
        />
      </Form.Item>
      <Form.Item name="heldOn" label={t('reportbacks.fields.heldOn')} required>
        <DatePicker style={{ width: '100%' }} inputReadOnly />
      </Form.Item>
      <Form.Item name="place" label={t('reportbacks.fields.place')} required>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="constituency" label={t('reportbacks.fields.constituency')} required>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="title" label={t('reportbacks.fields.title')} required>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="report" label={t('reportbacks.fields.report')} extra={t('reportbacks.form.reportHint')} required>
        <Input.TextArea rows={6} maxLength={20000} />
      </Form.Item>
      <Form.Item name="ratingMode" label={t('reportbacks.fields.ratingMode')} extra={t('reportbacks.form.modeHint')} required>
        <Radio.Group options={ratingMode.options.map((m) => ({ value: m, label: t(`reportbacks.mode.${m}`) }))} />
      </Form.Item>
    </FormModal>
  );
}
