import { useState } from 'react';
import { Button, Descriptions, Flex, Tabs, Typography } from 'antd';
import { EditOutlined, FileWordOutlined, LinkOutlined } from '@ant-design/icons';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { can, type Draft } from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';
import { DetailLoader } from '../../components/DetailLoader';
import { ConfirmedActions } from '../../components/ConfirmedActions';
import { Page } from '../../components/Page';
import { Section } from '../../components/Section';
import { actOnDraft, legislationKey, legislationUrls, useDraft } from './api';
import { CommentsTab } from './CommentsTab';
import { CompareTab, GroupsTab } from './AnalysisTabs';
import { EditDraftModal, ReviseModal } from './DraftFormModal';
import { DraftStateTag } from './labels';
import { TextTab } from './TextTab';

export function DraftDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  return (
    <DetailLoader query={useDraft(id)} notFoundTitle={t('legislation.detail.notFound')}>
      {(draft) => <DraftDetail draft={draft} />}
    </DetailLoader>
  );
}

/** The steps of the draft's workflow that need no input, each confirmed first; 形成新版本 opens its form. */
function DraftActions({ draft }: { draft: Draft }) {
  const { t } = useTranslation();
  const [revising, setRevising] = useState(false);
  const [editing, setEditing] = useState(false);
  return (
    <>
      {(draft.state === 'drafting' || draft.state === 'open') && (
        <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
          {t('legislation.form.edit')}
        </Button>
      )}
      {draft.allowedActions.includes('revise') && <Button onClick={() => setRevising(true)}>{t('legislation.action.revise')}</Button>}
      <ConfirmedActions
        actions={draft.allowedActions.filter((a) => a !== 'revise')}
        label={(a) => t(`legislation.action.${a}`)}
        act={(a) => actOnDraft(draft.id, a)}
        invalidate={legislationKey}
      />
      {revising && <ReviseModal draft={draft} onClose={() => setRevising(false)} />}
      {editing && <EditDraftModal draft={draft} onClose={() => setEditing(false)} />}
    </>
  );
}

function DraftDetail({ draft: d }: { draft: Draft }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const manage = can(user.role, 'legislation.manage');
  const publicPage = legislationUrls.publicPage(d.publicCode);
  return (
    <Page
      title={d.title}
      extra={
        <>
          {manage && <DraftActions draft={d} />}
          {d.state !== 'drafting' && (
            <Button icon={<FileWordOutlined />} href={legislationUrls.report(d.id)}>
              {t('legislation.detail.report')}
            </Button>
          )}
        </>
      }
    >
      <Flex vertical gap="middle">
        <Section title={t('legislation.detail.info')}>
          <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
            <Descriptions.Item label={t('common.status')}>
              <DraftStateTag state={d.state} />
            </Descriptions.Item>
            <Descriptions.Item label={t('legislation.fields.period')}>{`${d.commentFrom} 至 ${d.commentTo}`}</Descriptions.Item>
            <Descriptions.Item label={t('legislation.fields.drafter')}>{d.drafter || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('legislation.fields.body')}>{d.bodyName}</Descriptions.Item>
            <Descriptions.Item label={t('legislation.fields.comments')}>
              {t('legislation.detail.heat', { comments: d.counts.comments, participants: d.counts.participants })}
            </Descriptions.Item>
            <Descriptions.Item label={t('legislation.fields.pending')}>{d.counts.pending}</Descriptions.Item>
            <Descriptions.Item label={t('legislation.fields.points')} span={3}>
              {d.contactPoints.map((p) => p.name).join('、') || '—'}
            </Descriptions.Item>
            {d.state !== 'drafting' && (
              <Descriptions.Item label={t('legislation.detail.publicPage')} span={3}>
                <Typography.Link href={publicPage} target="_blank" copyable={{ text: publicPage }}>
                  <LinkOutlined /> {publicPage}
                </Typography.Link>
              </Descriptions.Item>
            )}
          </Descriptions>
          {d.versions.at(-1)?.explanation && (
            <Typography.Paragraph style={{ whiteSpace: 'pre-line', marginTop: 8 }}>
              <Typography.Text strong>{t('legislation.fields.explanation')}：</Typography.Text>
              {d.versions.at(-1)!.explanation}
            </Typography.Paragraph>
          )}
        </Section>
        <Tabs
          items={[
            { key: 'text', label: t('legislation.detail.tabs.text'), children: <TextTab draft={d} /> },
            { key: 'comments', label: t('legislation.detail.tabs.comments'), children: <CommentsTab draft={d} /> },
            { key: 'groups', label: t('legislation.detail.tabs.groups'), children: <GroupsTab draft={d} /> },
            { key: 'compare', label: t('legislation.detail.tabs.compare'), children: <CompareTab draft={d} /> },
          ]}
        />
      </Flex>
    </Page>
  );
}
