import { lazy, Suspense, useState } from 'react';
import { Button, Form, Input, InputNumber, Segmented, Spin, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { can, cycleInput, cycleState, type Cycle, type LivelihoodFigures } from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';
import { BodyTreeSelect } from '../../components/bodies';
import { FormModal } from '../../components/FormModal';
import { useFormMutation } from '../../components/mutations';
import { Page } from '../../components/Page';
import { PagedTable, usePagedList, type FilterField } from '../../components/PagedTable';
import { Section } from '../../components/Section';
import { createCycle, cyclesKey, useFigures } from './api';
import { LivelihoodTabs } from './LivelihoodTabs';

const FiguresChart = lazy(() => import('./FiguresChart'));

/** 民生实事票决: this year's figures per body (区镇全覆盖), and the cycles of every year. */
export function OverviewPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [creating, setCreating] = useState(false);
  const list = usePagedList<Cycle>(cyclesKey, '/api/livelihood/cycles');
  const filters: FilterField[] = [
    { kind: 'text', param: 'year', label: t('livelihood.cycle.year') },
    {
      kind: 'select',
      param: 'state',
      label: t('livelihood.cycle.state'),
      options: cycleState.options.map((s) => ({ value: s, label: t(`livelihood.cycleState.${s}`) })),
    },
  ];
  const columns: TableColumnsType<Cycle> = [
    { title: t('livelihood.cycle.body'), dataIndex: 'bodyName' },
    { title: t('livelihood.cycle.year'), dataIndex: 'year' },
    { title: t('livelihood.cycle.state'), dataIndex: 'stateLabel', render: (v: string) => <Tag>{v}</Tag> },
    { title: t('livelihood.cycle.places'), dataIndex: 'places' },
    { title: t('livelihood.cycle.proposals'), dataIndex: 'proposalCount' },
    { title: t('livelihood.cycle.candidates'), dataIndex: 'candidateCount' },
    { title: t('livelihood.cycle.chosen'), dataIndex: 'chosenCount' },
    { title: t('livelihood.cycle.completed'), dataIndex: 'completedCount' },
    { title: t('livelihood.cycle.budget'), dataIndex: 'budget' },
    {
      title: t('common.actions'),
      key: 'view',
      render: (_: unknown, c: Cycle) => (
        <Link to={`/livelihood-projects/cycles/${c.id}`} aria-label={`${t('livelihood.cycle.view')} ${c.title}`}>
          {t('livelihood.cycle.view')}
        </Link>
      ),
    },
  ];
  return (
    <Page
      title={t('livelihood.overview.title')}
      extra={
        can(user.role, 'livelihood.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('livelihood.overview.create')}
          </Button>
        )
      }
    >
      <LivelihoodTabs />
      <Figures />
      <PagedTable list={list} filters={filters} columns={columns} />
      {creating && <CreateCycleModal bodyId={user.bodyId} onClose={() => setCreating(false)} />}
    </Page>
  );
}

function Figures() {
  const { t } = useTranslation();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const { data } = useFigures(year);
  const columns: TableColumnsType<LivelihoodFigures['bodies'][number]> = [
    { title: t('livelihood.cycle.body'), dataIndex: 'bodyName' },
    {
      title: t('livelihood.cycle.state'),
      dataIndex: 'state',
      render: (s: Cycle['state'] | null) => (s ? t(`livelihood.cycleState.${s}`) : '—'),
    },
    { title: t('livelihood.cycle.candidates'), dataIndex: 'candidates' },
    { title: t('livelihood.overview.chosen'), dataIndex: 'chosen' },
    { title: t('livelihood.overview.completed'), dataIndex: 'completed' },
    { title: t('livelihood.cycle.budget'), dataIndex: 'budget' },
    { title: t('livelihood.overview.progress'), dataIndex: 'averageProgress' },
    { title: t('livelihood.projectState.satisfied'), dataIndex: 'passed' },
    { title: t('livelihood.projectState.rectifying'), dataIndex: 'rectifying' },
  ];
  return (
    <Section
      title={t('livelihood.overview.figures', { year })}
      extra={<Segmented size="small" value={year} onChange={(v) => setYear(Number(v))} options={[thisYear - 1, thisYear]} />}
    >
      {data && (
        <>
          <Typography.Paragraph>{t('livelihood.overview.coverage', data.townships)}</Typography.Paragraph>
          {data.bodies.length > 0 && (
            <Suspense fallback={<Spin />}>
              <FiguresChart
                rows={data.bodies}
                labels={{
                  chosen: t('livelihood.overview.chosen'),
                  completed: t('livelihood.overview.completed'),
                  progress: t('livelihood.overview.progress'),
                }}
                description={t('livelihood.overview.chart')}
              />
            </Suspense>
          )}
          <Table rowKey="bodyId" size="small" scroll={{ x: 'max-content' }} pagination={false} columns={columns} dataSource={data.bodies} />
        </>
      )}
    </Section>
  );
}

type Values = { bodyId?: string; year?: number; places?: number; solicitUntil?: string };

function CreateCycleModal({ bodyId, onClose }: { bodyId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const { submit, pending } = useFormMutation({
    form,
    schema: cycleInput,
    mutationFn: createCycle,
    invalidate: cyclesKey,
    successMessage: t('livelihood.overview.created'),
    onSuccess: (c) => navigate(`/livelihood-projects/cycles/${c.id}`),
  });
  return (
    <FormModal<Values>
      name="cycle"
      title={t('livelihood.overview.create')}
      open
      form={form}
      initialValues={{ bodyId, year: new Date().getFullYear() + 1, places: 10 }}
      pending={pending}
      onFinish={(v) => submit({ ...v, solicitUntil: v.solicitUntil || null })}
      onClose={onClose}
    >
      <Form.Item name="bodyId" label={t('livelihood.cycle.body')} required>
        <BodyTreeSelect />
      </Form.Item>
      <Form.Item name="year" label={t('livelihood.cycle.year')} required>
        <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="places" label={t('livelihood.cycle.places')} required>
        <InputNumber min={1} max={50} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="solicitUntil" label={t('livelihood.cycle.solicitUntil')}>
        <Input type="date" />
      </Form.Item>
    </FormModal>
  );
}
