import { useState } from 'react';
import { Alert, App, Button, Flex, Form, Input, InputNumber, Popconfirm, Select, Table, Typography, type TableColumnsType } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { DownloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { can, dutyKind, type AssessmentRow, type AssessmentWeight } from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';
import { BodyTreeSelect } from '../../components/bodies';
import { reportError } from '../../components/forms';
import { useAction } from '../../components/mutations';
import { Page } from '../../components/Page';
import {
  useGroupOptions,
  assessmentKey,
  deputyUrls,
  publishAssessment,
  saveAssessmentWeights,
  useAssessmentRanking,
  useAssessmentWeights,
} from './api';
import { DeputiesTabs } from './labels';
import { Section } from '../../components/Section';
import { LazyBarChart } from '../../components/LazyBarChart';

/** The chart compares the leading deputies; the table below holds everyone. */
const chartedDeputies = 20;

/** 量化考评: scores from the duty log under the body's weights, the ranking, and publishing it to the deputies. */
export function AssessmentPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const manage = can(user.role, 'deputies.manage');
  const groups = useGroupOptions();
  const { message } = App.useApp();
  const [bodyId, setBodyId] = useState<string | undefined>(user.bodyId ?? undefined);
  const [term, setTerm] = useState('第九届');
  const [year, setYear] = useState(new Date().getFullYear());
  const [groupId, setGroupId] = useState<string | undefined>();
  const ready = !!bodyId && /^第[一二三四五六七八九十]{1,3}届$/.test(term);
  const ranking = useAssessmentRanking({ bodyId, term, year, groupId }, ready);
  const publish = useAction(() => publishAssessment({ bodyId, term, year }), {
    invalidate: assessmentKey,
    successMessage: false,
    onSuccess: (r) => void message.success(t('deputies.assessment.publishedCount', { count: r.published })),
  });

  const columns: TableColumnsType<AssessmentRow> = [
    { title: t('deputies.assessment.rank'), dataIndex: 'rank', width: 72 },
    {
      title: t('deputies.fields.name'),
      dataIndex: 'name',
      render: (name: string, r) => <Link to={`/deputies/${r.deputyId}`}>{name}</Link>,
    },
    { title: t('deputies.assessment.score'), dataIndex: 'score' },
    {
      title: t('deputies.assessment.counts'),
      dataIndex: 'counts',
      render: (counts: AssessmentRow['counts']) =>
        Object.entries(counts)
          .filter(([, n]) => n > 0)
          .map(
            ([k, n]) =>
              `${dutyKind.options.includes(k as never) ? t(`deputies.dutyKind.${k as (typeof dutyKind.options)[number]}`) : k} ${n}`,
          )
          .join('、') || '—',
    },
  ];

  return (
    <Page title={t('deputies.assessment.title')}>
      <Flex vertical gap="middle">
        <DeputiesTabs />
        <Form layout="inline" name="assessment" component="div" className="filter-bar">
          <Form.Item label={t('deputies.fields.body')} htmlFor="assessment-body">
            <BodyTreeSelect id="assessment-body" value={bodyId} onChange={setBodyId} style={{ minWidth: '14em' }} />
          </Form.Item>
          <Form.Item label={t('deputies.fields.term')} htmlFor="assessment-term">
            <Input id="assessment-term" value={term} onChange={(e) => setTerm(e.target.value.trim())} style={{ width: '8em' }} />
          </Form.Item>
          <Form.Item label={t('deputies.assessment.year')} htmlFor="assessment-year">
            <InputNumber id="assessment-year" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
          </Form.Item>
          <Form.Item label={t('deputies.list.group')} htmlFor="assessment-group">
            <Select
              id="assessment-group"
              allowClear
              value={groupId}
              onChange={setGroupId}
              options={groups.options}
              style={{ minWidth: '12em' }}
              placeholder={t('common.all')}
            />
          </Form.Item>
        </Form>
        {ranking.error && <Alert type="error" showIcon message={ranking.error.message} />}
        <Section
          title={t('deputies.assessment.ranking')}
          extra={
            <Flex gap="small" wrap>
              {manage && !groupId && (
                <Popconfirm
                  title={t('deputies.assessment.publishConfirm', { year, term })}
                  onConfirm={() => publish.mutate(undefined)}
                  okText={t('deputies.assessment.publish')}
                  cancelText={t('common.cancel')}
                >
                  <Button type="primary" disabled={!ready} loading={publish.isPending}>
                    {t('deputies.assessment.publish')}
                  </Button>
                </Popconfirm>
              )}
              <Button
                icon={<DownloadOutlined />}
                disabled={!ready}
                href={ready ? deputyUrls.rankingExport({ bodyId, term, year, groupId }) : undefined}
              >
                {t('deputies.list.export')}
              </Button>
            </Flex>
          }
        >
          {!!ranking.data?.length && (
            <LazyBarChart
              names={ranking.data.slice(0, chartedDeputies).map((r) => r.name)}
              series={[{ label: t('deputies.assessment.score'), values: ranking.data.slice(0, chartedDeputies).map((r) => r.score) }]}
              description={t('deputies.assessment.chartDescription', {
                count: Math.min(chartedDeputies, ranking.data.length),
                year,
                term,
              })}
            />
          )}
          <Table<AssessmentRow>
            rowKey="deputyId"
            size="small"
            loading={ranking.isFetching}
            columns={columns}
            dataSource={ranking.data}
            pagination={{ pageSize: 20, showSizeChanger: true }}
            scroll={{ x: 'max-content' }}
          />
        </Section>
        {bodyId && <WeightsSection bodyId={bodyId} manage={manage} />}
      </Flex>
    </Page>
  );
}

function WeightsSection({ bodyId, manage }: { bodyId: string; manage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const weights = useAssessmentWeights(bodyId);
  const [draft, setDraft] = useState<Record<string, { points: number; yearlyCap: number | null }>>({});
  const [saving, setSaving] = useState(false);
  const rows = (weights.data?.weights ?? []).map((w) => ({ ...w, ...draft[w.kind] }));
  const edit = (kind: string, change: Partial<{ points: number; yearlyCap: number | null }>) =>
    setDraft((d) => {
      const current = rows.find((r) => r.kind === kind)!;
      return { ...d, [kind]: { points: current.points, yearlyCap: current.yearlyCap, ...change } };
    });
  const save = async () => {
    setSaving(true);
    try {
      await saveAssessmentWeights(
        bodyId,
        rows.map(({ kind, points, yearlyCap }) => ({ kind, points, yearlyCap })),
      );
      setDraft({});
      await queryClient.invalidateQueries({ queryKey: assessmentKey });
      void message.success(t('common.saved'));
    } catch (error) {
      reportError(error, message);
    } finally {
      setSaving(false);
    }
  };
  const columns: TableColumnsType<AssessmentWeight> = [
    { title: t('deputies.duty.kind'), dataIndex: 'kind', render: (k: AssessmentWeight['kind']) => t(`deputies.dutyKind.${k}`) },
    {
      title: t('deputies.assessment.points'),
      dataIndex: 'points',
      render: (v: number, w) =>
        manage ? (
          <InputNumber
            aria-label={t('deputies.assessment.pointsOf', { kind: t(`deputies.dutyKind.${w.kind}`) })}
            min={0}
            max={100}
            value={v}
            onChange={(n) => edit(w.kind, { points: n ?? 0 })}
          />
        ) : (
          v
        ),
    },
    {
      title: t('deputies.assessment.cap'),
      dataIndex: 'yearlyCap',
      render: (v: number | null, w) =>
        manage ? (
          <InputNumber
            aria-label={t('deputies.assessment.capOf', { kind: t(`deputies.dutyKind.${w.kind}`) })}
            min={0}
            max={1000}
            value={v}
            onChange={(n) => edit(w.kind, { yearlyCap: n ?? null })}
          />
        ) : (
          (v ?? '—')
        ),
    },
  ];
  return (
    <Section
      title={t('deputies.assessment.weights')}
      extra={
        manage && (
          <Button onClick={() => void save()} loading={saving} disabled={Object.keys(draft).length === 0}>
            {t('common.save')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">
        {weights.data?.setByBodyId && weights.data.setByBodyId !== bodyId
          ? t('deputies.assessment.inherited')
          : t('deputies.assessment.weightsHint')}
      </Typography.Paragraph>
      <Table<AssessmentWeight>
        rowKey="kind"
        size="small"
        loading={weights.isFetching}
        columns={columns}
        dataSource={rows}
        pagination={false}
      />
    </Section>
  );
}
