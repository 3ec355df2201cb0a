import { useState } from 'react';
import { Button, Flex, Form, InputNumber, Popconfirm, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { deadlineRuleInput, deadlineUnit, deadlineUnitLabel, type DeadlineRuleInput, type DeadlineRuleSetting } from '@renda/shared';
import { useCurrentUser } from '../../../app/auth/session';
import { BodyPicker, useBodies } from '../../../components/bodies';
import { FormModal } from '../../../components/FormModal';
import { FormSelect } from '../../../components/FormSelect';
import { useAction, useFormMutation } from '../../../components/mutations';
import { Page } from '../../../components/Page';
import { deadlineRulesKey, setDeadlineRule, useDeadlineRules } from './api';

const periodText = (rule: DeadlineRuleInput) => `${rule.amount} ${deadlineUnitLabel[rule.unit]}`;

/** 期限规则: each body's deadlines, inherited from the body above or the legal default unless set here. */
export function DeadlineRulesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const bodies = useBodies();
  const [bodyId, setBodyId] = useState(user.bodyId);
  const [editing, setEditing] = useState<DeadlineRuleSetting | null>(null);
  const settings = useDeadlineRules(bodyId);
  const reset = useAction((key: string) => setDeadlineRule(key, bodyId, null), { invalidate: deadlineRulesKey });
  const bodyName = (id: string) => bodies.data?.find((b) => b.id === id)?.name ?? id;

  const columns: TableColumnsType<DeadlineRuleSetting> = [
    { title: t('deadlineRules.rule'), dataIndex: 'label', width: 260 },
    {
      title: t('deadlineRules.inForce'),
      key: 'inForce',
      render: (_, r) => <Typography.Text strong>{periodText(r.inForce)}</Typography.Text>,
    },
    {
      title: t('deadlineRules.setBy'),
      key: 'setBy',
      render: (_, r) =>
        r.setByBodyId === null ? (
          <Tag>{t('deadlineRules.legalDefault')}</Tag>
        ) : r.setByBodyId === bodyId ? (
          <Tag color="blue">{t('deadlineRules.thisBody')}</Tag>
        ) : (
          <Tag color="geekblue">{t('deadlineRules.inherited', { name: bodyName(r.setByBodyId) })}</Tag>
        ),
    },
    { title: t('deadlineRules.default'), key: 'default', render: (_, r) => periodText(r.default) },
    {
      title: t('deadlineRules.source'),
      dataIndex: 'source',
      render: (source: string) => (
        <Typography.Paragraph ellipsis={{ rows: 2, expandable: true, symbol: t('deadlineRules.more') }}>{source}</Typography.Paragraph>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      render: (_, r) => (
        <Flex gap="small">
          <Button size="small" onClick={() => setEditing(r)}>
            {t('common.edit')}
            <span className="sr-only">（{r.label}）</span>
          </Button>
          {r.setByBodyId === bodyId && (
            <Popconfirm
              title={t('deadlineRules.resetConfirm')}
              okText={t('deadlineRules.reset')}
              cancelText={t('common.cancel')}
              onConfirm={() => reset.mutate(r.key)}
            >
              <Button size="small">
                {t('deadlineRules.reset')}
                <span className="sr-only">（{r.label}）</span>
              </Button>
            </Popconfirm>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <Page title={t('deadlineRules.title')}>
      <Flex vertical gap="middle">
        <Typography.Paragraph type="secondary">{t('deadlineRules.hint')}</Typography.Paragraph>
        <BodyPicker id="deadline-rules-body" label={t('deadlineRules.body')} value={bodyId} onChange={setBodyId} />
        <Table<DeadlineRuleSetting>
          rowKey="key"
          size="small"
          loading={settings.isFetching}
          dataSource={settings.data?.items}
          columns={columns}
          pagination={false}
        />
      </Flex>
      {editing && <RuleModal bodyId={bodyId} setting={editing} onClose={() => setEditing(null)} />}
    </Page>
  );
}

/** Sets this body's own period for one rule; the bodies below inherit it unless they set their own. */
function RuleModal({ bodyId, setting, onClose }: { bodyId: string; setting: DeadlineRuleSetting; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Record<string, unknown>>();
  const { submit, pending } = useFormMutation({
    form,
    schema: deadlineRuleInput,
    mutationFn: (rule) => setDeadlineRule(setting.key, bodyId, rule),
    invalidate: deadlineRulesKey,
    onSuccess: onClose,
  });
  return (
    <FormModal
      name="deadlineRule"
      title={t('deadlineRules.editTitle', { rule: setting.label })}
      open
      form={form}
      initialValues={setting.inForce}
      pending={pending}
      onFinish={submit}
      onClose={onClose}
    >
      <Form.Item name="amount" label={t('deadlineRules.amount')} required>
        <InputNumber min={1} max={366} precision={0} />
      </Form.Item>
      <Form.Item name="unit" label={t('deadlineRules.unit')} required>
        <FormSelect options={deadlineUnit.options.map((u) => ({ value: u, label: deadlineUnitLabel[u] }))} />
      </Form.Item>
      <Typography.Paragraph type="secondary">{t('deadlineRules.legalSource', { source: setting.source })}</Typography.Paragraph>
    </FormModal>
  );
}
