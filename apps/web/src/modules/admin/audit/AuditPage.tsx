import { Button, Flex, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { auditActionLabel, auditActionName, auditEntityLabel, type AuditEvent } from '@renda/shared';
import { queryString } from '../../../app/api';
import { bodyOptions, useBodies } from '../../../components/bodies';
import { formatDateTime } from '../../../components/format';
import { Page } from '../../../components/Page';
import { PagedTable, usePagedList, type FilterField } from '../../../components/PagedTable';

function Json({ label, value }: { label: string; value: unknown }) {
  const { t } = useTranslation();
  return (
    <div>
      <Typography.Text strong>{label}</Typography.Text>
      <pre>{value == null ? t('audit.empty') : JSON.stringify(value, null, 2)}</pre>
    </div>
  );
}

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const list = usePagedList<AuditEvent>(['audit'], '/api/audit');
  const bodies = useBodies();
  const entityText = (entity: string) => t(`auditEntity.${entity}`, { defaultValue: entity });
  const actionText = (action: string) => t(`auditAction.${action}`, { defaultValue: action });
  // In Chinese an event's step is named in its record kind's words (a plan's 主任会议通过, not 通过或采纳).
  const eventActionText = (event: AuditEvent) =>
    i18n.resolvedLanguage === 'zh-CN' ? auditActionName(event.entity, event.action) : actionText(event.action);

  const filters: FilterField[] = [
    {
      kind: 'select',
      param: 'entity',
      label: t('audit.entity'),
      options: Object.keys(auditEntityLabel).map((entity) => ({ value: entity, label: entityText(entity) })),
    },
    {
      kind: 'select',
      param: 'action',
      label: t('audit.action'),
      options: Object.keys(auditActionLabel).map((action) => ({ value: action, label: actionText(action) })),
    },
    { kind: 'select', param: 'bodyId', label: t('audit.body'), options: bodyOptions(bodies.data), loading: bodies.isFetching },
    { kind: 'dateRange', from: 'from', to: 'to', label: t('audit.dateRange') },
  ];

  const columns: TableColumnsType<AuditEvent> = [
    { title: t('audit.at'), dataIndex: 'at', render: formatDateTime },
    {
      title: t('audit.actor'),
      key: 'actor',
      render: (_, event) =>
        event.actorId ? (
          <>
            {event.actorName}{' '}
            <Button type="link" size="small" onClick={() => list.setFilters({ actorId: event.actorId ?? undefined })}>
              {t('audit.onlyActor')}
            </Button>
          </>
        ) : (
          t('audit.system')
        ),
    },
    { title: t('audit.body'), dataIndex: 'bodyName' },
    { title: t('audit.entity'), dataIndex: 'entity', render: entityText },
    {
      // The record's title as it is now; a deleted record (or a kind without one) shows its id only.
      title: t('audit.record'),
      key: 'record',
      render: (_, event) =>
        event.entityTitle ? (
          <>
            {event.entityTitle}
            <br />
            <Typography.Text type="secondary">{event.entityId}</Typography.Text>
          </>
        ) : (
          event.entityId
        ),
    },
    { title: t('audit.action'), key: 'action', render: (_, event) => eventActionText(event) },
    { title: t('audit.ip'), dataIndex: 'ip' },
  ];

  const { actorId } = list.filters;
  const actorName = list.query.data?.items.find((event) => event.actorId === actorId)?.actorName ?? actorId;

  return (
    <Page
      title={t('audit.title')}
      extra={
        <Button icon={<DownloadOutlined />} href={`/api/audit/export${queryString(list.filters)}`}>
          {t('audit.export')}
        </Button>
      }
    >
      <PagedTable
        list={list}
        filters={filters}
        columns={columns}
        toolbar={
          actorId && (
            <Flex align="center" gap="small" wrap>
              <Typography.Text>{t('audit.actorFilter', { name: actorName })}</Typography.Text>
              <Button size="small" onClick={() => list.setFilters({ actorId: undefined })}>
                {t('audit.clearActor')}
              </Button>
            </Flex>
          )
        }
        expandable={{
          rowExpandable: (event) => event.before != null || event.after != null,
          expandedRowRender: (event) => (
            <div className="json-columns">
              <Json label={t('audit.before')} value={event.before} />
              <Json label={t('audit.after')} value={event.after} />
            </div>
          ),
        }}
      />
    </Page>
  );
}
