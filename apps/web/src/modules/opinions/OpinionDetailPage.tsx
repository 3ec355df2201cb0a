import type { ReactNode } from 'react';
import { Alert, Descriptions, Flex, Image, Spin, Tag, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { OpinionDetail } from '@renda/shared';
import { formatDateTime } from '../../components/format';
import { Page } from '../../components/Page';
import { ActionPanel } from './ActionPanel';
import { useOpinion, usePhotos } from './api';
import { SimilarOpinions } from './SimilarOpinions';
import { OverdueTag, StatusTag } from './StatusTag';
import { Section } from '../../components/Section';
import { ProvisionalTag } from '../../components/ProvisionalTag';

function Photos({ opinion }: { opinion: OpinionDetail }) {
  const { t } = useTranslation();
  const photos = usePhotos(opinion.id, opinion.photoCount);
  if (opinion.photoCount === 0) return <>{t('opinions.noPhotos')}</>;
  return (
    <Image.PreviewGroup>
      <Flex gap="small" wrap>
        {(photos.data ?? []).map((p, i) => (
          <Image
            key={p.id}
            width={96}
            height={96}
            className="opinion-photo"
            src={`/api/attachments/${p.id}/download`}
            alt={t('opinions.photoAlt', { n: i + 1 })}
          />
        ))}
      </Flex>
    </Image.PreviewGroup>
  );
}

function Basics({ opinion: o }: { opinion: OpinionDetail }) {
  const { t } = useTranslation();
  return (
    <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
      <Descriptions.Item label={t('opinions.status')}>
        <StatusTag status={o.status} />
      </Descriptions.Item>
      <Descriptions.Item label={t('opinions.trackingCode')}>{o.trackingCode}</Descriptions.Item>
      <Descriptions.Item label={t('opinions.category')}>{o.categoryLabel}</Descriptions.Item>
      <Descriptions.Item label={t('opinions.channel')}>{t(`opinionChannel.${o.channel}`)}</Descriptions.Item>
      <Descriptions.Item label={t('opinions.source')}>{o.stationName ?? o.deputyName ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('opinions.body')}>{o.bodyName}</Descriptions.Item>
      <Descriptions.Item label={t('opinions.submittedAt')}>{formatDateTime(o.createdAt)}</Descriptions.Item>
      <Descriptions.Item label={t('opinions.location')}>{o.location ?? '—'}</Descriptions.Item>
      {o.contactWithheld ? (
        <Descriptions.Item label={t('opinions.citizen')} span="filled">
          {t('opinions.contactWithheld')}
        </Descriptions.Item>
      ) : (
        <>
          <Descriptions.Item label={t('opinions.citizen')}>{o.citizenName ?? t('opinions.anonymous')}</Descriptions.Item>
          <Descriptions.Item label={t('opinions.phone')}>{o.citizenPhone ?? '—'}</Descriptions.Item>
        </>
      )}
      <Descriptions.Item label={t('opinions.contactConsent')}>{o.contactConsent ? t('opinions.yes') : t('opinions.no')}</Descriptions.Item>
      <Descriptions.Item label={t('opinions.content')} span="filled">
        <p className="pre-line">{o.content}</p>
      </Descriptions.Item>
      <Descriptions.Item label={t('opinions.photos')} span="filled">
        <Photos opinion={o} />
      </Descriptions.Item>
    </Descriptions>
  );
}

function Handling({ opinion: o }: { opinion: OpinionDetail }) {
  const { t } = useTranslation();
  const items: { label: string; value: ReactNode; wide?: boolean }[] = [];
  const add = (label: string, value: ReactNode, wide = false) => value != null && value !== '' && items.push({ label, value, wide });
  add(t('opinions.declineReason'), o.declineReason, true);
  if (o.mergedIntoId) add(t('opinions.mergedInto'), <Link to={`/opinions/${o.mergedIntoId}`}>{t('opinions.open')}</Link>);
  add(t('opinions.takenByDeputy'), o.takenByDeputyName);
  add(t('opinions.handlingUnit'), o.handlingUnitName);
  add(t('opinions.routeKind'), o.routeKind && t(`routeKind.${o.routeKind}`));
  add(t('opinions.routedAt'), o.routedAt && formatDateTime(o.routedAt));
  add(
    t('opinions.dueAt'),
    o.dueAt && (
      <Flex gap="small" align="center">
        {formatDateTime(o.dueAt).slice(0, 10)}
        {o.overdue && <OverdueTag />}
        <ProvisionalTag date={o.dueAt} />
      </Flex>
    ),
  );
  add(t('opinions.routeNote'), o.routeNote, true);
  add(t('opinions.signedAt'), o.signedAt && formatDateTime(o.signedAt));
  add(t('opinions.returnReason'), o.returnReason, true);
  add(t('opinions.repliedAt'), o.repliedAt && formatDateTime(o.repliedAt));
  add(t('opinions.replyApprovedAt'), o.replyApprovedAt && formatDateTime(o.replyApprovedAt));
  add(t('opinions.reply'), o.replyText && <p className="pre-line">{o.replyText}</p>, true);
  add(t('opinions.rating'), o.rating && t(`opinionRating.${o.rating}`));
  add(t('opinions.ratingComment'), o.ratingComment, true);
  add(t('opinions.closedAt'), o.closedAt && formatDateTime(o.closedAt));
  add(t('opinions.suggestion'), o.escalatedAt && formatDateTime(o.escalatedAt));
  if (items.length === 0) return <Typography.Text>—</Typography.Text>;
  return (
    <>
      {o.status === 'replied' && <Alert type="warning" showIcon message={t('opinions.replyPending')} />}
      <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
        {items.map((i) => (
          <Descriptions.Item key={i.label} label={i.label} span={i.wide ? 'filled' : 1}>
            {i.value}
          </Descriptions.Item>
        ))}
      </Descriptions>
    </>
  );
}

function Steps({ opinion }: { opinion: OpinionDetail }) {
  const { t } = useTranslation();
  return (
    <Timeline
      items={opinion.timeline.map((e) => ({
        color: e.public ? 'blue' : 'gray',
        children: (
          <Flex vertical gap={2}>
            <Flex gap="small" wrap align="center">
              <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              <Typography.Text strong>{e.label}</Typography.Text>
              {e.actorName && <Typography.Text>{e.actorName}</Typography.Text>}
              <Tag>{e.public ? t('opinions.public') : t('opinions.internal')}</Tag>
            </Flex>
            {e.note && <p className="pre-line">{e.note}</p>}
          </Flex>
        ),
      }))}
    />
  );
}

/** One opinion: what the citizen said, how it is being handled, the buttons the workflow allows, every step. */
export function OpinionDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, error, isPending } = useOpinion(id);
  const back = (
    <Link to="/opinions">
      <ArrowLeftOutlined /> {t('opinions.back')}
    </Link>
  );
  if (isPending)
    return (
      <Page title={t('module.opinions')} extra={back}>
        <Spin />
      </Page>
    );
  if (error || !data)
    return (
      <Page title={t('module.opinions')} extra={back}>
        <Alert type="error" showIcon message={error?.message} />
      </Page>
    );
  return (
    <Page title={t('opinions.detailTitle', { code: data.trackingCode })} extra={back}>
      <Section title={t('opinions.actionsTitle')}>
        <ActionPanel opinion={data} />
      </Section>
      <Section title={t('opinions.basics')}>
        <Basics opinion={data} />
      </Section>
      {data.actions.includes('merge') && (
        <Section title={t('opinions.similarTitle')}>
          <SimilarOpinions opinion={data} />
        </Section>
      )}
      <Section title={t('opinions.handling')}>
        <Handling opinion={data} />
      </Section>
      <Section title={t('opinions.timeline')}>
        <Steps opinion={data} />
      </Section>
    </Page>
  );
}
