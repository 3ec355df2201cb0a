import { useState } from 'react';
import { Button, Form } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { bulkDeclineInput, bulkRouteInput, type BulkResult, type OpinionListItem } from '@renda/shared';
import { useBulkReport, type BulkOutcome } from '../../components/bulk';
import { FormModal } from '../../components/FormModal';
import type { Schema } from '../../components/forms';
import { useAction, useFormMutation } from '../../components/mutations';
import { ReasonField, RouteFields, routeDefaults } from './ActionPanel';
import { opinionsKey, actOnOpinions, type BulkAction } from './api';

/** The states a row may be selected in: 受理 and 不予受理 take 待受理 items, 转办 the accepted, returned and disputed ones. */
export const bulkSelectable: ReadonlySet<OpinionListItem['status']> = new Set(['submitted', 'accepted', 'returned', 'dissatisfied']);

/**
 * 批量受理, 批量不予受理 (one reason) and 批量转办 (one unit and way) for the selected rows; afterwards a
 * toast sums up and a notice lists each item that was refused, by tracking code, with the reason.
 */
export function BulkActions({ selected, onDone }: { selected: OpinionListItem[]; onDone: (outcome: BulkOutcome) => void }) {
  const { t } = useTranslation();
  const bulkReport = useBulkReport();
  const [open, setOpen] = useState<'decline' | 'route' | null>(null);
  const ids = selected.map((o) => o.id);

  const report = (action: BulkAction) => (result: BulkResult) => {
    const codes = new Map(selected.map((o) => [o.id, o.trackingCode]));
    setOpen(null);
    onDone(bulkReport(t(`opinionAction.${action}`), result, (id) => codes.get(id)));
  };
  const accept = useAction((list: string[]) => actOnOpinions('accept', { ids: list }), {
    invalidate: opinionsKey,
    successMessage: false,
    onSuccess: report('accept'),
  });

  return (
    <>
      <Button type="primary" icon={<CheckOutlined />} disabled={!ids.length} loading={accept.isPending} onClick={() => accept.mutate(ids)}>
        {t('opinions.bulkAccept', { count: ids.length })}
      </Button>
      <Button danger disabled={!ids.length} onClick={() => setOpen('decline')}>
        {t('opinionBulk.decline', { count: ids.length })}
      </Button>
      <Button disabled={!ids.length} onClick={() => setOpen('route')}>
        {t('opinionBulk.route', { count: ids.length })}
      </Button>
      {open && <BulkModal action={open} ids={ids} onResult={report(open)} onClose={() => setOpen(null)} />}
    </>
  );
}

function BulkModal({
  action,
  ids,
  onResult,
  onClose,
}: {
  action: 'decline' | 'route';
  ids: string[];
  onResult: (result: BulkResult) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Record<string, unknown>>();
  const schema: Schema<object> = action === 'decline' ? bulkDeclineInput : bulkRouteInput;
  const { submit, pending } = useFormMutation({
    form,
    schema,
    mutationFn: (input) => actOnOpinions(action, input),
    invalidate: opinionsKey,
    successMessage: false,
    onSuccess: onResult,
  });
  return (
    <FormModal<Record<string, unknown>>
      name={`bulk-${action}`}
      title={t(action === 'decline' ? 'opinionBulk.declineTitle' : 'opinionBulk.routeTitle', { count: ids.length })}
      open
      form={form}
      initialValues={action === 'route' ? routeDefaults : {}}
      pending={pending}
      onFinish={(values) => submit({ ...values, ids })}
      onClose={onClose}
    >
      {action === 'decline' ? <ReasonField extra={t('opinionBulk.declineHint')} /> : <RouteFields />}
    </FormModal>
  );
}
