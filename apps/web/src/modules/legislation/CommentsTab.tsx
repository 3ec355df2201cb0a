import { useState } from 'react';
import { Button, Flex, Form, Input, Radio, Select, Typography, type TableColumnsType } from 'antd';
import { CheckOutlined, DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  adoption,
  can,
  commentActionInput,
  commentModerateInput,
  commentSource,
  commentState,
  type BulkResult,
  type CommentAction,
  type Draft,
  type DraftComment,
} from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';
import { BulkOutcomeNotice, useBulkReport, useBulkSelection, type BulkOutcome } from '../../components/bulk';
import { FormModal } from '../../components/FormModal';
import { useAction, useFormMutation } from '../../components/mutations';
import { ResponsiveTable, type CardView } from '../../components/ResponsiveTable';
import { actOnComment, legislationKey, legislationUrls, moderateComments, useComments, useVersionText } from './api';
import { AdoptionTag, CommentStateTag } from './labels';

type Filters = { articleId?: string; state?: string; adoption?: string; source?: string };

/** 不予公开 (a reason) or 标注处理情况 (采纳 / 部分采纳 / 未采纳 and a reason). */
function CommentActionModal({ comment, action, onClose }: { comment: DraftComment; action: 'reject' | 'mark'; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const { submit, pending } = useFormMutation({
    form,
    schema: commentActionInput,
    mutationFn: (input) => actOnComment(comment.id, action, input),
    invalidate: legislationKey,
    onSuccess: onClose,
  });
  return (
    <FormModal
      name={`comment-${action}`}
      title={t(action === 'mark' ? 'legislation.detail.markTitle' : 'legislation.detail.rejectTitle')}
      open
      form={form}
      initialValues={{ adoption: comment.adoption ?? undefined, reason: comment.adoptionReason ?? '' }}
      pending={pending}
      onFinish={submit}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">{comment.content}</Typography.Paragraph>
      {action === 'mark' && (
        <Form.Item name="adoption" label={t('legislation.fields.adoption')} required>
          <Radio.Group options={adoption.options.map((a) => ({ value: a, label: t(`legislation.adoption.${a}`) }))} />
        </Form.Item>
      )}
      <Form.Item name="reason" label={t('legislation.fields.reason')} required>
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

/** A comment named in a list of refused ones: its article and opening words. */
const commentLabel = (c: DraftComment, wholeDraft: string) =>
  `${c.articleLabel ?? wholeDraft}“${c.content.length > 12 ? `${c.content.slice(0, 12)}…` : c.content}”`;

/** 批量不予公开: one reason for all the selected comments. */
function BulkRejectModal({
  draftId,
  ids,
  onResult,
  onClose,
}: {
  draftId: string;
  ids: string[];
  onResult: (r: BulkResult) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const { submit, pending } = useFormMutation({
    form,
    schema: commentModerateInput,
    mutationFn: (input) => moderateComments(draftId, input),
    invalidate: legislationKey,
    successMessage: false,
    onSuccess: onResult,
  });
  return (
    <FormModal
      name="comments-bulk-reject"
      title={t('legislation.bulk.rejectTitle', { count: ids.length })}
      open
      form={form}
      pending={pending}
      onFinish={(values) => submit({ ...values, ids, action: 'reject' })}
      onClose={onClose}
    >
      <Form.Item name="reason" label={t('legislation.fields.reason')} extra={t('legislation.bulk.rejectHint')} required>
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </FormModal>
  );
}

/** The bar over the list: how many comments are selected, 通过 and 不予公开 for them all. */
function BulkBar({ draftId, selected, onDone }: { draftId: string; selected: DraftComment[]; onDone: (o: BulkOutcome) => void }) {
  const { t } = useTranslation();
  const bulkReport = useBulkReport();
  const [rejecting, setRejecting] = useState(false);
  const ids = selected.map((c) => c.id);
  const report = (action: 'approve' | 'reject') => (result: BulkResult) => {
    const labels = new Map(selected.map((c) => [c.id, commentLabel(c, t('legislation.detail.wholeDraft'))]));
    setRejecting(false);
    onDone(bulkReport(t(`legislation.bulk.${action}Done`), result, (id) => labels.get(id)));
  };
  const approve = useAction(() => moderateComments(draftId, { ids, action: 'approve' }), {
    invalidate: legislationKey,
    successMessage: false,
    onSuccess: report('approve'),
  });
  return (
    <Flex gap="small" wrap align="center" role="group" aria-label={t('legislation.bulk.title')}>
      <Typography.Text aria-live="polite">{t('common.bulk.selected', { count: ids.length })}</Typography.Text>
      <Button type="primary" icon={<CheckOutlined />} disabled={!ids.length} loading={approve.isPending} onClick={() => approve.mutate()}>
        {t('legislation.bulk.approve', { count: ids.length })}
      </Button>
      <Button danger disabled={!ids.length} onClick={() => setRejecting(true)}>
        {t('legislation.bulk.reject', { count: ids.length })}
      </Button>
      {rejecting && <BulkRejectModal draftId={draftId} ids={ids} onResult={report('reject')} onClose={() => setRejecting(false)} />}
    </Flex>
  );
}

/** A draft's comments by article: moderation, the handling marks, the export. */
export function CommentsTab({ draft }: { draft: Draft }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const manage = can(user.role, 'legislation.manage');
  const [filters, setFilters] = useState<Filters>({});
  const [acting, setActing] = useState<{ comment: DraftComment; action: 'reject' | 'mark' } | null>(null);
  const [selected, setSelected] = useState<DraftComment[]>([]);
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);
  const selection = useBulkSelection(selected, setSelected, (c) => ({
    disabled: !c.allowedActions.includes('approve'),
    label: t('legislation.bulk.selectRow', { label: commentLabel(c, t('legislation.detail.wholeDraft')) }),
  }));
  const comments = useComments(draft.id, filters);
  const text = useVersionText(draft.id, undefined);
  const approve = useAction((id: string) => actOnComment(id, 'approve'), { invalidate: legislationKey });
  const set = (key: keyof Filters) => (value: string | undefined) => {
    setSelected([]);
    setFilters((f) => ({ ...f, [key]: value }));
  };
  const all = t('legislation.detail.all');
  const button = (c: DraftComment, a: CommentAction) =>
    a === 'approve' ? (
      <Button key={a} size="small" type="primary" loading={approve.isPending} onClick={() => approve.mutate(c.id)}>
        {t('legislation.commentAction.approve')}
      </Button>
    ) : (
      <Button key={a} size="small" onClick={() => setActing({ comment: c, action: a })}>
        {t(`legislation.commentAction.${a}`)}
      </Button>
    );
  const actions = (c: DraftComment) =>
    c.allowedActions.length ? (
      <Flex gap="small" wrap>
        {c.allowedActions.map((a) => button(c, a))}
      </Flex>
    ) : null;
  const card: CardView<DraftComment> = {
    title: (c) => (
      <>
        <Typography.Text strong>{c.articleLabel ?? t('legislation.detail.wholeDraft')}</Typography.Text>{' '}
        {c.quote && <Typography.Text type="secondary">“{c.quote}”：</Typography.Text>}
        {c.content}
      </>
    ),
    state: (c) => (
      <Flex gap="small" wrap>
        <CommentStateTag state={c.state} />
        {c.state === 'approved' && <AdoptionTag adoption={c.adoption} />}
      </Flex>
    ),
    facts: (c) => [
      [t('legislation.fields.source'), c.contactPointName ?? c.sourceLabel],
      [t('legislation.fields.participants'), c.participants],
      [t('legislation.fields.name'), [c.name, c.phone].filter(Boolean).join(' ') || '—'],
      ...(c.rejectReason ? [[t('legislation.fields.reason'), c.rejectReason] as const] : []),
    ],
    action: manage ? actions : undefined,
  };
  const columns: TableColumnsType<DraftComment> = [
    {
      title: t('legislation.fields.article'),
      key: 'article',
      width: 110,
      render: (_, c) => c.articleLabel ?? t('legislation.detail.wholeDraft'),
    },
    {
      title: t('legislation.fields.content'),
      key: 'content',
      render: (_, c) => (
        <>
          {c.quote && <Typography.Text type="secondary">“{c.quote}”：</Typography.Text>}
          {c.content}
          {c.adoptionReason && (
            <div>
              <Typography.Text type="secondary">
                {t('legislation.fields.reason')}：{c.adoptionReason}
              </Typography.Text>
            </div>
          )}
        </>
      ),
    },
    { title: t('legislation.fields.source'), key: 'source', render: (_, c) => c.contactPointName ?? c.sourceLabel },
    { title: t('legislation.fields.participants'), dataIndex: 'participants', width: 80 },
    { title: t('legislation.fields.name'), key: 'who', render: (_, c) => [c.name, c.phone].filter(Boolean).join(' ') || '—' },
    { title: t('common.status'), key: 'state', render: (_, c) => <CommentStateTag state={c.state} /> },
    {
      title: t('legislation.fields.adoption'),
      key: 'adoption',
      render: (_, c) => (c.state === 'approved' ? <AdoptionTag adoption={c.adoption} /> : '—'),
    },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, c: DraftComment) => actions(c),
          },
        ]
      : []),
  ];
  return (
    <Flex vertical gap="small">
      <Flex gap="small" wrap>
        <Select
          aria-label={t('legislation.fields.article')}
          placeholder={t('legislation.fields.article')}
          allowClear
          style={{ minWidth: 140 }}
          onChange={set('articleId')}
          options={(text.data?.articles ?? []).map((a) => ({ value: a.id, label: `${a.label}（${a.comments}）` }))}
        />
        <Select
          aria-label={t('common.status')}
          placeholder={`${t('common.status')}：${all}`}
          allowClear
          style={{ minWidth: 120 }}
          onChange={set('state')}
          options={commentState.options.map((s) => ({ value: s, label: t(`legislation.commentState.${s}`) }))}
        />
        <Select
          aria-label={t('legislation.fields.adoption')}
          placeholder={`${t('legislation.fields.adoption')}：${all}`}
          allowClear
          style={{ minWidth: 130 }}
          onChange={set('adoption')}
          options={[...adoption.options, 'unmarked' as const].map((a) => ({ value: a, label: t(`legislation.adoption.${a}`) }))}
        />
        <Select
          aria-label={t('legislation.fields.source')}
          placeholder={`${t('legislation.fields.source')}：${all}`}
          allowClear
          style={{ minWidth: 140 }}
          onChange={set('source')}
          options={commentSource.options.map((s) => ({ value: s, label: t(`legislation.source.${s}`) }))}
        />
        <Button icon={<DownloadOutlined />} href={legislationUrls.exportComments(draft.id, filters)}>
          {t('legislation.detail.exportComments')}
        </Button>
      </Flex>
      <BulkOutcomeNotice outcome={outcome} onClose={() => setOutcome(null)} />
      {manage && (
        <BulkBar
          draftId={draft.id}
          selected={selected}
          onDone={(o) => {
            setSelected([]);
            setOutcome(o);
          }}
        />
      )}
      <ResponsiveTable<DraftComment>
        rowKey="id"
        size="small"
        scroll={{ x: 900 }}
        loading={comments.isFetching}
        dataSource={comments.data?.items ?? []}
        columns={columns}
        card={card}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        rowSelection={manage ? selection : undefined}
      />
      {acting && <CommentActionModal {...acting} onClose={() => setActing(null)} />}
    </Flex>
  );
}
