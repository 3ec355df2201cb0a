import { useState } from 'react';
import { Button, Flex, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QueryKey } from '@tanstack/react-query';
import { pointAnswerInput, pointJudgeInput, pointSendBackInput, type PointAction, type SupervisionPoint } from '@renda/shared';
import type { Schema } from '../../components/forms';
import { actOnPoint } from './api';
import type { CardView } from '../../components/ResponsiveTable';
import { FieldsModal, type Field } from './forms';

type Acting = { point: SupervisionPoint; action: Exclude<PointAction, 'carryOver'> };

/**
 * The issue list's columns with the buttons the table allows the user (the organ answers, staff
 * judge), the card a point becomes on a phone (the organ answers there), and the modal the buttons open.
 */
export function usePointColumns(invalidate: QueryKey, showItem = false) {
  const { t } = useTranslation();
  const [acting, setActing] = useState<Acting | null>(null);
  const forms: Record<Acting['action'], { fields: Field[]; schema: Schema<Record<string, unknown>> }> = {
    answer: {
      fields: [{ name: 'evidence', label: t('supervision.evidence'), kind: 'textarea', required: true }],
      schema: pointAnswerInput,
    },
    accept: { fields: [{ name: 'judgement', label: t('supervision.judgement'), kind: 'textarea' }], schema: pointJudgeInput },
    sendBack: {
      fields: [{ name: 'judgement', label: t('supervision.judgement'), kind: 'textarea', required: true }],
      schema: pointSendBackInput,
    },
  };
  const actions = (p: SupervisionPoint) => (
    <Flex gap="small" wrap>
      {p.allowedActions
        .filter((a): a is Acting['action'] => a !== 'carryOver')
        .map((action) => (
          <Button
            key={action}
            size="small"
            aria-label={`${t(`pointAction.${action}`)} ${p.number}`}
            onClick={() => setActing({ point: p, action })}
          >
            {t(`pointAction.${action}`)}
          </Button>
        ))}
    </Flex>
  );
  const columns: TableColumnsType<SupervisionPoint> = [
    { title: t('supervision.number'), dataIndex: 'number' },
    ...(showItem ? [{ title: t('supervision.subject'), key: 'item', render: (_: unknown, p: SupervisionPoint) => p.itemSubject }] : []),
    { title: t('supervision.pointSource'), dataIndex: 'sourceLabel' },
    {
      title: t('supervision.pointContent'),
      key: 'content',
      render: (_, p) => (
        <Typography.Paragraph style={{ maxWidth: 420, marginBottom: 0 }}>
          {p.content}
          {p.previousNumber && <Tag>{`${t('supervision.previous')} ${p.previousNumber}`}</Tag>}
        </Typography.Paragraph>
      ),
    },
    { title: t('supervision.organ'), dataIndex: 'organName' },
    {
      title: t('supervision.dueOn'),
      key: 'due',
      render: (_, p) => (
        <Flex gap="small">
          {p.dueOn}
          {p.overdue && <Tag color="red">{t('supervision.overdue')}</Tag>}
        </Flex>
      ),
    },
    { title: t('supervision.state'), dataIndex: 'stateLabel' },
    {
      title: t('supervision.evidence'),
      key: 'evidence',
      render: (_, p) => (
        <Typography.Paragraph style={{ maxWidth: 320, marginBottom: 0 }}>
          {p.evidence ?? '—'}
          {p.judgement && <Typography.Text type="secondary">{`（${t('supervision.judgement')}：${p.judgement}）`}</Typography.Text>}
        </Typography.Paragraph>
      ),
    },
    { title: t('common.actions'), key: 'actions', render: (_, p) => actions(p) },
  ];
  const card: CardView<SupervisionPoint> = {
    title: (p) => `${p.number} ${p.content}`,
    state: (p) => p.stateLabel,
    deadline: (p) => (
      <>
        {`${t('supervision.dueOn')} ${p.dueOn}`} {p.overdue && <Tag color="red">{t('supervision.overdue')}</Tag>}
      </>
    ),
    facts: (p) => [
      [t('supervision.subject'), p.itemSubject],
      [t('supervision.evidence'), p.evidence ?? '—'],
    ],
    action: (p) => actions(p),
  };
  const modal = (
    <>
      {acting && (
        <FieldsModal
          name="point-action"
          title={`${t(`pointAction.${acting.action}`)}：${acting.point.number}`}
          open
          fields={forms[acting.action].fields}
          schema={forms[acting.action].schema}
          send={(input) => actOnPoint(acting.point.id, acting.action, input as Record<string, unknown>)}
          invalidate={invalidate}
          onClose={() => setActing(null)}
        />
      )}
    </>
  );
  return { columns, card, modal };
}
