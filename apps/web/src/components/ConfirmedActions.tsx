import { Button, Popconfirm } from 'antd';
import type { QueryKey } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAction } from './mutations';

interface ConfirmedActionsProps<A extends string> {
  /** The steps allowed now (the workflow's allowedActions), in the order their buttons show. */
  actions: readonly A[];
  label: (action: A) => string;
  /** Performs one, e.g. `(a) => actOnReportBack(id, a)`. */
  act: (action: A) => Promise<unknown>;
  invalidate: QueryKey;
  /** The main steps get the primary colour; every step does unless told otherwise. */
  primary?: (action: A) => boolean;
  successMessage?: string;
  onSuccess?: () => void;
}

/** One button per allowed step of a workflow (开启评议, 结束投票…), each asking to confirm first. */
export function ConfirmedActions<A extends string>({
  actions,
  label,
  act: perform,
  invalidate,
  primary = () => true,
  successMessage,
  onSuccess,
}: ConfirmedActionsProps<A>) {
  const { t } = useTranslation();
  const act = useAction(perform, { invalidate, successMessage, onSuccess });
  return actions.map((action) => (
    <Popconfirm
      key={action}
      title={t('common.confirmAction', { action: label(action) })}
      okText={label(action)}
      cancelText={t('common.cancel')}
      onConfirm={() => act.mutate(action)}
    >
      {/* Disabled, not only spinning, while the last step refreshes the page: a click then would be lost. */}
      <Button type={primary(action) ? 'primary' : 'default'} loading={act.isPending} disabled={act.isPending}>
        {label(action)}
      </Button>
    </Popconfirm>
  ));
}
