import { Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { actionUrl, type ActionSet } from '@renda/shared';
import { api } from '../../app/api';
import { useAction } from '../../components/mutations';

interface ConfirmedActionsProps<A extends string> {
  /** The verbs allowed now, in the order their buttons show. */
  actions: readonly A[];
  label: (action: A) => string;
  /** The workflow's action set and the record: `POST actionUrl(set, id, action)` performs one. */
  set: ActionSet<A>;
  id: string;
  invalidate: readonly unknown[];
}

/** One button per allowed step of a workflow (开启评议, 结束投票…), each asking to confirm first. */
export function ConfirmedActions<A extends string>({ actions, label, set, id, invalidate }: ConfirmedActionsProps<A>) {
  const { t } = useTranslation();
  const act = useAction((action: A) => api.post(actionUrl(set, id, action)), { invalidate });
  return actions.map((action) => (
    <Popconfirm
      key={action}
      title={t('reportbacks.detail.confirm', { action: label(action) })}
      okText={label(action)}
      cancelText={t('common.cancel')}
      onConfirm={() => act.mutate(action)}
    >
      <Button type="primary" loading={act.isPending}>
        {label(action)}
      </Button>
    </Popconfirm>
  ));
}
