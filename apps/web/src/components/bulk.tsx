import { Alert, App, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BulkResult } from '@renda/shared';

/**
 * Row selection for a list with a bulk bar: the selected rows kept across pages, no select-all box
 * (the table's hidden measuring row would copy it: axe aria-hidden-focus), and each row's box
 * disabled when the bulk actions do not apply to it, named for screen readers by `checkbox`.
 */
export function useBulkSelection<T extends { id: string }>(
  selected: T[],
  onChange: (rows: T[]) => void,
  checkbox: (row: T) => { disabled: boolean; label: string },
): NonNullable<TableProps<T>['rowSelection']> {
  const { t } = useTranslation();
  return {
    selectedRowKeys: selected.map((r) => r.id),
    onChange: (_keys, rows) => onChange(rows.filter(Boolean)),
    preserveSelectedRowKeys: true,
    columnTitle: <span className="sr-only">{t('common.select')}</span>,
    getCheckboxProps: (row) => {
      const { disabled, label } = checkbox(row);
      return { disabled, 'aria-label': label };
    },
  };
}

/** What a bulk action left undone: the action's name and each refused item, by a label people know it by, with the reason. */
export interface BulkOutcome {
  action: string;
  failed: { label: string; message: string }[];
}

/**
 * After a bulk action (the single action on each selected item, each answering on its own): a toast
 * sums up, and the outcome names each refused item by `labelOf` (a tracking code, the comment's
 * opening words) for the notice above the list.
 */
export function useBulkReport() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (action: string, result: BulkResult, labelOf: (id: string) => string | undefined): BulkOutcome => {
    const counts = { action, done: result.done.length, failed: result.failed.length };
    if (result.failed.length === 0) void message.success(t('common.bulk.done', counts));
    else void message.warning(t('common.bulk.partly', counts));
    return { action, failed: result.failed.map((f) => ({ label: labelOf(f.id) ?? f.id, message: f.message })) };
  };
}

/** The items a bulk action refused, each with its reason; shown above the list until closed. */
export function BulkOutcomeNotice({ outcome, onClose }: { outcome: BulkOutcome | null; onClose: () => void }) {
  const { t } = useTranslation();
  if (!outcome?.failed.length) return null;
  return (
    <Alert
      style={{ marginBottom: 16 }}
      type="warning"
      showIcon
      closable
      onClose={onClose}
      message={t('common.bulk.failedTitle', { failed: outcome.failed.length, action: outcome.action })}
      description={
        <ul>
          {outcome.failed.map((f, i) => (
            <li key={i}>{t('common.bulk.failedItem', f)}</li>
          ))}
        </ul>
      }
    />
  );
}
