import { useState } from 'react';
import { Button, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { can, planInput, type PlanSummary } from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';
import { Page } from '../../components/Page';
import { createPlan, supervisionKey, usePlans } from './api';
import { FieldsModal } from './forms';
import { SupervisionTabs } from './SupervisionTabs';

/** 年度监督工作计划: a standing committee's plans, newest year first. */
export function PlansPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const plans = usePlans();
  const [creating, setCreating] = useState(false);
  const year = new Date().getFullYear() + 1;
  return (
    <Page
      title={t('supervision.plans')}
      extra={
        <>
          <SupervisionTabs />
          {can(user.role, 'supervision.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('supervision.createPlan')}
            </Button>
          )}
        </>
      }
    >
      <Table<PlanSummary>
        rowKey="id"
        loading={plans.isPending}
        dataSource={plans.data}
        scroll={{ x: 'max-content' }}
        pagination={false}
        columns={[
          { title: t('supervision.year'), dataIndex: 'year' },
          { title: t('supervision.planTitle'), key: 'title', render: (_, p) => <Link to={`/supervision/plans/${p.id}`}>{p.title}</Link> },
          { title: t('supervision.body'), dataIndex: 'bodyName' },
          { title: t('supervision.itemCount'), dataIndex: 'itemCount' },
          { title: t('supervision.state'), dataIndex: 'stateLabel' },
        ]}
      />
      <FieldsModal
        name="plan"
        title={t('supervision.createPlan')}
        open={creating}
        schema={planInput}
        initialValues={{ year: String(year), title: `${user.bodyName}${year}年度监督工作计划` }}
        fixed={{ bodyId: user.bodyId }}
        shape={(v) => ({ ...v, year: Number(v.year) })}
        fields={[
          { name: 'year', label: t('supervision.year'), kind: 'text', required: true },
          { name: 'title', label: t('supervision.planTitle'), kind: 'text', required: true },
        ]}
        send={createPlan}
        invalidate={supervisionKey}
        onClose={() => setCreating(false)}
        onDone={(p) => navigate(`/supervision/plans/${p.id}`)}
      />
    </Page>
  );
}
