import { useState } from 'react';
import dayjs from 'dayjs';
import { Button, Descriptions, Flex, List, Table, Timeline, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import {
  answerInput,
  askerKind,
  evaluationBasis,
  evaluationElectorate,
  evaluationThreshold,
  gatheredOpinionInput,
  openVoteInput,
  ownVisitInput,
  participationInput,
  participationStages,
  pointsInput,
  pointSource,
  quarterLabel,
  questionInput,
  recentQuarters,
  rereviewInput,
  stageDueInput,
  submitReportInput,
  supervisionStageLabel,
  type SupervisionAction,
  type SupervisionItem,
  type SupervisionStage,
} from '@renda/shared';
import { DetailLoader } from '../../components/DetailLoader';
import { formatDateTime } from '../../components/format';
import { useAction } from '../../components/mutations';
import { Page } from '../../components/Page';
import { useDeputySource } from '../../components/remoteSources';
import { Section } from '../../components/Section';
import * as api from './api';
import { EvaluationSection } from './EvaluationSection';
import { StageTimeline } from './StageTimeline';
import { StageTags } from './StageTags';
import { FieldsModal, type Field } from './forms';
import { usePointColumns } from './PointsTable';
import { FollowUpTasks } from '../followups/FollowUpTasks';

type Form =
  | { kind: 'action'; action: Exclude<SupervisionAction, 'advance'> }
  | { kind: Manage | 'participation' | 'stageDue' }
  | { kind: 'answer'; questionId: string };

/** How the page's lists (questions, gathered opinions, the issue list) show: small, whole, scrolling sideways on a phone. */
const listTable = { rowKey: 'id', size: 'small', pagination: false, scroll: { x: 'max-content' } } as const;

/** The page's own forms of stage work, each opened by a button beside its section. */
type Manage = 'question' | 'points' | 'opinion';

/** One supervision item: its stages, the work of each, the organ's reports and the issue list. */
export function ItemDetailPage() {
  const { id = '' } = useParams();
  const query = api.useItem(id);
  return <DetailLoader query={query}>{(item) => <ItemView item={item} />}</DetailLoader>;
}

function ItemView({ item }: { item: SupervisionItem }) {
  const { t } = useTranslation();
  const key = api.itemKey(item.id);
  const [form, setForm] = useState<Form | null>(null);
  const deputies = useDeputySource(item.bodyId);
  const points = usePointColumns(key);
  const advance = useAction(() => api.actOnItem(item.id, 'advance', { note: null }), { invalidate: key });
  const current = item.stages.findIndex((s) => s.current);
  const forms = formsOf(t as (key: string) => string, item, deputies);
  const open = form ? forms[form.kind === 'action' ? form.action : form.kind] : null;
  const manage = (kind: Manage, label: string) =>
    item.canManage && (
      <Button size="small" icon={<PlusOutlined />} onClick={() => setForm({ kind })}>
        {label}
      </Button>
    );
  return (
    <Page
      title={item.subject}
      extra={
        <Flex gap="small" wrap>
          {item.allowedActions.map((a) =>
            a === 'advance' ? (
              <Button key={a} type="primary" loading={advance.isPending} onClick={() => advance.mutate(undefined)}>
                {`${t('supervisionAction.advance')}${item.stages[current + 1] ? `：${item.stages[current + 1]!.label}` : ''}`}
              </Button>
            ) : (
              <Button key={a} onClick={() => setForm({ kind: 'action', action: a })}>
                {t(`supervisionAction.${a}`)}
              </Button>
            ),
          )}
          {(item.kind === 'special_report' || item.kind === 'law_inspection') && item.points.length > 0 && (
            <Button icon={<DownloadOutlined />} href={`/api/supervision-items/${item.id}/opinions.docx`}>
              {t('supervision.opinionsDocx')}
            </Button>
          )}
          {item.evaluations.some((e) => e.verdict) && (
            <Button icon={<DownloadOutlined />} href={`/api/supervision-items/${item.id}/evaluation-report.docx`}>
              {t('supervision.evaluationDocx')}
            </Button>
          )}
          {item.kind === 'special_inquiry' && item.questions.length > 0 && (
            <Button icon={<DownloadOutlined />} href={`/api/supervision-items/${item.id}/inquiry-record.docx`}>
              {t('supervision.inquiryDocx')}
            </Button>
          )}
        </Flex>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'kind', label: t('supervision.kind'), children: item.kindLabel },
          { key: 'organ', label: t('supervision.organ'), children: item.organName },
          { key: 'committee', label: t('supervision.committee'), children: item.committee },
          {
            key: 'meeting',
            label: t('supervision.meeting'),
            children: item.hearings.length ? (
              <Flex vertical>
                {item.hearings.map((h) => (
                  <Link key={h.agendaItemId} to={`/meetings/${h.meetingId}`}>{`${h.meetingTitle}（${h.startsOn}）：${h.agendaTitle}`}</Link>
                ))}
              </Flex>
            ) : (
              [item.meeting, item.meetingOn].filter(Boolean).join(' ') || '—'
            ),
          },
          {
            key: 'stage',
            label: t('supervision.stage'),
            children: <StageTags item={item} />,
          },
          {
            key: 'stageDue',
            label: t('supervision.stageDue'),
            children: (
              <Flex gap="small" wrap align="center">
                <span data-testid="stage-due">{item.stageDueOn ?? '—'}</span>
                {item.stageDueReason && (
                  <Typography.Text type="secondary">{t('supervision.stageDueSet', { reason: item.stageDueReason })}</Typography.Text>
                )}
                {item.canManage && (
                  <Button size="small" onClick={() => setForm({ kind: 'stageDue' })}>
                    {t('supervision.setStageDue')}
                  </Button>
                )}
              </Flex>
            ),
          },
          { key: 'plan', label: t('supervision.plan'), children: <Link to={`/supervision/plans/${item.planId}`}>{`${item.year}`}</Link> },
          { key: 'deputies', label: t('supervision.deputies'), children: item.deputies.map((d) => d.name).join('、') || '—' },
        ]}
      />
      <StageTimeline
        item={item}
        canUpload={item.canManage || item.allowedActions.includes('submitReport')}
        onRecordParticipation={() => setForm({ kind: 'participation' })}
      />
      <FollowUpTasks
        subjectType="supervision_item"
        subjectId={item.id}
        bodyId={item.bodyId}
        title={t('supervision.tasks')}
        originLabel={(stage) => supervisionStageLabel[stage as SupervisionStage] ?? stage}
      />
      {item.reports.length > 0 && (
        <Section title={t('supervision.reports')}>
          <List
            dataSource={item.reports}
            renderItem={(r) => (
              <List.Item>
                <List.Item.Meta
                  title={`${r.stageLabel}${r.period ? ` ${quarterLabel(r.period)}` : ''}：${r.title}`}
                  description={`${r.submittedByName} ${formatDateTime(r.submittedAt)}`}
                />
                <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }}>{r.content}</Typography.Paragraph>
              </List.Item>
            )}
          />
        </Section>
      )}
      {item.kind === 'special_inquiry' && (
        <Section title={t('supervision.questions')} extra={manage('question', t('supervision.addQuestion'))}>
          <Table
            {...listTable}
            dataSource={item.questions}
            columns={[
              { title: t('supervision.number'), dataIndex: 'seq' },
              { title: t('supervision.question'), dataIndex: 'question' },
              { title: t('supervision.asker'), key: 'asker', render: (_, q) => `${q.askerName}（${q.askerKindLabel}）` },
              { title: t('supervision.official'), dataIndex: 'officialName', render: (v: string | null) => v ?? '—' },
              { title: t('supervision.answer'), dataIndex: 'answer', render: (v: string | null) => v ?? '—' },
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_, q) =>
                  item.canManage &&
                  item.stage === 'inquiry' &&
                  !q.answer && (
                    <Button size="small" onClick={() => setForm({ kind: 'answer', questionId: q.id })}>
                      {t('supervision.recordAnswer')}
                    </Button>
                  ),
              },
            ]}
          />
        </Section>
      )}
      {item.kind === 'work_evaluation' && (
        <Section
          title={t('supervision.gatheredOpinions')}
          extra={item.stage === 'investigation' && manage('opinion', t('supervision.gatherOpinion'))}
        >
          <Table
            {...listTable}
            dataSource={item.gatheredOpinions}
            locale={{ emptyText: t('supervision.none') }}
            columns={[
              { title: t('supervision.number'), dataIndex: 'seq' },
              { title: t('supervision.opinionContent'), dataIndex: 'content' },
              { title: t('supervision.opinionAsker'), key: 'asker', render: (_, o) => `${o.askerName}（${o.askerKindLabel}）` },
              { title: t('supervision.gatheredOn'), dataIndex: 'gatheredOn', render: (v: string | null) => v ?? '—' },
            ]}
          />
        </Section>
      )}
      <Section title={t('supervision.points')} extra={item.stage !== 'planned' && manage('points', t('supervision.addPoints'))}>
        <Table {...listTable} dataSource={item.points} columns={points.columns} />
        {points.modal}
      </Section>
      <EvaluationSection item={item} />
      <Section title={t('supervision.history')}>
        <Timeline
          items={item.events.map((e) => ({
            children: (
              <>
                <Typography.Text strong>{e.actionLabel}</Typography.Text>
                {e.toStage && e.toStage !== e.fromStage && ` → ${e.toStage}`}
                {e.note && `：${e.note}`}
                <br />
                <Typography.Text type="secondary">{`${e.actorName ?? ''} ${formatDateTime(e.at)}`}</Typography.Text>
              </>
            ),
          }))}
        />
      </Section>
      {form && open && (
        <FieldsModal
          name={`item-${open.name}`}
          title={open.title}
          open
          fields={open.fields}
          schema={open.schema}
          initialValues={open.initialValues}
          shape={open.shape}
          send={(input) => open.send(input as Record<string, unknown>, form)}
          invalidate={key}
          onClose={() => setForm(null)}
        />
      )}
    </Page>
  );
}

interface FormSpec {
  name: string;
  title: string;
  fields: Field[];
  schema: { safeParse: (v: unknown) => unknown } & Parameters<typeof FieldsModal>[0]['schema'];
  initialValues?: Record<string, unknown>;
  shape?: (v: Record<string, unknown>) => Record<string, unknown>;
  send: (input: Record<string, unknown>, form: Form) => Promise<unknown>;
}

const optionsOf = (t: (key: string) => string, labels: string, values: readonly string[]) =>
  values.map((value) => ({ value, label: t(`${labels}.${value}`) }));

/** The item page's forms: each with its fields, the shared schema and the call it makes. */
function formsOf(
  t: (key: string) => string,
  item: SupervisionItem,
  deputies: ReturnType<typeof useDeputySource>,
): Record<string, FormSpec> {
  const id = item.id;
  const s = (k: string) => t(`supervision.${k}`);
  // The participation form speaks of the current stage: a visit (实地检查、调研) or a meeting attended.
  const p = (k: string) => t(`supervision.participation.${participationStages[item.stage]?.way ?? 'visit'}.${k}`);
  // Who a collected input (a question, a gathered opinion) comes from: the kind, then the name as typed.
  const askerFields = (kindLabel: string, nameLabel: string): Field[] => [
    { name: 'askerKind', label: kindLabel, kind: 'select', required: true, options: optionsOf(t, 'askerKind', askerKind.options) },
    { name: 'askerName', label: nameLabel, kind: 'text', required: true },
  ];
  return {
    submitReport: {
      name: 'report',
      title: t('supervisionAction.submitReport'),
      fields: [
        { name: 'title', label: s('reportTitle'), kind: 'text', required: true },
        { name: 'content', label: s('reportContent'), kind: 'textarea', required: true },
        ...(item.kind === 'major_project'
          ? [
              {
                name: 'period',
                label: s('period'),
                kind: 'select',
                required: true,
                options: recentQuarters(dayjs().format('YYYY-MM-DD')).map((q) => ({ value: q, label: quarterLabel(q) })),
              } as Field,
            ]
          : []),
      ],
      schema: submitReportInput as never,
      send: (input) => api.actOnItem(id, 'submitReport', input),
    },
    openSatisfactionVote: {
      name: 'satisfaction-vote',
      title: t('supervisionAction.openSatisfactionVote'),
      fields: [
        {
          name: 'electorate',
          label: s('evaluationElectorate'),
          kind: 'select',
          required: true,
          options: optionsOf(t, 'evaluationElectorate', evaluationElectorate.options),
        },
        {
          name: 'basis',
          label: s('evaluationBasis'),
          kind: 'select',
          required: true,
          options: optionsOf(t, 'evaluationBasis', evaluationBasis.options),
        },
        {
          name: 'threshold',
          label: s('evaluationThreshold'),
          kind: 'select',
          required: true,
          options: optionsOf(t, 'evaluationThreshold', evaluationThreshold.options),
        },
      ],
      initialValues: openVoteInput.parse({}),
      schema: openVoteInput as never,
      send: (input) => api.actOnItem(id, 'openSatisfactionVote', input),
    },
    rereview: {
      name: 'rereview',
      title: t('supervisionAction.rereview'),
      fields: [{ name: 'reason', label: s('reason'), kind: 'textarea', required: true }],
      schema: rereviewInput as never,
      send: (input) => api.actOnItem(id, 'rereview', input),
    },
    // Staff name the deputies who took part; a deputy records their own visit.
    participation: {
      name: 'participation',
      title: p('title'),
      fields: [
        { name: 'visitedOn', label: p('visitedOn'), kind: 'date', required: true },
        { name: 'place', label: p('place'), kind: 'text', required: true },
        ...(item.canManage
          ? [{ name: 'deputyIds', label: p('deputyIds'), kind: 'remoteMany', source: deputies, required: true } as Field]
          : []),
        { name: 'summary', label: p('summary'), kind: 'textarea' },
      ],
      schema: (item.canManage ? participationInput : ownVisitInput) as never,
      send: (input) => (item.canManage ? api.recordParticipation(id, input as never) : api.recordOwnVisit(id, input as never)),
    },
    question: {
      name: 'question',
      title: s('addQuestion'),
      fields: [{ name: 'question', label: s('question'), kind: 'textarea', required: true }, ...askerFields(s('askerKind'), s('asker'))],
      schema: questionInput as never,
      send: (input) => api.addQuestion(id, input as never),
    },
    opinion: {
      name: 'gathered-opinion',
      title: s('gatherOpinion'),
      fields: [
        { name: 'content', label: s('opinionContent'), kind: 'textarea', required: true },
        ...askerFields(s('opinionAskerKind'), s('opinionAsker')),
        { name: 'gatheredOn', label: s('gatheredOn'), kind: 'date', required: true },
      ],
      initialValues: { gatheredOn: dayjs().format('YYYY-MM-DD') },
      schema: gatheredOpinionInput as never,
      send: (input) => api.gatherOpinion(id, input as never),
    },
    stageDue: {
      name: 'stage-due',
      title: s('setStageDue'),
      fields: [
        { name: 'dueOn', label: s('stageDueOn'), kind: 'date', extra: s('stageDueHint') },
        { name: 'reason', label: s('reason'), kind: 'textarea', required: true },
      ],
      initialValues: { dueOn: item.stageDueOn ?? undefined },
      schema: stageDueInput as never,
      send: (input) => api.setStageDue(id, input as never),
    },
    answer: {
      name: 'answer',
      title: s('recordAnswer'),
      fields: [
        { name: 'officialName', label: s('official'), kind: 'text', required: true },
        { name: 'answer', label: s('answer'), kind: 'textarea', required: true },
        { name: 'commitment', label: s('commitment'), kind: 'textarea' },
        { name: 'commitmentDueOn', label: s('commitmentDueOn'), kind: 'date', extra: s('dueOnHint') },
      ],
      schema: answerInput as never,
      send: (input, form) => api.answerQuestion(id, (form as { questionId: string }).questionId, input as never),
    },
    points: {
      name: 'points',
      title: s('addPoints'),
      fields: [
        {
          name: 'source',
          label: s('pointSource'),
          kind: 'select',
          required: true,
          options: pointSource.options.map((k) => ({ value: k, label: t(`pointSource.${k}`) })),
        },
        { name: 'content', label: `${s('pointContent')}（每行一条）`, kind: 'textarea', required: true },
        { name: 'dueOn', label: s('dueOn'), kind: 'date', extra: s('dueOnHint') },
      ],
      // One point per line, all from the same source and with the same deadline.
      shape: (v) => ({
        points: String(v.content ?? '')
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
          .map((content) => ({ source: v.source, content, organUnitId: null, dueOn: v.dueOn ?? null })),
      }),
      schema: pointsInput as never,
      send: (input) => api.addPoints(id, (input as { points: never[] }).points),
    },
  };
}
