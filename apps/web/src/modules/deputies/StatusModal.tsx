import { DatePicker, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import {
  actionUrl,
  deputyActions,
  deputyStatus,
  deputyStatusActionFor,
  deputyStatusInput,
  type Deputy,
  type DeputyListItem,
} from '@renda/shared';
import { api } from '../../app/api';
import { FormModal } from '../../components/FormModal';
import { FormSelect } from '../../components/FormSelect';
import { useFormMutation } from '../../components/mutations';
import { deputiesKey } from './api';

type Values = { status?: string; date?: Dayjs; reason?: string };

/** 辞职、罢免、去世 (or back in office), with the date it took effect. */
export function StatusModal({ deputy, onClose }: { deputy: Deputy | DeputyListItem; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { submit, pending } = useFormMutation({
    form,
    schema: deputyStatusInput,
    // Each status has its own verb (resign, remove, recordDeath, reinstate); the form still asks for the status.
    mutationFn: ({ status, ...input }) => api.post<Deputy>(actionUrl(deputyActions, deputy.id, deputyStatusActionFor[status]), input),
    invalidate: deputiesKey,
    onSuccess: onClose,
  });
  return (
    <FormModal<Values>
      name="deputy-status"
      title={t('deputies.statusForm.title', { name: deputy.name })}
      open
      form={form}
      initialValues={{ date: dayjs() }}
      pending={pending}
      onFinish={(v) => submit({ status: v.status, date: v.date?.format('YYYY-MM-DD'), reason: v.reason?.trim() || null })}
      onClose={onClose}
    >
      <Form.Item name="status" label={t('deputies.fields.status')} required>
        <FormSelect
          options={deputyStatus.options.filter((s) => s !== deputy.status).map((s) => ({ value: s, label: t(`deputies.status.${s}`) }))}
        />
      </Form.Item>
      <Form.Item name="date" label={t('deputies.statusForm.date')} required>
        <DatePicker />
      </Form.Item>
      <Form.Item name="reason" label={t('deputies.statusForm.reason')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}
