import { Alert, Descriptions, Flex, List, Space, Table, Tag, Timeline, Typography, type TableColumnsType } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { withheldDeputyName, type SuggestionDetail } from '@renda/shared';
import { formatDateTime } from '../../components/format';
import { Page } from '../../components/Page';
import { SuggestionSourceClues } from '../campaigns/ClueSuggestion';
import { ActionBar } from './ActionBar';
import { AttachmentsList } from '../../components/AttachmentsList';
import { assignmentLetterUrl, replyLetterUrl, useSuggestion } from './api';
import { ItemMarks, StateBadge, formatDate } from './labels';
import { Section } from '../../components/Section';
import { DetailLoader } from '../../components/DetailLoader';
import { DueDate } from '../../components/ProvisionalTag';

type Assignment = SuggestionDetail['assignments'][number];
type Extension = SuggestionDetail['extensions'][number];
type KeyReview = NonNullable<SuggestionDetail['key']>['reviews'][number];

function WordLink({ href, label }: { href: string; label: string }) {
  return (
    <a href={href} download>
      <FileWordOutlined aria-hidden /> {label}
    </a>
  );
}

function Paragraphs({ text }: { text: string }) {
  return <div className="suggestion-text">{text}</div>;
}

export function DetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  return (
    <DetailLoader query={useSuggestion(id)} notFoundTitle={t('suggestions.detail.notFound')} keepDataOnError={false}>
      {(item) => <Detail item={item} />}
    </DetailLoader>
  );
}

function Detail({ item }: { item: SuggestionDetail }) {
  const { t } = useTranslation();
  const cosignerState = (c: SuggestionDetail['cosigners'][number]) =>
    c.confirmedAt
      ? t('suggestions.detail.cosignConfirmed')
      : c.declinedAt
        ? t('suggestions.detail.cosignDeclined')
        : t('suggestions.detail.cosignPending');

  /** A category as the item's body names it. */
  const categoryName = (code: string) => item.replyCategories.find((c) => c.code === code)?.label ?? code;
  /**
   * 联名: one letter naming every signer, or, where the body writes one letter each, one per deputy
   * (a unit printing for a confidential deputy gets the one letter that names nobody).
   */
  const signers = [
    { deputyId: item.leadDeputyId, name: item.leadDeputyName },
    ...item.cosigners.filter((c) => c.confirmedAt).map((c) => ({ deputyId: c.deputyId, name: c.name })),
  ];
  const letterLinks = (replyId: string) =>
    item.replyLetterMode === 'each' && signers.length > 1 && item.leadDeputyName !== withheldDeputyName
      ? signers.map((s) => (
          <WordLink
            key={s.deputyId}
            href={replyLetterUrl(item.id, replyId, s.deputyId)}
            label={t('suggestions.detail.replyLetterTo', { name: s.name })}
          />
        ))
      : [<WordLink key="letter" href={replyLetterUrl(item.id, replyId)} label={t('suggestions.detail.replyLetter')} />];

  const assignmentColumns: TableColumnsType<Assignment> = [
    { title: t('suggestions.detail.unit'), dataIndex: 'unitName' },
    { title: t('suggestions.unit.role'), dataIndex: 'role', render: (r: Assignment['role']) => t(`suggestions.assignmentRole.${r}`) },
    {
      title: t('suggestions.unit.assignmentState'),
      dataIndex: 'state',
      render: (s: Assignment['state']) => t(`suggestions.assignmentState.${s}`),
    },
    { title: t('suggestions.detail.round'), dataIndex: 'round' },
    { title: t('suggestions.unit.assignedAt'), dataIndex: 'assignedAt', render: formatDate },
    { title: t('suggestions.unit.signForDueAt'), dataIndex: 'signForDueAt', render: formatDate },
    { title: t('suggestions.detail.signedForAt'), dataIndex: 'signedForAt', render: formatDate },
    { title: t('suggestions.unit.dueAt'), dataIndex: 'dueAt', render: (at: string | null) => <DueDate at={at} /> },
    { title: t('suggestions.detail.reassignReason'), dataIndex: 'reassignReason', render: (v: string | null) => v ?? '—' },
    {
      title: t('suggestions.detail.letter'),
      key: 'letter',
      render: (_, a) => <WordLink href={assignmentLetterUrl(item.id, a.id)} label={t('suggestions.detail.assignmentLetter')} />,
    },
  ];

  const extensionColumns: TableColumnsType<Extension> = [
    { title: t('suggestions.detail.unit'), dataIndex: 'unitName' },
    { title: t('suggestions.forms.months'), dataIndex: 'months' },
    { title: t('suggestions.forms.extensionReason'), dataIndex: 'reason' },
    { title: t('common.status'), dataIndex: 'state', render: (s: Extension['state']) => t(`suggestions.extensionState.${s}`) },
    { title: t('suggestions.forms.note'), dataIndex: 'decisionNote', render: (v: string | null) => v ?? '—' },
    { title: t('suggestions.detail.at'), dataIndex: 'createdAt', render: formatDateTime },
  ];

  const reviewColumns: TableColumnsType<KeyReview> = [
    { title: t('suggestions.forms.heldOn'), dataIndex: 'heldOn' },
    { title: t('suggestions.forms.place'), dataIndex: 'place' },
    { title: t('suggestions.forms.deputySide'), dataIndex: 'deputySide' },
    { title: t('suggestions.forms.unitSide'), dataIndex: 'unitSide' },
    { title: t('suggestions.forms.governmentSide'), dataIndex: 'governmentSide' },
    { title: t('suggestions.forms.congressSide'), dataIndex: 'congressSide' },
    { title: t('suggestions.forms.conclusion'), dataIndex: 'conclusion' },
  ];

  return (
    <Page title={item.title}>
      <Flex vertical gap="middle">
        <Space wrap>
          <StateBadge state={item.state} />
          <ItemMarks item={item} />
          {item.numberLabel && <Tag>{item.numberLabel}</Tag>}
        </Space>
        <ActionBar item={item} />
        {(item.state === 'draft' || item.state === 'returned') && item.cosigners.some((c) => !c.confirmedAt && !c.declinedAt) && (
          <Alert
            type="info"
            showIcon
            message={t('suggestions.detail.cosignersPending', {
              names: item.cosigners
                .filter((c) => !c.confirmedAt && !c.declinedAt)
                .map((c) => c.name)
                .join('、'),
            })}
          />
        )}
        {item.state === 'returned' && item.returnReason && (
          <Alert type="warning" showIcon message={t('suggestions.detail.returnReason', { reason: item.returnReason })} />
        )}
        {item.mergedIntoId && (
          <Alert
            type="info"
            showIcon
            message={<Link to={`/suggestions/${item.mergedIntoId}`}>{t('suggestions.detail.mergedInto')}</Link>}
          />
        )}
        {item.mergedItems.length > 0 && (
          <Alert
            type="info"
            showIcon
            message={
              <>
                {t('suggestions.detail.mergedHere')}
                {item.mergedItems.map((m, i) => (
                  <span key={m.id}>
                    {i > 0 && '；'}
                    {m.visible ? (
                      // Underlined: a link inside a sentence must not be told apart by its colour alone.
                      <Link to={`/suggestions/${m.id}`} style={{ textDecoration: 'underline' }}>
                        {m.title}
                      </Link>
                    ) : (
                      `《${m.title}》`
                    )}
                    {t('suggestions.detail.mergedDeputies', { names: m.deputies.join('、') })}
                  </span>
                ))}
              </>
            }
          />
        )}
      </Flex>

      <Section title={t('suggestions.detail.basics')}>
        <Descriptions
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'body', label: t('suggestions.detail.body'), children: item.bodyName },
            { key: 'kind', label: t('suggestions.fields.kind'), children: t(`suggestions.kind.${item.kind}`) },
            { key: 'period', label: t('suggestions.fields.period'), children: t(`suggestions.period.${item.period}`) },
            { key: 'session', label: t('suggestions.fields.session'), children: item.sessionName ?? '—' },
            { key: 'field', label: t('suggestions.fields.field'), children: t(`suggestions.field.${item.field}`) },
            { key: 'lead', label: t('suggestions.fields.leadDeputy'), children: item.leadDeputyName },
            {
              key: 'cosigners',
              label: t('suggestions.fields.cosigners'),
              span: 'filled',
              children: item.cosigners.length
                ? item.cosigners.map((c) => `${c.name}（${cosignerState(c)}）`).join('、')
                : t('suggestions.detail.none'),
            },
            { key: 'mode', label: t('suggestions.forms.handlingMode'), children: t(`suggestions.handlingMode.${item.handlingMode}`) },
            { key: 'unit', label: t('suggestions.fields.leadUnit'), children: item.leadUnitName ?? '—' },
            { key: 'due', label: t('suggestions.fields.dueAt'), children: <DueDate at={item.dueAt} /> },
            { key: 'round', label: t('suggestions.detail.round'), children: item.round },
            {
              key: 'complex',
              label: t('suggestions.forms.complex'),
              children: item.complex ? t('suggestions.list.yes') : t('suggestions.list.no'),
            },
            {
              key: 'disclose',
              label: t('suggestions.forms.disclose'),
              children: item.disclose ? t('suggestions.list.yes') : t('suggestions.list.no'),
            },
            {
              key: 'confidential',
              label: t('suggestions.draft.confidential'),
              children: item.confidential ? t('suggestions.list.yes') : t('suggestions.list.no'),
            },
            { key: 'submitted', label: t('suggestions.detail.submittedAt'), children: formatDateTime(item.submittedAt) },
            {
              key: 'category',
              label: t('suggestions.fields.category'),
              children: item.replyCategory
                ? t('suggestions.forms.categoryOption', {
                    category: item.replyCategory,
                    label: categoryName(item.replyCategory),
                  })
                : '—',
            },
            { key: 'rating', label: t('suggestions.fields.rating'), children: item.rating ? t(`suggestions.rating.${item.rating}`) : '—' },
          ]}
        />
      </Section>

      <Section title={t('suggestions.fields.content')}>
        <Paragraphs text={item.content} />
      </Section>
      <SuggestionSourceClues suggestionId={item.id} />

      <Section title={t('suggestions.detail.attachments')}>
        <AttachmentsList ownerEntity="suggestion" ownerId={item.id} canUpload={!['merged', 'closed'].includes(item.state)} />
      </Section>

      {item.assignments.length > 0 && (
        <Section title={t('suggestions.detail.assignments')}>
          <Table<Assignment>
            rowKey="id"
            size="small"
            scroll={{ x: 'max-content' }}
            pagination={false}
            columns={assignmentColumns}
            dataSource={item.assignments}
          />
        </Section>
      )}

      {item.contacts.length > 0 && (
        <Section title={t('suggestions.detail.contacts')}>
          <List
            dataSource={item.contacts}
            renderItem={(c) => (
              <List.Item>
                <List.Item.Meta
                  title={`${t(`suggestions.contactStage.${c.stage}`)} · ${t(`suggestions.contactMethod.${c.method}`)} · ${c.contactedOn} · ${c.unitName}`}
                  description={
                    <>
                      <Paragraphs text={c.summary} />
                      {c.deputyView && <Paragraphs text={t('suggestions.detail.deputyView', { view: c.deputyView })} />}
                    </>
                  }
                />
              </List.Item>
            )}
          />
        </Section>
      )}

      {item.jointOpinions.length > 0 && (
        <Section title={t('suggestions.detail.jointOpinions')}>
          <List
            dataSource={item.jointOpinions}
            renderItem={(o) => (
              <List.Item>
                <List.Item.Meta title={`${o.unitName} · ${formatDateTime(o.createdAt)}`} description={<Paragraphs text={o.content} />} />
              </List.Item>
            )}
          />
        </Section>
      )}

      {item.replies.length > 0 && (
        <Section title={t('suggestions.detail.replies')}>
          <List
            dataSource={item.replies}
            renderItem={(r) => (
              <List.Item actions={letterLinks(r.id)}>
                <List.Item.Meta
                  title={t('suggestions.detail.replyTitle', {
                    round: r.round,
                    unit: r.unitName,
                    category: r.category,
                    label: categoryName(r.category),
                  })}
                  description={
                    <>
                      <Typography.Paragraph>
                        {t('suggestions.detail.replyMeta', { signer: r.signer, at: formatDateTime(r.createdAt) })}
                        {' · '}
                        {r.releasedAt
                          ? t('suggestions.detail.releasedAt', { at: formatDateTime(r.releasedAt) })
                          : r.rejectedReason
                            ? t('suggestions.detail.rejected', { reason: r.rejectedReason })
                            : t('suggestions.detail.awaitingRelease')}
                      </Typography.Paragraph>
                      <Paragraphs text={r.content} />
                    </>
                  }
                />
              </List.Item>
            )}
          />
        </Section>
      )}

      {item.ratings.length > 0 && (
        <Section title={t('suggestions.detail.ratings')}>
          <List
            dataSource={item.ratings}
            renderItem={(r) => (
              <List.Item>
                {item.handlingMode === 'separate' && `${item.replies.find((x) => x.id === r.replyId)?.unitName ?? ''} · `}
                {t('suggestions.detail.ratingLine', {
                  round: r.round,
                  rating: t(`suggestions.rating.${r.rating}`),
                  at: formatDateTime(r.createdAt),
                })}
                {r.comment && `：${r.comment}`}
              </List.Item>
            )}
          />
        </Section>
      )}

      {item.extensions.length > 0 && (
        <Section title={t('suggestions.detail.extensions')}>
          <Table<Extension>
            rowKey="id"
            size="small"
            scroll={{ x: 'max-content' }}
            pagination={false}
            columns={extensionColumns}
            dataSource={item.extensions}
          />
        </Section>
      )}

      {item.key && (
        <Section title={t('suggestions.detail.key')}>
          <Descriptions
            column={{ xs: 1, sm: 2 }}
            items={[
              { key: 'leadOfficial', label: t('suggestions.forms.leadOfficial'), children: item.key.leadOfficial },
              { key: 'supervisor', label: t('suggestions.forms.supervisor'), children: item.key.supervisor },
              { key: 'comment', label: t('suggestions.forms.keyComment'), span: 'filled', children: item.key.deputyComment ?? '—' },
              {
                key: 'vote',
                label: t('suggestions.detail.keyVote'),
                span: 'filled',
                children: item.key.vote
                  ? t('suggestions.detail.keyVoteLine', {
                      satisfied: item.key.vote.satisfied,
                      basically: item.key.vote.basicallySatisfied,
                      dissatisfied: item.key.vote.dissatisfied,
                      on: item.key.vote.votedOn,
                    })
                  : '—',
              },
            ]}
          />
          <Typography.Title level={3} className="section-subtitle">
            {t('suggestions.detail.keyReviews')}
          </Typography.Title>
          <Table<KeyReview>
            rowKey="id"
            size="small"
            scroll={{ x: 'max-content' }}
            pagination={false}
            columns={reviewColumns}
            dataSource={item.key.reviews}
          />
        </Section>
      )}

      <Section title={t('suggestions.detail.timeline')}>
        <Timeline
          items={item.timeline.map((e, i) => ({
            key: i,
            children: (
              <>
                <Typography.Text strong>
                  {t(`suggestions.timeline.${e.action}` as 'suggestions.timeline.create', { defaultValue: e.label })}
                </Typography.Text>
                <br />
                <Typography.Text type="secondary">
                  {formatDateTime(e.at)} · {e.actorName ?? t('audit.system')}
                </Typography.Text>
              </>
            ),
          }))}
        />
      </Section>
    </Page>
  );
}
