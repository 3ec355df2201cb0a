import { Checkbox, Form, Input, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { agendaItemInput, agendaItemKind, linkedModule, passThreshold } from '@renda/shared';
import { FormModal } from '../../components/FormModal';
import { useFormMutation } from '../../components/mutations';
import { addItem, meetingKey } from './api';

type Values = Record<string, unknown> & { linkModule?: string; linkId?: string; linkTitle?: string; toVote?: boolean };

/** 增加议题: its kind, the record of another module it is about (module + id + title), and whether it is put to the vote. */
export function AgendaItemModal({ meetingId, onClose }: { meetingId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const toVote = Form.useWatch('toVote', form);
  const { submit, pending } = useFormMutation({
    form,
    schema: agendaItemInput,
    mutationFn: (input) => addItem(meetingId, input),
    invalidate: meetingKey(meetingId),
    onSuccess: onClose,
  });
  return (
    <FormModal<Values>
      name="agenda-item"
      title={t('meetings.detail.addItem')}
      open
      form={form}
      initialValues={{ kind: 'supervision_report', toVote: false, threshold: 'more_than_half' }}
      pending={pending}
      onFinish={({ linkModule, linkId, linkTitle, ...v }) =>
        submit({ ...v, link: linkModule && linkId && linkTitle ? { module: linkModule, id: linkId, title: linkTitle } : null })
      }
      onClose={onClose}
    >
      <Form.Item name="kind" label={t('meetings.detail.itemKind')} required>
        <Select options={agendaItemKind.options.map((k) => ({ value: k, label: t(`meetings.itemKind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="title" label={t('meetings.detail.itemTitle')} required>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="presenter" label={t('meetings.detail.presenter')}>
        <Input maxLength={80} />
      </Form.Item>
      <Form.Item name="description" label={t('meetings.detail.description')}>
        <Input.TextArea rows={2} maxLength={4000} />
      </Form.Item>
      <Form.Item name="linkModule" label={t('meetings.detail.link')}>
        <Select allowClear options={linkedModule.options.map((m) => ({ value: m, label: t(`meetings.linkedModule.${m}`) }))} />
      </Form.Item>
      <Form.Item name="linkId" label={t('meetings.detail.linkId')}>
        <Input maxLength={64} />
      </Form.Item>
      <Form.Item name="linkTitle" label={t('meetings.detail.linkTitle')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="toVote" valuePropName="checked">
        <Checkbox>{t('meetings.detail.toVote')}</Checkbox>
      </Form.Item>
      {toVote && (
        <Form.Item name="threshold" label={t('meetings.matters.threshold')}>
          <Radio.Group options={passThreshold.options.map((p) => ({ value: p, label: t(`meetings.threshold.${p}`) }))} />
        </Form.Item>
      )}
    </FormModal>
  );
}
