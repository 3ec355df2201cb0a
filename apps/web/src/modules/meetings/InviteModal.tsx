import { Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { inviteInput } from '@renda/shared';
import { FormModal } from '../../components/FormModal';
import { useFormMutation } from '../../components/mutations';
import { RemoteSelect } from '../../components/RemoteSelect';
import { useDeputySource, useUnitSource } from '../../components/remoteSources';
import { invite, meetingKey } from './api';

type Values = Record<string, unknown> & { role?: 'observer' | 'reporter' };

/** 邀请代表列席 or 邀请单位报告 (一府一委两院, seed 000). */
export function InviteModal({ meetingId, onClose }: { meetingId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form) ?? 'observer';
  const deputies = useDeputySource();
  const units = useUnitSource(undefined, true);
  const { submit, pending } = useFormMutation({
    form,
    schema: inviteInput,
    mutationFn: (input) => invite(meetingId, input),
    invalidate: meetingKey(meetingId),
    onSuccess: onClose,
  });
  return (
    <FormModal<Values>
      name="invite"
      title={t('meetings.detail.invite')}
      open
      form={form}
      initialValues={{ role: 'observer' }}
      pending={pending}
      onFinish={submit}
      onClose={onClose}
    >
      <Form.Item name="role">
        <Radio.Group
          options={[
            { value: 'observer', label: t('meetings.detail.inviteObserver') },
            { value: 'reporter', label: t('meetings.detail.inviteReporter') },
          ]}
        />
      </Form.Item>
      {role === 'observer' ? (
        <Form.Item name="deputyIds" label={t('meetings.detail.observers')} required>
          <RemoteSelect<string[]> mode="multiple" source={deputies} />
        </Form.Item>
      ) : (
        <>
          <Form.Item name="unitId" label={t('meetings.detail.unit')} required>
            <RemoteSelect<string> source={units} />
          </Form.Item>
          <Form.Item name="reporter" label={t('meetings.detail.reporter')}>
            <Input maxLength={80} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
