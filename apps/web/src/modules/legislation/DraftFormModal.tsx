import { App, DatePicker, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { draftEdit, draftInput, versionInput, type Draft } from '@renda/shared';
import { FormModal } from '../../components/FormModal';
import { useFormMutation } from '../../components/mutations';
import { actOnDraft, createDraft, editDraft, legislationKey, usePoints } from './api';

type Values = Record<string, unknown> & { period?: [Dayjs, Dayjs] };

const periodOf = ({ period, ...v }: Values) => ({
  ...v,
  commentFrom: period?.[0]?.format('YYYY-MM-DD'),
  commentTo: period?.[1]?.format('YYYY-MM-DD'),
});

/** The draft's particulars, the same on creating and on editing: title, drafter, comment period, contact points. */
function DraftFields() {
  const { t } = useTranslation();
  const points = usePoints();
  return (
    <>
      <Form.Item name="title" label={t('legislation.fields.title')} required>
        <Input maxLength={200} placeholder="嘉兴市××条例（草案）" />
      </Form.Item>
      <Form.Item name="drafter" label={t('legislation.fields.drafter')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="period" label={t('legislation.fields.period')} required>
        <DatePicker.RangePicker style={{ width: '100%' }} inputReadOnly />
      </Form.Item>
      <Form.Item name="contactPointIds" label={t('legislation.fields.points')}>
        <Select mode="multiple" loading={points.isFetching} options={(points.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />
      </Form.Item>
    </>
  );
}

/** 新建法规草案: title, period, contact points, and the text (pasted whole, parsed on the server). */
export function DraftFormModal({ onClose, onSaved }: { onClose: () => void; onSaved: (d: Draft) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { submit, pending } = useFormMutation({
    form,
    schema: draftInput,
    mutationFn: createDraft,
    invalidate: legislationKey,
    successMessage: false,
    onSuccess: ({ draft, warnings }) => {
      void message.success(t('legislation.form.created', { count: draft.versions[0]?.articleCount ?? 0 }));
      if (warnings.length) void message.warning(t('legislation.form.warnings', { list: warnings.join('；') }), 8);
      onSaved(draft);
      onClose();
    },
  });
  return (
    <FormModal<Values>
      name="draft"
      title={t('legislation.form.create')}
      open
      width={760}
      form={form}
      initialValues={{ period: [dayjs(), dayjs().add(30, 'day')] }}
      pending={pending}
      onFinish={(v) => submit(periodOf(v))}
      onClose={onClose}
    >
      <DraftFields />
      <Form.Item name={['version', 'explanation']} label={t('legislation.fields.explanation')}>
        <Input.TextArea rows={3} maxLength={20000} />
      </Form.Item>
      <Form.Item name={['version', 'text']} label={t('legislation.fields.text')} extra={t('legislation.fields.textHelp')} required>
        <Input.TextArea rows={10} maxLength={200000} />
      </Form.Item>
    </FormModal>
  );
}

/**
 * 修改草案信息 before publishing (and, while comments are open, to extend the period): the server keeps the
 * start date fixed once comment has opened. The text itself changes only by a new version.
 */
export function EditDraftModal({ draft: d, onClose }: { draft: Draft; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { submit, pending } = useFormMutation({
    form,
    schema: draftEdit,
    mutationFn: (input) => editDraft(d.id, input),
    invalidate: legislationKey,
    onSuccess: onClose,
  });
  return (
    <FormModal<Values>
      name="draft-edit"
      title={t('legislation.form.edit')}
      open
      width={760}
      form={form}
      initialValues={{
        title: d.title,
        drafter: d.drafter,
        period: [dayjs(d.commentFrom), dayjs(d.commentTo)],
        contactPointIds: d.contactPoints.map((p) => p.id),
      }}
      pending={pending}
      onFinish={(v) => submit(periodOf(v))}
      onClose={onClose}
    >
      <DraftFields />
    </FormModal>
  );
}

/** 形成新版本 (修改稿): the whole new text and what it changes. */
export function ReviseModal({ draft, onClose }: { draft: Draft; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { submit, pending } = useFormMutation({
    form,
    schema: versionInput,
    mutationFn: (input) => actOnDraft(draft.id, 'revise', input),
    invalidate: legislationKey,
    onSuccess: onClose,
  });
  const current = draft.versions.at(-1);
  return (
    <FormModal<Values>
      name="revise"
      title={t('legislation.form.revise')}
      open
      width={760}
      form={form}
      initialValues={{ explanation: current?.explanation ?? '' }}
      pending={pending}
      onFinish={submit}
      onClose={onClose}
    >
      <Form.Item name="note" label={t('legislation.fields.note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="explanation" label={t('legislation.fields.explanation')}>
        <Input.TextArea rows={3} maxLength={20000} />
      </Form.Item>
      <Form.Item name="text" label={t('legislation.fields.text')} extra={t('legislation.fields.textHelp')} required>
        <Input.TextArea rows={12} maxLength={200000} />
      </Form.Item>
    </FormModal>
  );
}
