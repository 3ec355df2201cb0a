import { Button, DatePicker, Flex, Form, Input, Radio, type RadioGroupProps } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AriaAttributes, ReactNode } from 'react';
import type { Dayjs } from 'dayjs';
import {
  actionUrl,
  campaignTeamInput,
  campaignVisitInput,
  clueActionInput,
  clueActions,
  clueKind,
  standaloneClueInput,
  transferLevel,
  type CampaignClue,
  type CampaignDetail,
  type ClueAction,
} from '@renda/shared';
import { api } from '../../../app/api';
import { blankToNull } from '../../../components/forms';
import { FormModal } from '../../../components/FormModal';
import { FormSelect } from '../../../components/FormSelect';
import { useFormMutation } from '../../../components/mutations';
import { RemoteSelect } from '../../../components/RemoteSelect';
import { useDeputySource, useUnitSource } from '../../../components/remoteSources';
import { campaignsKey } from './api';

type Values = Record<string, unknown>;
const day = (d: unknown) => (d ? (d as Dayjs).format('YYYY-MM-DD') : undefined);

/** A campaign's period as the API takes it. */
export const periodDates = ([start, end]: [Dayjs, Dayjs]) => ({ startsOn: day(start)!, endsOn: day(end)! });

/** The fields a campaign is created and edited with; `children` go between the theme and the period. */
export function CampaignFields({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="title" label={t('campaigns.name')} required>
        <Input />
      </Form.Item>
      <Form.Item name="theme" label={t('campaigns.theme')} required>
        <Input />
      </Form.Item>
      {children}
      <Form.Item name="period" label={t('campaigns.period')} required>
        <DatePicker.RangePicker placeholder={[t('campaigns.startsOn'), t('campaigns.endsOn')]} />
      </Form.Item>
      <Form.Item name="description" label={t('campaigns.description')}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </>
  );
}

/** antd would put aria-required on a radio group's plain <div> (axe: aria-allowed-attr). */
export function RadioGroup({ 'aria-required': _ariaRequired, ...props }: RadioGroupProps & Pick<AriaAttributes, 'aria-required'>) {
  return <Radio.Group {...props} />;
}

/**
 * Deputies in the user's scope, searched on the server (a county's roll can exceed any one page);
 * deputies of every level may serve on a campaign's teams (五级代表联动), so each shows their body.
 */
export function DeputiesField({ label, name = 'deputyIds' }: { label: string; name?: string | (string | number)[] }) {
  const source = useDeputySource();
  return (
    <Form.Item name={name} label={label} required>
      <RemoteSelect<string[]> mode="multiple" source={source} />
    </Form.Item>
  );
}

export function TeamFormModal({ campaign, open, onClose }: { campaign: CampaignDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { submit, pending } = useFormMutation({
    form,
    schema: campaignTeamInput,
    mutationFn: (input) => api.post(`/api/campaigns/${campaign.id}/teams`, input),
    invalidate: campaignsKey,
    onSuccess: onClose,
  });
  return (
    <FormModal<Values>
      name="team"
      title={t('campaigns.addTeam')}
      open={open}
      form={form}
      pending={pending}
      onFinish={(v) => submit(blankToNull(v))}
      onClose={onClose}
    >
      <Form.Item name="name" label={t('campaigns.teamName')} required>
        <Input />
      </Form.Item>
      <Form.Item name="area" label={t('campaigns.area')}>
        <Input />
      </Form.Item>
      <DeputiesField label={t('campaigns.teamDeputies')} />
    </FormModal>
  );
}

export function ClueKindField({ name }: { name: (string | number)[] | string }) {
  const { t } = useTranslation();
  return (
    <Form.Item name={name} label={t('campaigns.clueKind')} required>
      <RadioGroup options={clueKind.options.map((k) => ({ value: k, label: t(`clueKind.${k}`) }))} />
    </Form.Item>
  );
}

/** The clues and suggestions found on a visit, as rows the user adds and removes. */
export function ClueRows() {
  const { t } = useTranslation();
  return (
    <fieldset className="clue-rows">
      <legend>{t('campaigns.cluesFound')}</legend>
      <Form.List name="clues">
        {(fields, { add, remove }) => (
          <Flex vertical gap="small">
            {fields.map((field, i) => (
              <Flex key={field.key} vertical className="clue-row">
                <Flex justify="space-between" align="center">
                  <ClueKindField name={[field.name, 'kind']} />
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={t('campaigns.removeClueRow', { n: i + 1 })}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
                <Form.Item name={[field.name, 'content']} label={t('campaigns.clueContent')} required>
                  <Input.TextArea rows={2} />
                </Form.Item>
                <Form.Item name={[field.name, 'location']} label={t('campaigns.clueLocation')}>
                  <Input />
                </Form.Item>
              </Flex>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'problem' })}>
              {t('campaigns.addClueRow')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </fieldset>
  );
}

export function VisitFormModal({ campaign, open, onClose }: { campaign: CampaignDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { submit, pending } = useFormMutation({
    form,
    schema: campaignVisitInput,
    mutationFn: (input) => api.post<{ clueNumbers: string[] }>(`/api/campaigns/${campaign.id}/visits`, input),
    invalidate: campaignsKey,
    successMessage: false,
    onSuccess: onClose,
  });
  return (
    <FormModal<Values>
      name="visit"
      title={t('campaigns.recordVisit')}
      open={open}
      form={form}
      initialValues={{ clues: [] }}
      pending={pending}
      onFinish={(v) =>
        submit({
          ...v,
          teamId: v.teamId ?? null,
          visitedOn: day(v.visitedOn),
          summary: (v.summary as string | undefined)?.trim() || null,
          clues: ((v.clues ?? []) as Values[]).map((c) => ({ ...c, location: (c.location as string | undefined)?.trim() || null })),
        })
      }
      onClose={onClose}
    >
      <Form.Item name="teamId" label={t('campaigns.team')}>
        <FormSelect<string>
          allowClear
          placeholder={t('campaigns.noTeam')}
          options={campaign.teams.map((x) => ({ value: x.id, label: x.name }))}
        />
      </Form.Item>
      <Form.Item name="visitedOn" label={t('campaigns.visitedOn')} required>
        <DatePicker />
      </Form.Item>
      <Form.Item name="place" label={t('campaigns.place')} required>
        <Input />
      </Form.Item>
      <DeputiesField label={t('campaigns.visitDeputies')} />
      <Form.Item name="summary" label={t('campaigns.summary')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <ClueRows />
    </FormModal>
  );
}

export function ClueFormModal({ campaign, open, onClose }: { campaign: CampaignDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { submit, pending } = useFormMutation({
    form,
    schema: standaloneClueInput,
    mutationFn: (input) => api.post(`/api/campaigns/${campaign.id}/clues`, input),
    invalidate: campaignsKey,
    onSuccess: onClose,
  });
  return (
    <FormModal<Values>
      name="clue"
      title={t('campaigns.addClue')}
      open={open}
      form={form}
      initialValues={{ kind: 'problem' }}
      pending={pending}
      onFinish={(v) => submit({ ...blankToNull(v), foundOn: day(v.foundOn) })}
      onClose={onClose}
    >
      <ClueKindField name="kind" />
      <Form.Item name="content" label={t('campaigns.clueContent')} required>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="location" label={t('campaigns.clueLocation')}>
        <Input />
      </Form.Item>
      <Form.Item name="foundOn" label={t('campaigns.foundOn')} required>
        <DatePicker />
      </Form.Item>
    </FormModal>
  );
}

/** Transfer, report the rectification, send back or dismiss a clue; 销号 needs no form. */
export function ClueActionModal({ clue, action, onClose }: { clue: CampaignClue; action: ClueAction; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const units = useUnitSource(undefined, true);
  const { submit, pending } = useFormMutation({
    form,
    schema: clueActionInput,
    mutationFn: (input) => api.post(actionUrl(clueActions, clue.id, input.action), input),
    invalidate: campaignsKey,
    onSuccess: onClose,
  });
  return (
    <FormModal<Values>
      name={`clue-${action}`}
      title={`${t(`clueAction.${action}`)} ${clue.number}`}
      open
      form={form}
      initialValues={action === 'transfer' ? { level: 'local' } : {}}
      pending={pending}
      onFinish={(v) => submit({ ...blankToNull(v), action })}
      onClose={onClose}
    >
      {action === 'transfer' && (
        <>
          <Form.Item name="handlingUnitId" label={t('campaigns.handlingUnit')} required>
            <RemoteSelect<string> source={units} />
          </Form.Item>
          <Form.Item name="level" label={t('campaigns.transferLevel')} required>
            <RadioGroup options={transferLevel.options.map((l) => ({ value: l, label: t(`transferLevel.${l}`) }))} />
          </Form.Item>
          <Form.Item name="note" label={t('campaigns.note')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      )}
      {action === 'reportRectified' && (
        <Form.Item name="note" label={t('campaigns.rectification')} required>
          <Input.TextArea rows={4} />
        </Form.Item>
      )}
      {(action === 'reject' || action === 'dismiss') && (
        <Form.Item name="reason" label={t('campaigns.reason')} required>
          <Input.TextArea rows={3} />
        </Form.Item>
      )}
    </FormModal>
  );
}
