import { Form, Input, InputNumber, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { placeKind, stationInput, stationKind, type Station } from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';
import { BodyTreeSelect } from '../../components/bodies';
import { FormModal } from '../../components/FormModal';
import { FormSelect } from '../../components/FormSelect';
import { blankToNull } from '../../components/forms';
import { useFormMutation } from '../../components/mutations';
import { stationsKey, saveStation } from './api';

type Values = Record<string, unknown>;
const texts = ['address', 'openingHours', 'contactName', 'contactPhone'] as const;

/** 新建 or 修改 a station (代表之家、联络站、联络室、网上联络站、基层立法联系点). */
export function StationFormModal({
  station,
  onClose,
  onSaved,
}: {
  station?: Station;
  onClose: () => void;
  onSaved?: (s: Station) => void;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const { submit, pending } = useFormMutation({
    form,
    schema: stationInput,
    mutationFn: (input) => saveStation(station?.id ?? null, input),
    invalidate: stationsKey,
    onSuccess: (s) => {
      onSaved?.(s);
      onClose();
    },
  });
  const initialValues: Values = station
    ? Object.fromEntries(Object.entries(station).map(([k, v]) => [k, v ?? undefined]))
    : { bodyId: user.bodyId, kind: 'liaison_station', active: true };
  return (
    <FormModal<Values>
      name="station"
      title={t(station ? 'stations.form.editTitle' : 'stations.form.createTitle')}
      open
      form={form}
      initialValues={initialValues}
      pending={pending}
      onFinish={(v) =>
        submit({
          ...blankToNull(v),
          placeKind: v.placeKind ?? null,
          regionCode: typeof v.regionCode === 'string' && v.regionCode.trim() ? v.regionCode.trim() : null,
          latitude: v.latitude ?? null,
          longitude: v.longitude ?? null,
        })
      }
      onClose={onClose}
    >
      <Form.Item name="bodyId" label={t('stations.fields.body')} required>
        <BodyTreeSelect />
      </Form.Item>
      <Form.Item name="kind" label={t('stations.fields.kind')} required>
        <FormSelect options={stationKind.options.map((k) => ({ value: k, label: t(`stations.kind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="name" label={t('stations.fields.name')} required>
        <Input />
      </Form.Item>
      <Form.Item name="placeKind" label={t('stations.fields.placeKind')}>
        <FormSelect allowClear options={placeKind.options.map((k) => ({ value: k, label: t(`stations.placeKind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="regionCode" label={t('stations.fields.regionCode')} extra={t('stations.form.regionCodeHint')}>
        <Input inputMode="numeric" />
      </Form.Item>
      {texts.map((f) => (
        <Form.Item key={f} name={f} label={t(`stations.fields.${f}`)}>
          <Input />
        </Form.Item>
      ))}
      <Form.Item name="latitude" label={t('stations.fields.latitude')}>
        <InputNumber min={-90} max={90} step={0.0001} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="longitude" label={t('stations.fields.longitude')}>
        <InputNumber min={-180} max={180} step={0.0001} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="rules" label={t('stations.fields.rules')}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="active" label={t('stations.fields.active')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormModal>
  );
}
