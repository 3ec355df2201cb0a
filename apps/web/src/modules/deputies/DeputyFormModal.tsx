import { Button, DatePicker, Flex, Form, Input, InputNumber } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { committeeRole, deputyInput, deputyUpdateInput, gender, type Deputy, type DeputyListItem } from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';
import { BodyTreeSelect } from '../../components/bodies';
import { FormModal } from '../../components/FormModal';
import { FormSelect } from '../../components/FormSelect';
import { blankToNull } from '../../components/forms';
import { useFormMutation } from '../../components/mutations';
import { deputiesKey, saveDeputy } from './api';

type Values = Record<string, unknown> & { birthDate?: Dayjs | null };

const textFields = ['ethnicity', 'party', 'occupation', 'employer', 'post', 'constituency', 'phone', 'publicContact'] as const;

/** 登记代表 or 修改代表信息; the term and body are fixed once registered. */
export function DeputyFormModal({ deputy, onClose }: { deputy?: Deputy | DeputyListItem; onClose: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const editing = !!deputy;
  const { submit, pending } = useFormMutation<Record<string, unknown>, Deputy>({
    form,
    schema: editing ? deputyUpdateInput : deputyInput,
    mutationFn: (input) => saveDeputy(editing ? deputy.id : null, input),
    invalidate: deputiesKey,
    onSuccess: onClose,
  });
  const initialValues: Values = deputy
    ? {
        name: deputy.name,
        gender: deputy.gender ?? undefined,
        committeeRole: deputy.committeeRole ?? undefined,
        birthDate: deputy.birthDate ? dayjs(deputy.birthDate) : null,
        ...('commitments' in deputy ? { commitments: deputy.commitments } : {}),
        ...Object.fromEntries(textFields.map((f) => [f, deputy[f] ?? undefined])),
      }
    : { bodyId: user.bodyId };
  const onFinish = (values: Values) => {
    const input: Record<string, unknown> = blankToNull({
      ...values,
      birthDate: values.birthDate ? values.birthDate.format('YYYY-MM-DD') : null,
    });
    input.gender = values.gender ?? null;
    input.committeeRole = values.committeeRole ?? null;
    const commitments = values.commitments as { year?: number; text?: string }[] | undefined;
    if (commitments) input.commitments = commitments.map((c) => ({ year: c.year, text: c.text?.trim() ?? '' }));
    else delete input.commitments;
    if (editing && input.idNumber === null) delete input.idNumber;
    submit(input);
  };
  return (
    <FormModal<Values>
      name="deputy"
      title={t(editing ? 'deputies.form.editTitle' : 'deputies.form.createTitle')}
      open
      form={form}
      initialValues={initialValues}
      pending={pending}
      onFinish={onFinish}
      onClose={onClose}
    >
      {!editing && (
        <>
          <Form.Item name="bodyId" label={t('deputies.fields.body')} required>
            <BodyTreeSelect />
          </Form.Item>
          <Form.Item name="term" label={t('deputies.fields.term')} extra={t('deputies.form.termHint')} required>
            <Input />
          </Form.Item>
        </>
      )}
      <Form.Item name="name" label={t('deputies.fields.name')} required>
        <Input />
      </Form.Item>
      <Form.Item name="gender" label={t('deputies.fields.gender')}>
        <FormSelect allowClear options={gender.options.map((g) => ({ value: g, label: t(`deputies.gender.${g}`) }))} />
      </Form.Item>
      <Form.Item name="birthDate" label={t('deputies.fields.birthDate')}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="committeeRole" label={t('deputies.fields.committeeRole')} extra={t('deputies.form.committeeRoleHint')}>
        <FormSelect allowClear options={committeeRole.options.map((r) => ({ value: r, label: t(`deputies.committeeRole.${r}`) }))} />
      </Form.Item>
      {textFields.map((f) => (
        <Form.Item key={f} name={f} label={t(`deputies.fields.${f}`)}>
          <Input />
        </Form.Item>
      ))}
      <Form.Item name="idNumber" label={t('deputies.fields.idNumber')} extra={t('deputies.form.idNumberHint')}>
        <Input autoComplete="off" />
      </Form.Item>
      {(!deputy || 'commitments' in deputy) && (
        <Form.List name="commitments">
          {(fields, { add, remove }) => (
            <Form.Item label={t('deputies.form.commitments')} extra={t('deputies.form.commitmentsHint')}>
              <Flex vertical gap="small">
                {fields.map((field) => (
                  <Flex key={field.key} gap="small" align="start">
                    <Form.Item name={[field.name, 'year']} noStyle>
                      <InputNumber aria-label={t('deputies.form.commitmentYear')} min={2000} max={2100} style={{ width: '7em' }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'text']} noStyle>
                      <Input.TextArea aria-label={t('deputies.form.commitmentText')} rows={2} />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} aria-label={t('deputies.form.removeCommitment')} onClick={() => remove(field.name)} />
                  </Flex>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ year: new Date().getFullYear(), text: '' })}>
                  {t('deputies.form.addCommitment')}
                </Button>
              </Flex>
            </Form.Item>
          )}
        </Form.List>
      )}
    </FormModal>
  );
}
