import { useState } from 'react';
import { Button, Checkbox, Flex, Form, Input, List, Popconfirm, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { opinionCategoriesInput, opinionCategoryLimits, type OpinionCategorySetting } from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';
import { BodyPicker } from '../../components/bodies';
import { clearErrorsOnChange, validate } from '../../components/forms';
import { useAction } from '../../components/mutations';
import { Page } from '../../components/Page';
import { categoriesKey, resetOpinionCategories, saveOpinionCategories, useOpinionCategories } from './api';
import { OpinionsTabs } from './OpinionsTabs';

type Item = OpinionCategorySetting['items'][number];

/** A new category's code: stable once saved and never reused, so the opinions filed under it keep meaning one thing. */
const newCode = () => `c_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** 意见类别: a body's category dictionary (its own, a parent's or the built-in one), edited as a list and saved at once. */
export function CategoriesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [bodyId, setBodyId] = useState(user.bodyId);
  const setting = useOpinionCategories(bodyId);
  return (
    <Page title={t('opinionCategories.title')} extra={<OpinionsTabs />}>
      <Flex vertical gap="middle">
        <Typography.Paragraph type="secondary">{t('opinionCategories.hint')}</Typography.Paragraph>
        <BodyPicker id="opinion-categories-body" label={t('opinionCategories.body')} value={bodyId} onChange={setBodyId} />
        {setting.data && <CategoryEditor key={`${bodyId}:${setting.dataUpdatedAt}`} bodyId={bodyId} setting={setting.data} />}
      </Flex>
    </Page>
  );
}

function SourceTag({ setting }: { setting: OpinionCategorySetting }) {
  const { t } = useTranslation();
  if (setting.source === 'own') return <Tag color="blue">{t('opinionCategories.own')}</Tag>;
  if (setting.source === 'inherited')
    return <Tag color="geekblue">{t('opinionCategories.inherited', { name: setting.setByBodyName })}</Tag>;
  return <Tag>{t('opinionCategories.builtin')}</Tag>;
}

function CategoryEditor({ bodyId, setting }: { bodyId: string; setting: OpinionCategorySetting }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ items: Item[] }>();
  const save = useAction(saveOpinionCategories, {
    invalidate: categoriesKey,
    form,
  });
  const reset = useAction(() => resetOpinionCategories(bodyId), {
    invalidate: categoriesKey,
    successMessage: t('opinionCategories.restored'),
  });
  const submit = () => {
    const { items } = form.getFieldsValue(true) as { items: Item[] };
    const input = validate(form, opinionCategoriesInput, {
      bodyId,
      items: items.map(({ code, label, active }) => ({ code, label, active })),
    });
    if (input) save.mutate(input);
  };

  return (
    <Form form={form} name="opinion-categories" initialValues={{ items: setting.items }} onValuesChange={clearErrorsOnChange(form)}>
      <Flex vertical gap="middle">
        <Flex gap="small" align="center" wrap>
          <SourceTag setting={setting} />
          {setting.source !== 'own' && <Typography.Text type="secondary">{t('opinionCategories.notOwnHint')}</Typography.Text>}
        </Flex>
        <Form.List name="items">
          {(fields, { add, remove, move }, { errors }) => (
            <>
              <List
                bordered
                dataSource={fields}
                renderItem={(field, index) => (
                  <CategoryRow
                    field={field}
                    index={index}
                    last={index === fields.length - 1}
                    inUse={Boolean(form.getFieldValue(['items', field.name, 'inUse']))}
                    onMove={move}
                    onRemove={remove}
                  />
                )}
              />
              <Form.ErrorList errors={errors} />
              <Flex gap="small" wrap>
                <Button
                  icon={<PlusOutlined />}
                  disabled={fields.length >= opinionCategoryLimits.itemsMax}
                  onClick={() => add({ code: newCode(), label: '', active: true, inUse: false })}
                >
                  {t('opinionCategories.add')}
                </Button>
                <Button type="primary" loading={save.isPending} onClick={submit}>
                  {t('common.save')}
                </Button>
                {setting.source === 'own' && (
                  <Popconfirm
                    title={t('opinionCategories.resetConfirm')}
                    okText={t('opinionCategories.reset')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => reset.mutate(undefined)}
                  >
                    <Button loading={reset.isPending}>{t('opinionCategories.reset')}</Button>
                  </Popconfirm>
                )}
              </Flex>
            </>
          )}
        </Form.List>
      </Flex>
    </Form>
  );
}

interface RowProps {
  field: { key: number; name: number };
  index: number;
  last: boolean;
  inUse: boolean;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
}

/** One category: its name, whether citizens may choose it, and its place; a category in use cannot be removed. */
function CategoryRow({ field, index, last, inUse, onMove, onRemove }: RowProps) {
  const { t } = useTranslation();
  const label = Form.useWatch<string | undefined>(['items', field.name, 'label'], Form.useFormInstance());
  const name = label?.trim() || t('opinionCategories.nameOf', { n: index + 1 });
  const hidden = (text: string) => <span className="sr-only">{`${text}（${name}）`}</span>;
  return (
    <List.Item>
      <Flex gap="small" align="start" wrap style={{ width: '100%' }}>
        <Form.Item name={[field.name, 'label']} style={{ flex: '1 1 240px', marginBottom: 0 }}>
          <Input aria-label={t('opinionCategories.nameOf', { n: index + 1 })} maxLength={opinionCategoryLimits.labelMax} showCount />
        </Form.Item>
        <Form.Item name={[field.name, 'active']} valuePropName="checked" style={{ marginBottom: 0 }}>
          <Checkbox>
            {t('opinionCategories.active')}
            <span className="sr-only">（{name}）</span>
          </Checkbox>
        </Form.Item>
        {inUse && <Tag>{t('opinionCategories.inUse')}</Tag>}
        <Flex gap="small" style={{ marginInlineStart: 'auto' }}>
          <Button icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => onMove(index, index - 1)}>
            {hidden(t('opinionCategories.moveUp'))}
          </Button>
          <Button icon={<ArrowDownOutlined />} disabled={last} onClick={() => onMove(index, index + 1)}>
            {hidden(t('opinionCategories.moveDown'))}
          </Button>
          <Button danger icon={<DeleteOutlined />} disabled={inUse} onClick={() => onRemove(field.name)}>
            {hidden(t('opinionCategories.remove'))}
          </Button>
        </Flex>
      </Flex>
    </List.Item>
  );
}
