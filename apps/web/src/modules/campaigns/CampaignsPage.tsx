import { useState } from 'react';
import { Button, Form, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { campaignInput, can, type CampaignListItem } from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';
import { BodyTreeSelect } from '../../components/bodies';
import { blankToNull } from '../../components/forms';
import { FormModal } from '../../components/FormModal';
import { useFormMutation } from '../../components/mutations';
import { Page } from '../../components/Page';
import { PagedTable, usePagedList, type FilterField } from '../../components/PagedTable';
import { OpinionsTabs } from '../opinions/OpinionsTabs';
import { campaignsKey, createCampaign, useClueCounts } from './api';
import { CampaignFields, periodDates } from './forms';
import { CampaignStatusTag } from './tags';
import { Section } from '../../components/Section';
import { LazyBarChart } from '../../components/LazyBarChart';

type Values = Record<string, unknown> & { period?: [Dayjs, Dayjs] };

function CampaignFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const { submit, pending } = useFormMutation({
    form,
    schema: campaignInput,
    mutationFn: createCampaign,
    invalidate: campaignsKey,
    onSuccess: (created) => {
      onClose();
      navigate(`/opinions/campaigns/${created.id}`);
    },
  });
  return (
    <FormModal<Values>
      name="campaign"
      title={t('campaigns.create')}
      open={open}
      form={form}
      initialValues={{ bodyId: user.bodyId }}
      pending={pending}
      onFinish={({ period, ...values }) => {
        if (!period) return form.setFields([{ name: 'period', errors: [t('common.required')] }]);
        submit({ ...blankToNull(values), ...periodDates(period) });
      }}
      onClose={onClose}
    >
      <CampaignFields>
        <Form.Item name="bodyId" label={t('campaigns.body')} required>
          <BodyTreeSelect />
        </Form.Item>
      </CampaignFields>
    </FormModal>
  );
}

/** 专项监督: the campaigns of the user's bodies, and the clues of the latest ones compared. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const list = usePagedList<CampaignListItem>([...campaignsKey, 'list'], '/api/campaigns');
  const [creating, setCreating] = useState(false);
  const clues = useClueCounts(list.filters);
  const filters: FilterField[] = [
    { kind: 'text', param: 'q', label: t('campaigns.search'), placeholder: t('campaigns.searchPlaceholder') },
  ];
  const columns: TableColumnsType<CampaignListItem> = [
    {
      title: t('campaigns.name'),
      dataIndex: 'title',
      render: (title: string, c) => <Link to={`/opinions/campaigns/${c.id}`}>{title}</Link>,
    },
    { title: t('campaigns.theme'), dataIndex: 'theme' },
    { title: t('campaigns.body'), dataIndex: 'bodyName' },
    { title: t('campaigns.period'), key: 'period', render: (_, c) => `${c.startsOn} — ${c.endsOn}` },
    { title: t('campaigns.status'), dataIndex: 'status', render: (s: CampaignListItem['status']) => <CampaignStatusTag status={s} /> },
  ];
  return (
    <Page
      title={t('campaigns.title')}
      extra={
        <>
          <OpinionsTabs />
          {can(user.role, 'campaigns.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('campaigns.create')}
            </Button>
          )}
        </>
      }
    >
      <PagedTable<CampaignListItem> list={list} filters={filters} columns={columns} />
      {clues.data && clues.data.length > 0 && (
        <Section title={t('campaigns.chartTitle', { count: clues.data.length })}>
          <LazyBarChart
            names={clues.data.map((c) => c.title)}
            series={[
              { label: t('clueKind.problem'), values: clues.data.map((c) => c.problems) },
              { label: t('clueKind.suggestion'), values: clues.data.map((c) => c.suggestions) },
              { label: t('clueStatus.closed'), values: clues.data.map((c) => c.closed) },
            ]}
            description={t('campaigns.chartDescription', {
              figures: clues.data.map((c) => t('campaigns.chartItem', c)).join('；'),
            })}
          />
        </Section>
      )}
      <CampaignFormModal open={creating} onClose={() => setCreating(false)} />
    </Page>
  );
}
