import { useState } from 'react';
import { Card, Empty, Flex, List, Select, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Draft } from '@renda/shared';
import { useCommentGroups, useComparison } from './api';

/** Similar comments grouped per article (jieba words on the server), the largest groups first. */
export function GroupsTab({ draft }: { draft: Draft }) {
  const { t } = useTranslation();
  const groups = useCommentGroups(draft.id);
  if (!groups.data) return <Spin />;
  if (!groups.data.groups.length) return <Empty description={t('legislation.detail.noGroups')} />;
  return (
    <Flex vertical gap="small">
      {groups.data.groups.map((g, i) => (
        <Card
          key={i}
          size="small"
          title={`${g.articleLabel ?? t('legislation.detail.wholeDraft')} · ${g.comments.length} 条 · ${g.comments.reduce((s, c) => s + c.participants, 0)} 人次`}
          extra={g.keywords.length ? t('legislation.detail.groupKeywords', { words: g.keywords.join('、') }) : null}
        >
          <List size="small" dataSource={g.comments} renderItem={(c) => <List.Item>{c.content}</List.Item>} />
        </Card>
      ))}
    </Flex>
  );
}

/** Two versions side by side, article by article, with the changed characters marked. */
export function CompareTab({ draft }: { draft: Draft }) {
  const { t } = useTranslation();
  const options = draft.versions.map((v) => ({ value: v.id, label: t('legislation.detail.versionN', { n: v.number }) }));
  const [from, setFrom] = useState(draft.versions.at(-2)?.id ?? draft.versions[0]!.id);
  const [to, setTo] = useState(draft.currentVersionId);
  const cmp = useComparison(draft.id, from, to);
  const changed = cmp.data?.rows.filter((r) => r.change !== 'same') ?? [];
  return (
    <Flex vertical gap="small">
      <Flex gap="small" wrap align="center">
        <label htmlFor="compare-from">{t('legislation.detail.compareFrom')}</label>
        <Select id="compare-from" value={from} onChange={setFrom} options={options} style={{ minWidth: 120 }} />
        <label htmlFor="compare-to">{t('legislation.detail.compareTo')}</label>
        <Select id="compare-to" value={to} onChange={setTo} options={options} style={{ minWidth: 120 }} />
      </Flex>
      {cmp.isFetching && <Spin />}
      {cmp.data && !changed.length && <Empty description={t('legislation.detail.noChanges')} />}
      {changed.map((r, i) => (
        <Card
          key={i}
          size="small"
          title={
            <>
              <Tag>{t(`legislation.change.${r.change}`)}</Tag>
              {r.new?.label ?? r.old?.label}
            </>
          }
        >
          {r.change === 'changed' ? (
            <Typography.Paragraph style={{ whiteSpace: 'pre-line', marginBottom: 0 }}>
              {r.parts.map((p, k) =>
                p.added ? (
                  <ins key={k} style={{ background: '#d9f7be' }}>
                    {p.value}
                  </ins>
                ) : p.removed ? (
                  <del key={k} style={{ background: '#ffccc7' }}>
                    {p.value}
                  </del>
                ) : (
                  <span key={k}>{p.value}</span>
                ),
              )}
            </Typography.Paragraph>
          ) : (
            <Typography.Paragraph style={{ whiteSpace: 'pre-line', marginBottom: 0 }} delete={r.change === 'removed'}>
              {(r.new ?? r.old)!.text}
            </Typography.Paragraph>
          )}
        </Card>
      ))}
    </Flex>
  );
}
