import { useState } from 'react';
import { Button, Flex, Select, Steps, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  participationStages,
  type Attachment,
  type SupervisionItem,
  type SupervisionParticipation,
  type SupervisionStage,
} from '@renda/shared';
import { AttachmentLink, AttachmentUpload } from '../../components/AttachmentsList';
import { Section } from '../../components/Section';
import { tagColour } from '../../components/tagColours';
import * as api from './api';

const Documents = ({ documents, testId }: { documents: Attachment[]; testId: string }) => (
  <Flex vertical data-testid={testId}>
    {documents.map((d) => (
      // A row of its own (a flex box, like a list item's): a link inside running text fails axe's link-in-text-block.
      <Flex key={d.id} gap="small" wrap>
        <AttachmentLink attachment={d} />
      </Flex>
    ))}
  </Flex>
);

/** 代表参与 of one stage: when, where and who. */
const Participations = ({ participations, testId }: { participations: SupervisionParticipation[]; testId: string }) => {
  const { t } = useTranslation();
  return (
    <Flex vertical data-testid={testId}>
      {participations.map((p) => (
        <Typography.Text key={p.id}>
          {`${t('supervision.participants')} ${p.visitedOn} ${p.place}：${p.deputies.map((d) => d.name).join('、')}`}
        </Typography.Text>
      ))}
    </Flex>
  );
};

/** A stage's due date (or its rule, when no date is known yet), and 逾期 once the current one has passed it. */
const StageDue = ({ stage }: { stage: SupervisionItem['stages'][number] }) => {
  const { t } = useTranslation();
  if (!stage.dueOn && !stage.dueRule) return null;
  return (
    <span data-testid={`stage-due-${stage.stage}`}>
      {stage.dueOn ? `${t('supervision.stageDue')} ${stage.dueOn}` : t('supervision.stageDueRule', { rule: stage.dueRule })}
      {stage.overdue && <Tag color={tagColour.error}>{t('supervision.overdue')}</Tag>}
    </span>
  );
};

/**
 * The item's stages as a timeline, each with the documents filed under it and the deputies who took part in it.
 * An upload goes to the stage the item is in; staff may file it under another stage of the item's kind. Staff
 * record deputies' participation in the current stage where it has any (`participationStages`).
 */
export function StageTimeline({
  item,
  canUpload,
  onRecordParticipation,
}: {
  item: SupervisionItem;
  canUpload: boolean;
  onRecordParticipation: () => void;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<SupervisionStage | null>(null);
  const current = item.stages.findIndex((s) => s.current);
  // Staff record any deputies in a stage with participation; a deputy of the item, their own visit.
  const participationLabel =
    item.canManage && participationStages[item.stage] ? 'recordParticipation' : item.canRecordOwnVisit ? 'recordOwnVisit' : null;
  return (
    <Section
      title={t('supervision.stages')}
      extra={
        participationLabel && (
          <Button size="small" icon={<PlusOutlined />} onClick={onRecordParticipation}>
            {t(`supervision.${participationLabel}`)}
          </Button>
        )
      }
    >
      {canUpload && (
        <Flex gap="small" wrap align="center" className="stage-upload">
          {item.canManage && (
            <Select
              aria-label={t('supervision.documentStage')}
              value={chosen ?? item.stage}
              onChange={setChosen}
              options={item.stages.map((s) => ({ value: s.stage, label: s.label }))}
              popupMatchSelectWidth={false}
            />
          )}
          <AttachmentUpload
            fields={{ ownerEntity: 'supervision_item', ownerId: item.id, ...(chosen ? { stage: chosen } : {}) }}
            invalidate={api.itemKey(item.id)}
          />
        </Flex>
      )}
      <Steps
        direction="vertical"
        size="small"
        current={item.stage === 'closed' ? item.stages.length : current}
        items={item.stages.map((s) => ({
          title: s.label,
          subTitle: <StageDue stage={s} />,
          description: (s.documents.length > 0 || s.participations.length > 0) && (
            <Flex vertical gap={4}>
              {s.documents.length > 0 && <Documents documents={s.documents} testId={`stage-documents-${s.stage}`} />}
              {s.participations.length > 0 && (
                <Participations participations={s.participations} testId={`stage-participations-${s.stage}`} />
              )}
            </Flex>
          ),
        }))}
      />
      {item.otherDocuments.length > 0 && (
        <>
          <Typography.Text strong>{t('supervision.otherDocuments')}</Typography.Text>
          <Documents documents={item.otherDocuments} testId="stage-documents-other" />
        </>
      )}
    </Section>
  );
}
