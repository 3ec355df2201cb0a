import { useState, type AriaAttributes } from 'react';
import { Alert, App, Button, Flex, Form, Input, Radio, Typography, type RadioGroupProps } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  actionUrl,
  opinionActionInput,
  opinionActions,
  opinionLimits,
  routeKind,
  type OpinionAction,
  type OpinionActionInput,
  type OpinionDetail,
} from '@renda/shared';
import { api } from '../../app/api';
import { FormModal } from '../../components/FormModal';
import { FormSelect } from '../../components/FormSelect';
import { useAction, useFormMutation } from '../../components/mutations';
import { RemoteSelect } from '../../components/RemoteSelect';
import { useDeputySource, useUnitSource } from '../../components/remoteSources';
import { opinionsKey, useOpinionSearch, useRouteDeadline } from './api';

/** Actions that need nothing but a click. */
const immediate: readonly OpinionAction[] = ['accept', 'signFor', 'approveReply'];
/** Actions that only the citizen takes, never shown to staff or units. */
const citizenOnly: readonly OpinionAction[] = ['rate', 'rateDissatisfied'];

type Values = Record<string, unknown>;

/** Routing starts on 信访转办, the most common way. */
export const routeDefaults = { routeKind: 'petition_referral' } as const;

function useSend(id: string) {
  return (input: OpinionActionInput) => api.post<OpinionDetail>(actionUrl(opinionActions, id, input.action), input);
}

/** The buttons the workflow table allows this user now (the API's `actions`), each opening what it needs. */
export function ActionPanel({ opinion }: { opinion: OpinionDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<OpinionAction | null>(null);
  const send = useSend(opinion.id);
  const { message } = App.useApp();
  const quick = useAction((action: OpinionAction) => send({ action } as OpinionActionInput), {
    invalidate: opinionsKey,
    successMessage: false,
    onSuccess: (next) => void message.success(t('opinions.statusFor', { status: t(`opinionStatus.${next.status}`) })),
  });
  const actions = opinion.actions.filter((a) => !citizenOnly.includes(a));
  if (actions.length === 0) return <Typography.Text>{t('opinions.noActions')}</Typography.Text>;
  return (
    <>
      <Flex gap="small" wrap>
        {actions.map((action, i) => (
          <Button
            key={action}
            type={i === 0 ? 'primary' : 'default'}
            danger={action === 'decline'}
            loading={quick.isPending && quick.variables === action}
            onClick={() => (immediate.includes(action) ? quick.mutate(action) : setOpen(action))}
          >
            {t(`opinionAction.${action}`)}
          </Button>
        ))}
      </Flex>
      {open && <ActionModal opinion={opinion} action={open} onClose={() => setOpen(null)} />}
    </>
  );
}

function ActionModal({ opinion, action, onClose }: { opinion: OpinionDetail; action: OpinionAction; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const send = useSend(opinion.id);
  const { submit, pending } = useFormMutation({
    form,
    schema: opinionActionInput,
    mutationFn: send,
    invalidate: opinionsKey,
    successMessage: t('opinions.done', { action: t(`opinionAction.${action}`) }),
    onSuccess: onClose,
  });
  const closeNeedsNote = action === 'close' && opinion.status === 'dissatisfied';
  return (
    <FormModal<Values>
      name={`opinion-${action}`}
      title={t(`opinionAction.${action}`)}
      open
      form={form}
      initialValues={action === 'route' ? routeDefaults : {}}
      pending={pending}
      onFinish={(values) => {
        if (closeNeedsNote && !String(values.note ?? '').trim()) {
          form.setFields([{ name: 'note', errors: [t('opinions.closeNoteRequired')] }]);
          return;
        }
        submit({ ...values, action });
      }}
      onClose={onClose}
    >
      <ActionFields opinion={opinion} action={action} closeNeedsNote={closeNeedsNote} />
    </FormModal>
  );
}

export function ReasonField({ extra }: { extra: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item name="reason" label={t('opinions.reason')} extra={extra} required>
      <Input.TextArea rows={4} maxLength={opinionLimits.reasonMax} showCount />
    </Form.Item>
  );
}

function ActionFields({ opinion, action, closeNeedsNote }: { opinion: OpinionDetail; action: OpinionAction; closeNeedsNote: boolean }) {
  const { t } = useTranslation();
  switch (action) {
    case 'decline':
      return <ReasonField extra={t('opinions.declineHint')} />;
    case 'return':
    case 'rejectReply':
      return <ReasonField extra={t('opinions.reasonHint')} />;
    case 'merge':
      return <MergeField excludeId={opinion.id} />;
    case 'attachDeputy':
      return <DeputyField />;
    case 'route':
      return <RouteFields opinionId={opinion.id} />;
    case 'reply':
    case 'answer':
      return (
        <Form.Item name="text" label={t('opinions.replyText')} extra={t('opinions.replyHint')} required>
          <Input.TextArea rows={6} maxLength={opinionLimits.replyMax} showCount />
        </Form.Item>
      );
    case 'close':
      return (
        <Form.Item name="note" label={t('opinions.closeNote')} required={closeNeedsNote}>
          <Input.TextArea rows={3} maxLength={opinionLimits.reasonMax} showCount />
        </Form.Item>
      );
    default:
      return null;
  }
}

function MergeField({ excludeId }: { excludeId: string }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useOpinionSearch(q, excludeId);
  return (
    <Form.Item name="intoId" label={t('opinions.mergeInto')} required>
      <FormSelect<string>
        showSearch
        filterOption={false}
        onSearch={setQ}
        placeholder={t('opinions.mergeSearch')}
        loading={found.isFetching}
        options={found.data ?? []}
      />
    </Form.Item>
  );
}

function DeputyField() {
  const { t } = useTranslation();
  const deputies = useDeputySource();
  return (
    <Form.Item name="deputyId" label={t('opinions.deputyPick')} required>
      <RemoteSelect<string> source={deputies} placeholder={t('opinions.deputySearch')} />
    </Form.Item>
  );
}

/** A radio group in a required field: antd would put aria-required on its plain <div> (axe: aria-allowed-attr). */
function RadioGroup({ 'aria-required': _ariaRequired, ...props }: RadioGroupProps & Pick<AriaAttributes, 'aria-required'>) {
  return <Radio.Group {...props} />;
}

/** The unit, the way and a note; with one opinion, the due date routing it now would set (bulk routing explains the rule instead). */
export function RouteFields({ opinionId }: { opinionId?: string }) {
  const { t } = useTranslation();
  const units = useUnitSource(undefined, true);
  const due = useRouteDeadline(opinionId ?? '', Boolean(opinionId));
  return (
    <>
      <Form.Item name="handlingUnitId" label={t('opinions.unitPick')} required>
        <RemoteSelect<string> source={units} />
      </Form.Item>
      <Form.Item name="routeKind" label={t('opinions.routeKind')} required>
        <RadioGroup options={routeKind.options.map((k) => ({ value: k, label: t(`routeKind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="note" label={t('opinions.routeNoteLabel')}>
        <Input.TextArea rows={3} maxLength={opinionLimits.reasonMax} showCount />
      </Form.Item>
      {opinionId ? (
        due.data && <Alert type="info" showIcon message={t('opinions.dueWillBe', { date: due.data.dueDate, rule: due.data.rule })} />
      ) : (
        <Alert type="info" showIcon message={t('opinionBulk.routeDueHint')} />
      )}
    </>
  );
}
