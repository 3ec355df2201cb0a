import { useState } from 'react';
import { Alert, Button, Descriptions, Flex, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import {
  can,
  planItemEdit,
  planItemInput,
  supervisionKind,
  type PlanAction,
  type SupervisionItemSummary,
  type SupervisionPlan,
} from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';
import { DetailLoader } from '../../components/DetailLoader';
import { useAction } from '../../components/mutations';
import { Page } from '../../components/Page';
import { useDeputySource, useUnitSource } from '../../components/remoteSources';
import { Section } from '../../components/Section';
import { actOnPlan, addPlanItem, changePlanItem, exportUrls, planKey, usePlan } from './api';
import { ExportButton } from './ExportButton';
import { FieldsModal, type Field } from './forms';
import { useItemColumns } from './ItemsPage';

/** One plan: its items, adoption and publication, and changes with their reasons once adopted. */
export function PlanDetailPage() {
  const { id = '' } = useParams();
  const query = usePlan(id);
  return <DetailLoader query={query}>{(plan) => <PlanView plan={plan} />}</DetailLoader>;
}

function PlanView({ plan }: { plan: SupervisionPlan }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<SupervisionItemSummary | 'new' | null>(null);
  const act = useAction((action: PlanAction) => actOnPlan(plan.id, action), { invalidate: planKey(plan.id) });
  const itemColumns = useItemColumns();
  const units = useUnitSource(plan.bodyId);
  const deputies = useDeputySource(plan.bodyId);
  const canManage = can(useCurrentUser().role, 'supervision.manage');
  const fields: Field[] = [
    ...(editing === 'new' || editing?.stage === 'planned'
      ? [
          {
            name: 'kind',
            label: t('supervision.kind'),
            kind: 'select',
            required: true,
            options: supervisionKind.options.map((k) => ({ value: k, label: t(`supervisionKind.${k}`) })),
          } as Field,
        ]
      : []),
    { name: 'subject', label: t('supervision.subject'), kind: 'text', required: true },
    { name: 'committee', label: t('supervision.committee'), kind: 'text', required: true },
    { name: 'organUnitId', label: t('supervision.organ'), kind: 'remote', source: units, required: true },
    { name: 'meeting', label: t('supervision.meeting'), kind: 'text' },
    { name: 'meetingOn', label: t('supervision.meetingOn'), kind: 'date' },
    { name: 'deputyIds', label: t('supervision.deputies'), kind: 'remoteMany', source: deputies },
    ...(plan.changeNeedsReason
      ? [{ name: 'reason', label: t('supervision.reason'), kind: 'textarea', required: true, extra: t('supervision.reasonHint') } as Field]
      : []),
  ];
  return (
    <Page
      title={plan.title}
      extra={
        <Flex gap="small" wrap>
          {plan.allowedActions.map((a) => (
            <Button key={a} type="primary" loading={act.isPending} onClick={() => act.mutate(a)}>
              {t(`planAction.${a}`)}
            </Button>
          ))}
        </Flex>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'body', label: t('supervision.body'), children: plan.bodyName },
          { key: 'year', label: t('supervision.year'), children: plan.year },
          { key: 'state', label: t('supervision.state'), children: plan.stateLabel },
        ]}
      />
      {plan.changeNeedsReason && <Alert type="info" showIcon message={t('supervision.reasonHint')} />}
      <Section
        title={t('supervision.items')}
        extra={
          <Flex gap="small" wrap>
            <ExportButton href={exportUrls.planItems(plan.id)} />
            {canManage && (
              <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                {t('supervision.addItem')}
              </Button>
            )}
          </Flex>
        }
      >
        <Table<SupervisionItemSummary>
          rowKey="id"
          dataSource={plan.items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            ...itemColumns,
            {
              title: t('supervision.meetingOn'),
              key: 'meeting',
              render: (_, i) => [i.meeting, i.meetingOn].filter(Boolean).join(' ') || '—',
            },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, i) =>
                canManage &&
                i.stage !== 'closed' && (
                  <Button size="small" onClick={() => setEditing(i)}>
                    {t('supervision.changeItem')}
                  </Button>
                ),
            },
          ]}
        />
      </Section>
      {editing && (
        <FieldsModal
          name="plan-item"
          title={editing === 'new' ? t('supervision.addItem') : `${t('supervision.changeItem')}：${editing.subject}`}
          open
          fields={fields}
          schema={editing === 'new' ? planItemInput.extend({ reason: planItemEdit.shape.reason }) : planItemEdit}
          initialValues={editing === 'new' ? { deputyIds: [] } : editing}
          send={(input) => (editing === 'new' ? addPlanItem(plan.id, input as never) : changePlanItem(editing.id, input as never))}
          invalidate={planKey(plan.id)}
          onClose={() => setEditing(null)}
        />
      )}
    </Page>
  );
}
