import { Alert, Button, Flex, Form, Input } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { campaignUpdateInput, type CampaignDetail } from '@renda/shared';
import { FormModal } from '../../components/FormModal';
import { useFormMutation } from '../../components/mutations';
import { campaignsKey, updateCampaign } from './api';
import { CampaignFields, DeputiesField, periodDates } from './forms';

interface TeamValues {
  id?: string;
  name?: string;
  area?: string | null;
  deputyIds?: string[];
}
type Values = Record<string, unknown> & { period?: [Dayjs, Dayjs]; teams?: TeamValues[] };

/** Staff edit a campaign: title, theme, period and its teams with their deputies, in one form. */
export function CampaignEditModal({ campaign, onClose }: { campaign: CampaignDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { submit, pending } = useFormMutation({
    form,
    schema: campaignUpdateInput,
    mutationFn: (input) => updateCampaign(campaign.id, input),
    invalidate: campaignsKey,
    onSuccess: onClose,
  });
  return (
    <FormModal<Values>
      name="campaign-edit"
      title={t('campaigns.edit')}
      open
      form={form}
      width={720}
      initialValues={{
        title: campaign.title,
        theme: campaign.theme,
        description: campaign.description,
        period: [dayjs(campaign.startsOn), dayjs(campaign.endsOn)],
        teams: campaign.teams.map((x) => ({ id: x.id, name: x.name, area: x.area, deputyIds: x.deputies.map((d) => d.id) })),
      }}
      pending={pending}
      onFinish={({ period, teams, description, ...values }) => {
        if (!period) return form.setFields([{ name: 'period', errors: [t('common.required')] }]);
        submit({
          ...values,
          description: (description as string | null | undefined)?.trim() || null,
          ...periodDates(period),
          teams: (teams ?? []).map((x) => ({ ...x, area: x.area?.trim() || null, deputyIds: x.deputyIds ?? [] })),
        });
      }}
      onClose={onClose}
    >
      <CampaignFields />
      <fieldset className="clue-rows">
        <legend>{t('campaigns.teams')}</legend>
        <Alert type="info" showIcon message={t('campaigns.editTeamsHint')} className="form-hint" />
        <Form.List name="teams">
          {(fields, { add, remove }) => (
            <Flex vertical gap="small">
              {fields.map((field, i) => (
                <Flex key={field.key} vertical className="clue-row">
                  <Flex gap="small" align="start">
                    <Form.Item name={[field.name, 'name']} label={t('campaigns.teamName')} required style={{ flex: 1 }}>
                      <Input />
                    </Form.Item>
                    <Form.Item name={[field.name, 'area']} label={t('campaigns.area')} style={{ flex: 1 }}>
                      <Input />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label={t('campaigns.removeTeam', { n: i + 1 })}
                      onClick={() => remove(field.name)}
                    />
                  </Flex>
                  <DeputiesField label={t('campaigns.teamDeputies')} name={[field.name, 'deputyIds']} />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ deputyIds: [] })}>
                {t('campaigns.addTeam')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </fieldset>
    </FormModal>
  );
}
