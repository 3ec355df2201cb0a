import { Checkbox, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { meetingInput, meetingKind, type MeetingDetail } from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';
import { BodyTreeSelect } from '../../components/bodies';
import { FormModal } from '../../components/FormModal';
import { useFormMutation } from '../../components/mutations';
import { meetingsKey, saveMeeting } from './api';

type Values = Record<string, unknown> & { dates?: [Dayjs, Dayjs]; kind?: string };

/** 安排会议: the body and kind decide the members, taken from the registry when it is saved. */
export function MeetingFormModal({ onClose, onSaved }: { onClose: () => void; onSaved?: (m: MeetingDetail) => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const { submit, pending } = useFormMutation({
    form,
    schema: meetingInput,
    mutationFn: (input) => saveMeeting(null, input),
    invalidate: meetingsKey,
    onSuccess: (m) => {
      onSaved?.(m);
      onClose();
    },
  });
  return (
    <FormModal<Values>
      name="meeting"
      title={t('meetings.form.createTitle')}
      open
      form={form}
      initialValues={{ bodyId: user.bodyId, kind: 'standing_committee', midYear: false, dates: [dayjs(), dayjs()] }}
      pending={pending}
      onFinish={({ dates, ...v }) => submit({ ...v, from: dates?.[0]?.format('YYYY-MM-DD'), to: dates?.[1]?.format('YYYY-MM-DD') })}
      onClose={onClose}
    >
      <Form.Item name="bodyId" label={t('meetings.fields.body')} required>
        <BodyTreeSelect />
      </Form.Item>
      <Form.Item name="kind" label={t('meetings.fields.kind')} required>
        <Select options={meetingKind.options.map((k) => ({ value: k, label: t(`meetings.kind.${k}`) }))} />
      </Form.Item>
      {kind === 'congress_session' && (
        <Form.Item name="midYear" valuePropName="checked" extra={t('meetings.form.midYearHint')}>
          <Checkbox>{t('meetings.fields.midYear')}</Checkbox>
        </Form.Item>
      )}
      <Form.Item name="term" label={t('meetings.fields.term')} required>
        <Input maxLength={16} placeholder="第九届" />
      </Form.Item>
      <Form.Item name="number" label={t('meetings.fields.number')} required>
        <InputNumber min={1} max={999} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="title" label={t('meetings.fields.title')} required>
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item name="dates" label={t('meetings.fields.dates')} required>
        <DatePicker.RangePicker style={{ width: '100%' }} inputReadOnly />
      </Form.Item>
      <Form.Item name="place" label={t('meetings.fields.place')} required>
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item name="note" label={t('meetings.fields.note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
