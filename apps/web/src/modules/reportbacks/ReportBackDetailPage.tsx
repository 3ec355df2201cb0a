import { lazy, Suspense, useState } from 'react';
import { Button, Descriptions, Flex, Spin, Statistic, Table, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { can, voterRating, type ReportBack, type ReportBackComment } from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';
import { formatDateTime } from '../../components/format';
import { Page } from '../../components/Page';
import { Section } from '../../components/Section';
import { reportBacksKey, reportBackUrls, useRatings, useReportBack, actOnReportBack } from './api';
import { AttendeesSection } from './AttendeesSection';
import { ConfirmedActions } from '../../components/ConfirmedActions';
import { percent, ratingColour, ReportBackStateTag } from './labels';
import { ReportBackFormModal } from './ReportBackFormModal';
import { DetailLoader } from '../../components/DetailLoader';

const CountsChart = lazy(() => import('./CountsChart'));

export function ReportBackDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  return (
    <DetailLoader query={useReportBack(id)} notFoundTitle={t('reportbacks.detail.notFound')}>
      {(reportBack) => <ReportBackDetail reportBack={reportBack} />}
    </DetailLoader>
  );
}

function ReportBackDetail({ reportBack: r }: { reportBack: ReportBack }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const manage = can(user.role, 'reportbacks.manage');
  const [editing, setEditing] = useState(false);
  const link = reportBackUrls.ratingPage(r.publicCode);
  return (
    <Page
      title={`${r.deputyName} · ${r.title}`}
      extra={
        <>
          {manage && (
            <ConfirmedActions
              actions={r.allowedActions}
              label={(a) => t(`reportbacks.action.${a}`)}
              act={(a) => actOnReportBack(r.id, a)}
              invalidate={reportBacksKey}
            />
          )}
          {manage && r.state === 'draft' && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
          )}
        </>
      }
    >
      <Flex vertical gap="middle">
        <Section title={t('reportbacks.detail.info')}>
          <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
            <Descriptions.Item label={t('reportbacks.fields.deputy')}>
              <Link to={`/deputies/${r.deputyId}`}>{r.deputyName}</Link>
            </Descriptions.Item>
            <Descriptions.Item label={t('common.status')}>
              <ReportBackStateTag state={r.state} />
            </Descriptions.Item>
            <Descriptions.Item label={t('reportbacks.fields.heldOn')}>{r.heldOn}</Descriptions.Item>
            <Descriptions.Item label={t('reportbacks.fields.place')}>{r.place}</Descriptions.Item>
            <Descriptions.Item label={t('reportbacks.fields.constituency')}>{r.constituency}</Descriptions.Item>
            <Descriptions.Item label={t('reportbacks.fields.body')}>{r.bodyName}</Descriptions.Item>
            <Descriptions.Item label={t('reportbacks.fields.ratingMode')}>{t(`reportbacks.mode.${r.ratingMode}`)}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={3} className="section-title">
            {t('reportbacks.fields.report')}
          </Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{r.report}</Typography.Paragraph>
          <Link to={`/deputies/${r.deputyId}`}>{t('reportbacks.detail.performanceFile')}</Link>
        </Section>
        <Results reportBack={r} />
        {r.ratingMode === 'attendee' && <AttendeesSection reportBack={r} manage={manage} />}
        <Section title={t('reportbacks.detail.qr')}>
          <Flex gap="large" align="center" wrap>
            <img src={reportBackUrls.qr(r.id)} alt={t('reportbacks.detail.qrAlt', { name: r.deputyName })} width={160} height={160} />
            <Flex vertical gap="small">
              <Typography.Text>{t('reportbacks.detail.qrHint')}</Typography.Text>
              <Typography.Text copyable={{ text: link }}>
                {t('reportbacks.detail.link')}：<a href={link}>{link}</a>
              </Typography.Text>
              <a href={reportBackUrls.qr(r.id)} download>
                {t('reportbacks.detail.qrPng')}
              </a>
            </Flex>
          </Flex>
        </Section>
      </Flex>
      {editing && <ReportBackFormModal reportBack={r} onClose={() => setEditing(false)} />}
    </Page>
  );
}

/** 评: the three counts as a chart, the satisfaction rate, and the voters' comments. */
function Results({ reportBack: r }: { reportBack: ReportBack }) {
  const { t } = useTranslation();
  const ratings = useRatings(r.id);
  const { counts } = r.results;
  const columns = [
    { title: t('reportbacks.detail.ratedAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
    { title: t('reportbacks.detail.voter'), dataIndex: 'phone' },
    { title: t('reportbacks.detail.rating'), dataIndex: 'ratingLabel' },
    { title: t('reportbacks.detail.comment'), dataIndex: 'comment', render: (v: string) => v || '—' },
  ];
  return (
    <Section title={t('reportbacks.detail.results')}>
      <Flex gap="large" wrap>
        <Statistic title={t('reportbacks.detail.total')} value={r.results.total} />
        <Statistic title={t('reportbacks.fields.satisfaction')} value={percent(r.results.satisfactionRate)} />
        {voterRating.options.map((k) => (
          <Statistic key={k} title={t(`reportbacks.rating.${k}`)} value={counts[k]} />
        ))}
      </Flex>
      {r.results.total === 0 ? (
        <Typography.Paragraph type="secondary">{t('reportbacks.detail.noRatings')}</Typography.Paragraph>
      ) : (
        <Suspense fallback={<Spin />}>
          <CountsChart
            bars={voterRating.options.map((k) => ({ name: t(`reportbacks.rating.${k}`), value: counts[k], colour: ratingColour[k] }))}
            description={t('reportbacks.detail.chart', {
              satisfied: counts.satisfied,
              basically: counts.basically_satisfied,
              dissatisfied: counts.dissatisfied,
            })}
          />
        </Suspense>
      )}
      <Typography.Title level={3} className="section-title">
        {t('reportbacks.detail.comments')}
      </Typography.Title>
      <Table<ReportBackComment>
        rowKey={(c) => `${c.createdAt}${c.phone}${c.comment}`}
        size="small"
        loading={ratings.isFetching}
        dataSource={ratings.data}
        columns={columns}
        pagination={{ pageSize: 10 }}
      />
    </Section>
  );
}
