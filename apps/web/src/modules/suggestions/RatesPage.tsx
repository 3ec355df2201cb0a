import { lazy, Suspense, useState } from 'react';
import { Alert, Button, Card, Col, Flex, Form, Row, Select, Spin, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { suggestionRatesColumns, type ReplyCategoryOption, type SuggestionListItem, type SuggestionRates } from '@renda/shared';
import { bodyOptions, useBodies } from '../../components/bodies';
import { Page } from '../../components/Page';
import { suggestionUrls, useSessions, useOverdueSuggestions, useSuggestionRates, type BodyRow, type UnitRow } from './api';
import { StateBadge, formatDate, percent, rateKeys, type RateKey } from './labels';
import { Section } from '../../components/Section';

const RatesChart = lazy(() => import('./RatesChart'));

/** The count columns of the result categories, as the counted body names them (A/B/C, or A–D). */
const categoryKey = { A: 'categoryA', B: 'categoryB', C: 'categoryC', D: 'categoryD' } as const;

function useRateColumns<T extends SuggestionRates>(
  nameTitle: string,
  name: (row: T) => string,
  categories: ReplyCategoryOption[],
): TableColumnsType<T> {
  const { t } = useTranslation();
  return [
    { title: nameTitle, key: 'name', render: (_, row) => name(row), fixed: 'left' },
    // The same columns, in the same order, as the Excel export (packages/shared); the result categories are
    // the counted body's own (A/B/C, or A–D).
    ...suggestionRatesColumns.flatMap((key): TableColumnsType<T> =>
      key === 'categoryA'
        ? categories.map((c) => ({
            title: t('suggestions.rates.categoryCount', { category: c.code, label: c.label }),
            dataIndex: categoryKey[c.code],
          }))
        : [
            {
              title: t(`suggestions.rates.${key}`),
              dataIndex: key,
              ...(rateKeys.includes(key as RateKey) ? { render: (v: number | null) => percent(v) } : {}),
            },
          ],
    ),
  ];
}

/** 办理统计: reply, on-time, closure, solved and satisfaction rates per unit for a session, and what is overdue. */
export function RatesPage() {
  const { t } = useTranslation();
  const sessions = useSessions();
  const bodies = useBodies();
  const [chosen, setChosen] = useState<string | undefined>();
  const [bodyId, setBodyId] = useState<string | undefined>();
  const sessionId = chosen ?? sessions.data?.[0]?.id;
  const rates = useSuggestionRates(sessionId, bodyId, sessions.isSuccess);
  const labels = Object.fromEntries(rateKeys.map((k) => [k, t(`suggestions.rates.${k}`)])) as Record<RateKey, string>;
  const categories = rates.data?.categories ?? [];
  const unitColumns = useRateColumns<UnitRow>(t('suggestions.fields.leadUnit'), (r) => r.unitName, categories);
  const bodyColumns = useRateColumns<BodyRow>(t('suggestions.detail.body'), (r) => r.bodyName, categories);
  const sessionName = sessions.data?.find((s) => s.id === sessionId)?.name ?? t('suggestions.rates.allSessions');

  return (
    <Page
      title={t('suggestions.rates.title')}
      extra={
        <Button icon={<DownloadOutlined />} disabled={!sessions.isSuccess} href={suggestionUrls.ratesExport({ sessionId, bodyId })}>
          {t('suggestions.rates.export')}
        </Button>
      }
    >
      <Form layout="inline" className="filter-bar" name="rates" aria-label={t('common.filters')}>
        <Form.Item label={t('suggestions.fields.session')} htmlFor="rates-session">
          <Select
            id="rates-session"
            value={sessionId ?? ''}
            onChange={(v) => setChosen(v)}
            loading={sessions.isFetching}
            style={{ minWidth: '18em' }}
            options={[
              { value: '', label: t('suggestions.rates.allSessions') },
              ...(sessions.data ?? []).map((s) => ({ value: s.id, label: s.name })),
            ]}
          />
        </Form.Item>
        <Form.Item label={t('suggestions.detail.body')} htmlFor="rates-body">
          <Select
            id="rates-body"
            allowClear
            placeholder={t('common.all')}
            value={bodyId}
            onChange={setBodyId}
            loading={bodies.isFetching}
            style={{ minWidth: '14em' }}
            options={bodyOptions(bodies.data)}
          />
        </Form.Item>
      </Form>
      {rates.error && <Alert type="error" showIcon message={rates.error.message} />}
      {rates.data && (
        <>
          <Row gutter={[16, 16]} className="section-card">
            {rateKeys.map((key) => (
              <Col key={key} xs={12} md={8} xl={4}>
                <Card size="small">
                  <Statistic title={labels[key]} value={percent(rates.data.overall[key])} />
                </Card>
              </Col>
            ))}
            <Col xs={12} md={8} xl={4}>
              <Card size="small">
                <Statistic title={t('suggestions.rates.total')} value={rates.data.overall.total} />
              </Card>
            </Col>
          </Row>
          <Section title={t('suggestions.rates.byUnit')}>
            {rates.data.byUnit.length === 0 ? (
              <Typography.Paragraph>{t('suggestions.rates.empty')}</Typography.Paragraph>
            ) : (
              <Suspense fallback={<Spin />}>
                <RatesChart
                  rows={rates.data.byUnit.map((r) => ({ ...r, name: r.unitName }))}
                  labels={labels}
                  description={t('suggestions.rates.chartDescription', { session: sessionName })}
                />
              </Suspense>
            )}
            <Table<UnitRow>
              rowKey="unitId"
              size="small"
              scroll={{ x: 'max-content' }}
              pagination={false}
              columns={unitColumns}
              dataSource={rates.data.byUnit}
            />
          </Section>
          {rates.data.byBody.length > 1 && (
            <Section title={t('suggestions.rates.byBody')}>
              <Table<BodyRow>
                rowKey="bodyId"
                size="small"
                scroll={{ x: 'max-content' }}
                pagination={false}
                columns={bodyColumns}
                dataSource={rates.data.byBody}
              />
            </Section>
          )}
        </>
      )}
      <OverdueList sessionId={sessionId} bodyId={bodyId} />
    </Page>
  );
}

function OverdueList({ sessionId, bodyId }: { sessionId?: string; bodyId?: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const { data, isFetching, error } = useOverdueSuggestions(sessionId, bodyId, page);
  const columns: TableColumnsType<SuggestionListItem> = [
    { title: t('suggestions.fields.number'), dataIndex: 'numberLabel', render: (v: string | null) => v ?? '—' },
    { title: t('suggestions.fields.title'), key: 'title', render: (_, item) => <Link to={`/suggestions/${item.id}`}>{item.title}</Link> },
    { title: t('suggestions.fields.leadUnit'), dataIndex: 'leadUnitName' },
    { title: t('suggestions.fields.state'), dataIndex: 'state', render: (s: SuggestionListItem['state']) => <StateBadge state={s} /> },
    { title: t('suggestions.fields.dueAt'), dataIndex: 'dueAt', render: formatDate },
    { title: t('suggestions.fields.leadDeputy'), dataIndex: 'leadDeputyName' },
  ];
  return (
    <Section title={t('suggestions.rates.overdue')}>
      <Flex vertical gap="small">
        {error && <Alert type="error" showIcon message={error.message} />}
        <Table<SuggestionListItem>
          rowKey="id"
          size="small"
          scroll={{ x: 'max-content' }}
          loading={isFetching}
          columns={columns}
          dataSource={data?.items}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: data?.total ?? 0,
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, size) => setPage({ page: p, pageSize: size }),
          }}
        />
      </Flex>
    </Section>
  );
}
