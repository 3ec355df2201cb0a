import { Form, Input, Space, TimePicker, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { FormSelect } from '../../components/FormSelect';
import { useDeputySearch } from '../deputies/api';

/** What a rota day and a weekly repeat share in their forms. */
export type RotaFieldValues = {
  startTime?: Dayjs;
  endTime?: Dayjs;
  topic?: string;
  responsibleName?: string;
  responsiblePhone?: string;
  deputyIds?: string[];
};

/** The form values as the shared rota schemas take them. */
export function rotaFieldsInput(v: RotaFieldValues) {
  return {
    startTime: v.startTime?.format('HH:mm'),
    endTime: v.endTime?.format('HH:mm'),
    topic: v.topic,
    responsibleName: v.responsibleName,
    responsiblePhone: v.responsiblePhone?.trim() || null,
    deputyIds: v.deputyIds ?? [],
  };
}

/** 四定: hours, deputies on duty, topic and the person answering for the follow-up. */
export function RotaFields({ form }: { form: FormInstance }) {
  const { t } = useTranslation();
  const selected = (Form.useWatch('deputyIds', form) as string[] | undefined) ?? [];
  const deputies = useDeputySearch({}, selected);
  return (
    <>
      <Space wrap>
        <Form.Item name="startTime" label={t('stations.rota.startTime')} required>
          <TimePicker format="HH:mm" minuteStep={5} />
        </Form.Item>
        <Form.Item name="endTime" label={t('stations.rota.endTime')} required>
          <TimePicker format="HH:mm" minuteStep={5} />
        </Form.Item>
      </Space>
      <Form.Item name="deputyIds" label={t('stations.rota.deputies')} required>
        <FormSelect
          mode="multiple"
          showSearch
          filterOption={false}
          onSearch={deputies.onSearch}
          options={deputies.options}
          loading={deputies.loading}
        />
      </Form.Item>
      <TopicFields />
      <Form.Item name="responsiblePhone" label={t('stations.rota.responsiblePhone')}>
        <Input inputMode="tel" />
      </Form.Item>
    </>
  );
}

/** 活动定题, 办理定责: the topic and the responsible person, on the rota and at a reception alike. */
export function TopicFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="topic" label={t('stations.rota.topic')} required>
        <Input />
      </Form.Item>
      <Form.Item name="responsibleName" label={t('stations.rota.responsible')} required>
        <Input />
      </Form.Item>
    </>
  );
}
