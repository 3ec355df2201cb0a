import type { ReactNode } from 'react';
import { Alert, DatePicker, Form, Input, InputNumber, Radio, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import {
  acceptInput,
  assignInput,
  closeInput,
  contactInput,
  contactMethod,
  contactStage,
  extensionDecisionInput,
  extensionRequestInput,
  jointOpinionInput,
  keyCommentInput,
  keyReviewInput,
  keyVoteInput,
  markKeyInput,
  mergeInput,
  rateInput,
  rating,
  reassignmentDecisionInput,
  reassignmentRequestInput,
  rejectReplyInput,
  releaseInput,
  handlingMode,
  type HandlingMode,
  waiveJointOpinionInput,
  reopenInput,
  replyInput,
  returnInput,
  type SuggestionAction,
  type SuggestionDetail,
} from '@renda/shared';
import { FormRadioGroup } from './FormRadioGroup';
import { FormSelect } from '../../components/FormSelect';
import type { Schema } from '../../components/forms';
import { formatDate } from './labels';
import { UnitSelect } from './UnitSelect';
import { useMergeCandidates, useSupervisorCandidates } from './api';

/** 督办: a congress leader's account of the item's congress, who then follows it under 我督办的. */
function SupervisorSelect({ bodyId }: { bodyId: string }) {
  const { t } = useTranslation();
  const { data, isFetching } = useSupervisorCandidates(bodyId);
  return (
    <Form.Item name="supervisorUserId" label={t('suggestions.forms.supervisor')} extra={t('suggestions.forms.supervisorHint')} required>
      <FormSelect loading={isFetching} options={(data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} />
    </Form.Item>
  );
}

/** The form of an action that carries input: its shared schema, its fields, and its starting values. */
export interface ActionForm {
  schema: Schema<unknown>;
  fields: (item: SuggestionDetail) => ReactNode;
  initial?: (item: SuggestionDetail) => Record<string, unknown>;
  /** The items the form is for; on others the step is a plain confirmation. */
  appliesTo?: (item: SuggestionDetail) => boolean;
}

const today = () => dayjs();

function Reason({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item name="reason" label={label ?? t('suggestions.forms.reason')} required>
      <Input.TextArea autoSize={{ minRows: 3 }} />
    </Form.Item>
  );
}

function Note({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item name="note" label={label ?? t('suggestions.forms.note')}>
      <Input.TextArea autoSize={{ minRows: 2 }} />
    </Form.Item>
  );
}

function Disclose() {
  const { t } = useTranslation();
  return (
    <Form.Item name="disclose" label={t('suggestions.forms.disclose')} extra={t('suggestions.forms.discloseHint')} valuePropName="checked">
      <Switch />
    </Form.Item>
  );
}

function Approve() {
  const { t } = useTranslation();
  return (
    <Form.Item name="approve" label={t('suggestions.forms.decision')} required>
      <FormRadioGroup
        options={[
          { value: true, label: t('suggestions.forms.approve') },
          { value: false, label: t('suggestions.forms.refuse') },
        ]}
      />
    </Form.Item>
  );
}

/** Accepted items of the same body the item may be merged into (并案), found by title. */
function MergeTarget({ item }: { item: SuggestionDetail }) {
  const { t } = useTranslation();
  const { data, isFetching } = useMergeCandidates(item);
  const open = (data?.items ?? []).filter((s) => s.id !== item.id && !['draft', 'submitted', 'returned', 'merged'].includes(s.state));
  return (
    <Form.Item name="targetId" label={t('suggestions.forms.mergeTarget')} required>
      <FormSelect
        showSearch
        optionFilterProp="label"
        loading={isFetching}
        options={open.map((s) => ({ value: s.id, label: `${s.numberLabel ?? ''} ${s.title}`.trim() }))}
      />
    </Form.Item>
  );
}

function AssignFields({ item }: { item: SuggestionDetail }) {
  const { t } = useTranslation();
  const lead = Form.useWatch('leadUnitId') as string | undefined;
  const mode = (Form.useWatch('mode') as HandlingMode | undefined) ?? 'lead_joint';
  return (
    <>
      <Alert type="info" showIcon message={t('suggestions.forms.assignDeadlines')} />
      <Form.Item name="mode" label={t('suggestions.forms.handlingMode')} extra={t('suggestions.forms.handlingModeHint')} required>
        <FormRadioGroup options={handlingMode.options.map((m) => ({ value: m, label: t(`suggestions.handlingMode.${m}`) }))} />
      </Form.Item>
      {mode === 'separate' ? (
        <Form.Item name="separateUnitIds" label={t('suggestions.forms.separateUnits')} required>
          <UnitSelect bodyId={item.bodyId} mode="multiple" />
        </Form.Item>
      ) : (
        <>
          <Form.Item name="leadUnitId" label={t('suggestions.fields.leadUnit')} required>
            <UnitSelect bodyId={item.bodyId} />
          </Form.Item>
          <Form.Item name="jointUnitIds" label={t('suggestions.forms.jointUnits')}>
            <UnitSelect bodyId={item.bodyId} mode="multiple" exclude={lead ? [lead] : []} />
          </Form.Item>
        </>
      )}
      <Form.Item name="complex" label={t('suggestions.forms.complex')} extra={t('suggestions.forms.complexHint')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Note />
    </>
  );
}

/**
 * 分别办理: the unit's reply a step is about — awaiting review (release, send back) or released and not
 * yet rated (rate). A lead-and-joint item has one reply at a time and no choice.
 */
function WhichReply({ item, awaiting }: { item: SuggestionDetail; awaiting: 'replied' | 'released' }) {
  const { t } = useTranslation();
  if (item.handlingMode !== 'separate') return null;
  const units = item.assignments.filter((a) => a.role === 'separate' && a.state === awaiting).map((a) => a.unitName);
  const replies = item.replies.filter(
    (r) => units.includes(r.unitName) && !r.rejectedReason && (awaiting === 'replied' ? !r.releasedAt : !!r.releasedAt),
  );
  const latest = replies.filter((r) => !replies.some((o) => o.unitName === r.unitName && o.round > r.round));
  return (
    <Form.Item name="replyId" label={t('suggestions.forms.whichReply')} required>
      <FormSelect options={latest.map((r) => ({ value: r.id, label: `${r.unitName} · ${r.category}类` }))} />
    </Form.Item>
  );
}

/** The first reply `WhichReply` offers, chosen by default. */
const firstReply = (item: SuggestionDetail, awaiting: 'replied' | 'released') =>
  item.handlingMode === 'separate'
    ? item.replies.find(
        (r) =>
          item.assignments.some((a) => a.role === 'separate' && a.state === awaiting && a.unitName === r.unitName) &&
          !r.rejectedReason &&
          (awaiting === 'replied' ? !r.releasedAt : !!r.releasedAt),
      )?.id
    : undefined;

function ReassignmentDecisionFields({ item }: { item: SuggestionDetail }) {
  const { t } = useTranslation();
  const approve = Form.useWatch('approve') as boolean | undefined;
  const requests = item.assignments.filter((a) => a.state === 'reassignment_requested');
  const live = item.assignments.filter((a) => a.state !== 'withdrawn').map((a) => a.unitId);
  return (
    <>
      <Form.Item name="assignmentId" label={t('suggestions.forms.reassignmentRequest')} required>
        <FormSelect
          options={requests.map((a) => ({
            value: a.id,
            label: `${a.unitName}（${t(`suggestions.assignmentRole.${a.role}`)}）：${a.reassignReason ?? ''}`,
          }))}
        />
      </Form.Item>
      <Approve />
      {approve && (
        <Form.Item name="newUnitId" label={t('suggestions.forms.newUnit')} required>
          <UnitSelect bodyId={item.bodyId} exclude={live} />
        </Form.Item>
      )}
      <Note />
    </>
  );
}

/** Joint units whose opinion the lead still waits for (the server's own test in waiveJointOpinion). */
export const pendingJointUnits = (item: SuggestionDetail) =>
  item.assignments.filter((a) => a.role === 'joint' && ['assigned', 'signed_for'].includes(a.state));

/**
 * The joint units whose opinion is awaited: those past their deadline may be chosen (staff may release the
 * lead from waiting on them); the others show their deadline and cannot be chosen yet.
 */
function WaiveJointOpinionFields({ item }: { item: SuggestionDetail }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="assignmentId" label={t('suggestions.forms.lateJointUnit')} required>
        <FormSelect
          options={pendingJointUnits(item).map((a) => {
            const late = new Date(a.dueAt).getTime() < Date.now();
            const due = formatDate(a.dueAt);
            return {
              value: a.id,
              disabled: !late,
              label: `${a.unitName}（${t(late ? 'suggestions.forms.dueOn' : 'suggestions.forms.dueOnNotYet', { due })}）`,
            };
          })}
        />
      </Form.Item>
      <Reason label={t('suggestions.forms.waiveReason')} />
    </>
  );
}

function ExtensionDecisionFields({ item }: { item: SuggestionDetail }) {
  const { t } = useTranslation();
  const pending = item.extensions.filter((e) => e.state === 'pending');
  return (
    <>
      <Form.Item name="extensionId" label={t('suggestions.forms.extensionRequest')} required>
        <FormSelect
          options={pending.map((e) => ({
            value: e.id,
            label: t('suggestions.forms.extensionOption', { unit: e.unitName, months: e.months, reason: e.reason }),
          }))}
        />
      </Form.Item>
      <Approve />
      <Note />
    </>
  );
}

function ContactFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="stage" label={t('suggestions.forms.contactStage')} required>
        <FormRadioGroup options={contactStage.options.map((s) => ({ value: s, label: t(`suggestions.contactStage.${s}`) }))} />
      </Form.Item>
      <Form.Item name="method" label={t('suggestions.forms.contactMethod')} required>
        <FormSelect options={contactMethod.options.map((m) => ({ value: m, label: t(`suggestions.contactMethod.${m}`) }))} />
      </Form.Item>
      <Form.Item name="contactedOn" label={t('suggestions.forms.contactedOn')} required>
        <DatePicker />
      </Form.Item>
      <Form.Item name="summary" label={t('suggestions.forms.contactSummary')} required>
        <Input.TextArea autoSize={{ minRows: 3 }} />
      </Form.Item>
      <Form.Item name="deputyView" label={t('suggestions.forms.deputyView')}>
        <Input.TextArea autoSize={{ minRows: 2 }} />
      </Form.Item>
    </>
  );
}

function ReplyFields({ item }: { item: SuggestionDetail }) {
  const { t } = useTranslation();
  return (
    <>
      {item.jointOpinions.length > 0 && (
        <Alert type="info" showIcon message={t('suggestions.forms.jointOpinionsIn', { count: item.jointOpinions.length })} />
      )}
      <Form.Item name="category" label={t('suggestions.fields.category')} required>
        <FormRadioGroup>
          {/* The body's own result categories (办理结果分类, set under 建议办理设置). */}
          {item.replyCategories.map((c) => (
            <Radio key={c.code} value={c.code}>
              {t('suggestions.forms.categoryOption', { category: c.code, label: c.label })}
            </Radio>
          ))}
        </FormRadioGroup>
      </Form.Item>
      <Form.Item name="content" label={t('suggestions.forms.replyContent')} extra={t('suggestions.forms.replyContentHint')} required>
        <Input.TextArea autoSize={{ minRows: 8 }} />
      </Form.Item>
      <Form.Item name="signer" label={t('suggestions.forms.signer')} required>
        <Input />
      </Form.Item>
      <Form.Item name="contactPerson" label={t('suggestions.forms.contactPerson')} required>
        <Input />
      </Form.Item>
      <Form.Item name="contactPhone" label={t('suggestions.forms.contactPhone')} required>
        <Input inputMode="tel" />
      </Form.Item>
    </>
  );
}

function KeyReviewFields() {
  const { t } = useTranslation();
  const sides = ['deputySide', 'unitSide', 'governmentSide', 'congressSide'] as const;
  return (
    <>
      <Form.Item name="heldOn" label={t('suggestions.forms.heldOn')} required>
        <DatePicker />
      </Form.Item>
      <Form.Item name="place" label={t('suggestions.forms.place')} required>
        <Input />
      </Form.Item>
      {sides.map((side) => (
        <Form.Item key={side} name={side} label={t(`suggestions.forms.${side}`)} required>
          <Input />
        </Form.Item>
      ))}
      <Form.Item name="conclusion" label={t('suggestions.forms.conclusion')} required>
        <Input.TextArea autoSize={{ minRows: 3 }} />
      </Form.Item>
    </>
  );
}

function KeyVoteFields() {
  const { t } = useTranslation();
  const counts = ['satisfied', 'basicallySatisfied', 'dissatisfied'] as const;
  return (
    <>
      {counts.map((c) => (
        <Form.Item key={c} name={c} label={t(`suggestions.forms.votes.${c}`)} required>
          <InputNumber min={0} precision={0} />
        </Form.Item>
      ))}
      <Form.Item name="votedOn" label={t('suggestions.forms.votedOn')} required>
        <DatePicker />
      </Form.Item>
    </>
  );
}

function TextField({ name, label, rows = 3 }: { name: string; label: string; rows?: number }) {
  return (
    <Form.Item name={name} label={label} required>
      <Input.TextArea autoSize={{ minRows: rows }} />
    </Form.Item>
  );
}

/** Which actions need a form, and which form; the others are sent after a confirmation. */
export function useActionForms(): Partial<Record<SuggestionAction, ActionForm>> {
  const { t } = useTranslation();
  const accept: ActionForm = { schema: acceptInput, fields: () => <Disclose />, initial: () => ({ disclose: true }) };
  return {
    accept,
    register: accept,
    convert: accept,
    return: { schema: returnInput, fields: () => <Reason label={t('suggestions.forms.returnReason')} /> },
    merge: {
      schema: mergeInput,
      fields: (item) => (
        <>
          <MergeTarget item={item} />
          <Reason label={t('suggestions.forms.mergeReason')} />
        </>
      ),
    },
    assign: {
      schema: assignInput,
      fields: (item) => <AssignFields item={item} />,
      initial: () => ({ mode: 'lead_joint', jointUnitIds: [], separateUnitIds: [], complex: false }),
    },
    requestReassignment: { schema: reassignmentRequestInput, fields: () => <Reason label={t('suggestions.forms.reassignReason')} /> },
    decideReassignment: {
      schema: reassignmentDecisionInput,
      fields: (item) => <ReassignmentDecisionFields item={item} />,
      initial: (item) => ({ assignmentId: item.assignments.find((a) => a.state === 'reassignment_requested')?.id }),
    },
    contact: {
      schema: contactInput,
      fields: () => <ContactFields />,
      initial: () => ({ stage: 'before', method: 'face_to_face', contactedOn: today() }),
    },
    waiveJointOpinion: { schema: waiveJointOpinionInput, fields: (item) => <WaiveJointOpinionFields item={item} /> },
    jointOpinion: {
      schema: jointOpinionInput,
      fields: () => <TextField name="content" label={t('suggestions.forms.jointOpinion')} rows={5} />,
    },
    requestExtension: {
      schema: extensionRequestInput,
      fields: (item) => (
        <>
          <Alert type="info" showIcon message={t('suggestions.forms.extensionNow', { due: formatDate(item.dueAt) })} />
          <Form.Item name="months" label={t('suggestions.forms.months')} required>
            <InputNumber min={1} max={3} precision={0} />
          </Form.Item>
          <Reason label={t('suggestions.forms.extensionReason')} />
        </>
      ),
      initial: () => ({ months: 1 }),
    },
    decideExtension: {
      schema: extensionDecisionInput,
      fields: (item) => <ExtensionDecisionFields item={item} />,
      initial: (item) => ({ extensionId: item.extensions.find((e) => e.state === 'pending')?.id }),
    },
    reply: { schema: replyInput, fields: (item) => <ReplyFields item={item} /> },
    release: {
      schema: releaseInput,
      appliesTo: (item) => item.handlingMode === 'separate',
      fields: (item) => <WhichReply item={item} awaiting="replied" />,
      initial: (item) => ({ replyId: firstReply(item, 'replied') }),
    },
    rejectReply: {
      schema: rejectReplyInput,
      fields: (item) => (
        <>
          <WhichReply item={item} awaiting="replied" />
          <Reason label={t('suggestions.forms.rejectReason')} />
        </>
      ),
      initial: (item) => ({ replyId: firstReply(item, 'replied') }),
    },
    rate: {
      schema: rateInput,
      initial: (item) => ({ replyId: firstReply(item, 'released') }),
      fields: (item) => (
        <>
          <WhichReply item={item} awaiting="released" />
          <Form.Item name="rating" label={t('suggestions.fields.rating')} required>
            <FormRadioGroup options={rating.options.map((r) => ({ value: r, label: t(`suggestions.rating.${r}`) }))} />
          </Form.Item>
          <Form.Item name="comment" label={t('suggestions.forms.ratingComment')} extra={t('suggestions.forms.ratingHint')}>
            <Input.TextArea autoSize={{ minRows: 3 }} />
          </Form.Item>
        </>
      ),
    },
    reopen: { schema: reopenInput, fields: () => <Reason label={t('suggestions.forms.reopenReason')} /> },
    close: { schema: closeInput, fields: () => <Note label={t('suggestions.forms.closeNote')} /> },
    markKey: {
      schema: markKeyInput,
      fields: (item) => (
        <>
          <Form.Item
            name="leadOfficial"
            label={t('suggestions.forms.leadOfficial')}
            extra={t('suggestions.forms.leadOfficialHint')}
            required
          >
            <Input />
          </Form.Item>
          <SupervisorSelect bodyId={item.bodyId} />
        </>
      ),
      initial: (item) => ({ leadOfficial: item.key?.leadOfficial, supervisorUserId: item.key?.supervisorUserId ?? undefined }),
    },
    keyReview: { schema: keyReviewInput, fields: () => <KeyReviewFields />, initial: () => ({ heldOn: today() }) },
    keyComment: { schema: keyCommentInput, fields: () => <TextField name="comment" label={t('suggestions.forms.keyComment')} /> },
    keyVote: { schema: keyVoteInput, fields: () => <KeyVoteFields />, initial: () => ({ votedOn: today() }) },
  };
}
