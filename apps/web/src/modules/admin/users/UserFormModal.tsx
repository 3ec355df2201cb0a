import { Form, Input, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { roles, userCreateInput, userUpdateInput, type User, type UserCreateInput, type UserUpdateInput } from '@renda/shared';
import { BodyTreeSelect } from '../../../components/bodies';
import { blankToNull } from '../../../components/forms';
import { FormModal } from '../../../components/FormModal';
import { FormSelect } from '../../../components/FormSelect';
import { useFormMutation } from '../../../components/mutations';
import { HandlingUnitSelect } from '../handling-units/HandlingUnitSelect';
import { saveUser, usersKey } from './api';

type Values = Record<string, unknown> & { role?: string; handlingUnitId?: string | null };

/**
 * Creates a user (`user` is 'new') or edits one; closed when `user` is null.
 * `onCreated` gets the new account, so the list can show it wherever it sorts.
 */
export function UserFormModal({
  user,
  onClose,
  onCreated,
}: {
  user: User | 'new' | null;
  onClose: () => void;
  onCreated: (created: User) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const editing = user !== 'new' ? user : null;
  const role = Form.useWatch('role', form);
  const bodyId = Form.useWatch('bodyId', form) as string | undefined;
  const { submit, pending } = useFormMutation<UserCreateInput | UserUpdateInput, User>({
    form,
    schema: editing ? userUpdateInput : userCreateInput,
    mutationFn: (input) => saveUser(editing?.id ?? null, input),
    invalidate: usersKey,
    onSuccess: (saved) => {
      if (!editing) onCreated(saved);
      onClose();
    },
  });

  const onFinish = (values: Values) =>
    submit({
      ...blankToNull(values),
      handlingUnitId: values.role === 'handling_unit' ? (values.handlingUnitId ?? null) : null,
    });

  return (
    <FormModal<Values>
      name="user"
      title={editing ? t('users.edit', { name: editing.displayName }) : t('users.create')}
      open={user !== null}
      form={form}
      initialValues={
        editing
          ? {
              displayName: editing.displayName,
              role: editing.role,
              handlingUnitId: editing.handlingUnitId,
              phone: editing.phone,
              active: editing.active,
            }
          : {}
      }
      pending={pending}
      onFinish={onFinish}
      onClose={onClose}
    >
      {!editing && (
        <Form.Item name="username" label={t('users.username')} required>
          <Input autoComplete="off" />
        </Form.Item>
      )}
      <Form.Item name="displayName" label={t('users.displayName')} required>
        <Input />
      </Form.Item>
      <Form.Item name="role" label={t('users.role')} required>
        <FormSelect options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
      </Form.Item>
      {!editing && (
        <Form.Item name="bodyId" label={t('users.body')} required>
          <BodyTreeSelect />
        </Form.Item>
      )}
      {role === 'handling_unit' && (
        <Form.Item name="handlingUnitId" label={t('users.handlingUnit')} required>
          <HandlingUnitSelect bodyId={editing?.bodyId ?? bodyId} />
        </Form.Item>
      )}
      <Form.Item name="phone" label={t('users.phone')}>
        <Input inputMode="tel" autoComplete="off" />
      </Form.Item>
      {editing ? (
        <Form.Item name="active" label={t('users.accountActive')} valuePropName="checked">
          <Switch />
        </Form.Item>
      ) : (
        <Form.Item name="password" label={t('users.password')} extra={t('users.initialPasswordHint')} required>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      )}
    </FormModal>
  );
}
