import { useState } from 'react';
import { Alert, App, DatePicker, Flex, Form, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { rotaRepeatInput, weekdayLabel, type RotaRepeatResult, type Station, type RotaRepeatInput } from '@renda/shared';
import { FormCheckboxGroup } from '../../components/FormCheckboxGroup';
import { FormModal } from '../../components/FormModal';
import { useFormMutation } from '../../components/mutations';
import { stationKey, repeatRota } from './api';
import { RotaFields, rotaFieldsInput, type RotaFieldValues } from './RotaFields';

export const rotaDefaults = { startTime: dayjs('09:00', 'HH:mm'), endTime: dayjs('11:30', 'HH:mm') };

type RepeatValues = RotaFieldValues & { period?: [Dayjs, Dayjs]; weekdays?: number[] };

const weekdayOf = (day: string) => weekdayLabel[dayjs(day).day() || 7];

/**
 * 周接待: fills a period with one rota day per chosen weekday. The first OK asks the server which
 * days it would create and skip (holidays, days already taken); the second saves those days.
 */
export function RotaRepeatModal({ station, onClose }: { station: Station; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RepeatValues>();
  const values = Form.useWatch([], form);
  const [preview, setPreview] = useState<{ key: string; result: RotaRepeatResult } | null>(null);
  const input = (v: RepeatValues, asPreview: boolean) => ({
    from: v.period?.[0]?.format('YYYY-MM-DD'),
    to: v.period?.[1]?.format('YYYY-MM-DD'),
    weekdays: v.weekdays ?? [],
    ...rotaFieldsInput(v),
    preview: asPreview,
  });
  const keyOf = (v: RepeatValues | undefined) => JSON.stringify(v ? input(v, true) : null);
  const current = preview && preview.key === keyOf(values) ? preview.result : null;
  const send = (input: RotaRepeatInput) => repeatRota(station.id, input);
  const previewing = useFormMutation({
    form,
    schema: rotaRepeatInput,
    mutationFn: send,
    successMessage: false,
    onSuccess: (result) => setPreview({ key: keyOf(form.getFieldsValue()), result }),
  });
  const saving = useFormMutation({
    form,
    schema: rotaRepeatInput,
    mutationFn: send,
    invalidate: stationKey(station.id),
    successMessage: false,
    onSuccess: (result) => {
      void message.success(t('stations.rota.repeat.saved', { count: result.created.length, skipped: result.skipped.length }));
      onClose();
    },
  });
  const canSave = current !== null && current.days.length > 0;
  return (
    <FormModal<RepeatValues>
      name="rotaRepeat"
      title={t('stations.rota.repeat.title')}
      open
      width={640}
      form={form}
      initialValues={rotaDefaults}
      pending={previewing.pending || saving.pending}
      okText={canSave ? t('common.save') : t('stations.rota.repeat.preview')}
      onFinish={(v) => (canSave ? saving.submit(input(v, false)) : previewing.submit(input(v, true)))}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">{t('stations.rota.repeat.hint')}</Typography.Paragraph>
      <Form.Item name="period" label={t('stations.rota.repeat.period')} required>
        <DatePicker.RangePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item name="weekdays" label={t('stations.rota.repeat.weekdays')} required>
        <FormCheckboxGroup<number> options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: weekdayLabel[d] }))} />
      </Form.Item>
      <RotaFields form={form} />
      {current && <RepeatPreview result={current} />}
    </FormModal>
  );
}

function RepeatPreview({ result }: { result: RotaRepeatResult }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap="small" aria-label={t('stations.rota.repeat.previewTitle')} role="region">
      {result.days.length > 0 ? (
        <Alert type="info" showIcon message={t('stations.rota.repeat.willCreate', { count: result.days.length })} />
      ) : (
        <Alert type="warning" showIcon message={t('stations.rota.repeat.nothing')} />
      )}
      <Flex wrap gap={4}>
        {result.days.map((d) => (
          <Tag key={d}>
            {d} {weekdayOf(d)}
          </Tag>
        ))}
      </Flex>
      {result.skipped.length > 0 && (
        <List
          size="small"
          header={t('stations.rota.repeat.skipped', { count: result.skipped.length })}
          dataSource={result.skipped}
          renderItem={(s) => (
            <List.Item>
              {s.day} {weekdayOf(s.day)}：{t(`stations.rota.repeat.reason.${s.reason}`)}（{s.note}）
            </List.Item>
          )}
        />
      )}
    </Flex>
  );
}
