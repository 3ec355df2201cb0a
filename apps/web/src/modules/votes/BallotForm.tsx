import { useState } from 'react';
import { Button, Checkbox, Flex, Popconfirm, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { choicesOfKind, type BallotChoices, type VoteView } from '@renda/shared';

/** One ballot of the vote's kind, for the voter's phone and for keying in a paper ballot. */
export function BallotForm({
  vote: v,
  submitLabel,
  pending,
  confirm,
  onSubmit,
}: {
  vote: VoteView;
  submitLabel: string;
  pending: boolean;
  confirm?: string;
  onSubmit: (choices: BallotChoices) => void;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string[]>([]);
  const [answers, setAnswers] = useState<BallotChoices>({});
  const approve = v.ballotKind === 'approve';
  const max = v.maxChoices ?? v.items.length;
  const complete = approve ? chosen.length > 0 : v.items.every((i) => answers[i.key]);
  const choices: BallotChoices = approve ? Object.fromEntries(chosen.map((k) => [k, 'chosen'])) : answers;
  const button = (
    <Button
      type="primary"
      size="large"
      block
      disabled={!complete}
      loading={pending}
      onClick={confirm ? undefined : () => onSubmit(choices)}
    >
      {submitLabel}
    </Button>
  );
  return (
    <Flex vertical gap="middle">
      {approve ? (
        <>
          <Typography.Text type="secondary">{t('votes.ballot.maxChoices', { max })}</Typography.Text>
          {/* Each box is controlled here, not by a Checkbox.Group: the group keeps a copy of its value that it
              syncs a render later, and a quick second tick was sometimes dropped (issue 12). */}
          <Flex vertical gap={12} role="group" aria-label={t('votes.ballot.maxChoices', { max })}>
            {v.items.map((i) => (
              <Checkbox
                key={i.key}
                checked={chosen.includes(i.key)}
                disabled={chosen.length >= max && !chosen.includes(i.key)}
                onChange={(e) => {
                  const tick = e.target.checked;
                  setChosen((now) => (tick ? [...now.filter((k) => k !== i.key), i.key] : now.filter((k) => k !== i.key)));
                }}
              >
                {i.label}
                {i.budget !== undefined && <Typography.Text type="secondary">（{i.budget} 万元）</Typography.Text>}
              </Checkbox>
            ))}
          </Flex>
        </>
      ) : (
        v.items.map((i) => (
          <Flex key={i.key} vertical gap={4}>
            <Typography.Text strong>{i.label}</Typography.Text>
            <Radio.Group
              aria-label={i.label}
              value={answers[i.key]}
              onChange={(e) => setAnswers((now) => ({ ...now, [i.key]: e.target.value as BallotChoices[string] }))}
              options={choicesOfKind[v.ballotKind].map((c) => ({ value: c, label: t(`votes.choice.${c}`) }))}
            />
          </Flex>
        ))
      )}
      {confirm ? (
        <Popconfirm
          title={confirm}
          okText={submitLabel}
          cancelText={t('common.cancel')}
          onConfirm={() => onSubmit(choices)}
          disabled={!complete}
        >
          {button}
        </Popconfirm>
      ) : (
        button
      )}
    </Flex>
  );
}
