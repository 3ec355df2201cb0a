import { Alert, Button, Flex, List, Popconfirm, Progress, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { actionUrl, opinionActions, type OpinionActionInputs, type OpinionDetail } from '@renda/shared';
import { api } from '../../app/api';
import { formatDateTime } from '../../components/format';
import { useAction } from '../../components/mutations';
import { opinionsKey, useSimilarOpinions } from './api';
import { StatusTag } from './StatusTag';

/** Opinions that read like this one (jieba word similarity), each with a button to merge this one into it. */
export function SimilarOpinions({ opinion }: { opinion: OpinionDetail }) {
  const { t } = useTranslation();
  const similar = useSimilarOpinions(opinion.id, true);
  const merge = useAction(
    (intoId: string) =>
      api.post<OpinionDetail>(actionUrl(opinionActions, opinion.id, 'merge'), { intoId } satisfies OpinionActionInputs['merge']),
    { invalidate: opinionsKey, successMessage: t('opinions.done', { action: t('opinionAction.merge') }) },
  );
  if (similar.isPending) return <Spin />;
  if (similar.error) return <Alert type="error" showIcon message={similar.error.message} />;
  // Our own text, not antd's empty state: its pale grey fails the contrast check.
  if (!similar.data.length) return <Typography.Text>{t('opinions.similarNone')}</Typography.Text>;
  return (
    <Flex vertical gap="small">
      <Typography.Text type="secondary">{t('opinions.similarHint')}</Typography.Text>
      <List
        className="similar-opinions"
        dataSource={similar.data}
        renderItem={(o) => (
          <List.Item
            actions={[
              <Popconfirm
                key="merge"
                title={t('opinions.mergeConfirm', { code: o.trackingCode })}
                okText={t('opinions.mergeIntoThis')}
                onConfirm={() => merge.mutate(o.id)}
              >
                <Button loading={merge.isPending && merge.variables === o.id}>{t('opinions.mergeIntoThis')}</Button>
              </Popconfirm>,
            ]}
          >
            <List.Item.Meta
              title={
                <Flex gap="small" wrap align="center">
                  <Link to={`/opinions/${o.id}`}>{o.trackingCode}</Link>
                  <StatusTag status={o.status} />
                  <Tag>{o.categoryLabel}</Tag>
                  <time dateTime={o.createdAt}>{formatDateTime(o.createdAt)}</time>
                </Flex>
              }
              description={
                <Flex vertical gap={4}>
                  <span>
                    {o.summary}
                    {o.location ? `（${o.location}）` : ''}
                  </span>
                  <Progress
                    percent={Math.round(o.score * 100)}
                    size="small"
                    format={(p) => t('opinions.similarScore', { score: p })}
                    aria-label={t('opinions.similarScore', { score: Math.round(o.score * 100) })}
                  />
                </Flex>
              }
            />
          </List.Item>
        )}
      />
    </Flex>
  );
}
