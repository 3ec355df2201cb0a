import { useState } from 'react';
import { Flex, Select, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Draft } from '@renda/shared';
import { useVersionText } from './api';
import { heatColour } from './labels';
import { tagColour } from '../../components/tagColours';

/** The articles of a version, each shaded by how many comments it drew (the heat view), chapter by chapter. */
export function TextTab({ draft }: { draft: Draft }) {
  const { t } = useTranslation();
  const [versionId, setVersionId] = useState<string>(draft.currentVersionId);
  const text = useVersionText(draft.id, versionId);
  if (!text.data) return <Spin />;
  const max = Math.max(0, ...text.data.articles.map((a) => a.comments));
  let chapter = '';
  return (
    <Flex vertical gap="small">
      <Flex gap="small" align="center" wrap>
        <label htmlFor="legislation-version">{t('legislation.detail.version')}</label>
        <Select
          id="legislation-version"
          style={{ minWidth: 200 }}
          value={versionId}
          onChange={setVersionId}
          options={draft.versions.map((v) => ({
            value: v.id,
            label: `${t('legislation.detail.versionN', { n: v.number })}${v.note ? `（${v.note}）` : ''}`,
          }))}
        />
        <Tag>
          {t('legislation.detail.wholeDraft')}：
          {t('legislation.detail.heat', { comments: text.data.wholeDraft.comments, participants: text.data.wholeDraft.participants })}
        </Tag>
      </Flex>
      {text.data.articles.map((a) => {
        const heading = a.chapter !== chapter ? a.chapter : null;
        chapter = a.chapter;
        return (
          <div key={a.id}>
            {heading && <Typography.Title level={4}>{heading}</Typography.Title>}
            <div
              data-testid={`article-${a.number}`}
              style={{ background: heatColour(a.comments, max), padding: '6px 8px', borderRadius: 4 }}
            >
              <Typography.Text strong>{a.label}</Typography.Text>{' '}
              {a.comments > 0 && (
                <Tag color={tagColour.error}>{t('legislation.detail.heat', { comments: a.comments, participants: a.participants })}</Tag>
              )}
              <div style={{ whiteSpace: 'pre-line' }}>{a.text}</div>
            </div>
          </div>
        );
      })}
    </Flex>
  );
}
