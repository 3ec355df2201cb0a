import { Alert, Button, DatePicker, Descriptions, Flex, Form, Input, Popconfirm, Table, Tag, type TableColumnsType } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { can, contactRecordInput, contactWay, type ContactLinkDetail, type ContactRecord } from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';
import { FormSelect } from '../../components/FormSelect';
import { blankToNull, clearErrorsOnChange } from '../../components/forms';
import { useAction, useFormMutation } from '../../components/mutations';
import { Page } from '../../components/Page';
import { Section } from '../../components/Section';
import { DetailLoader } from '../../components/DetailLoader';
import { contactLinksKey, useContactLink, addContactRecord, deleteContactLink } from './api';

export function ContactLinkPage() {
  const { id = '' } = useParams();
  return <DetailLoader query={useContactLink(id)}>{(l) => <LinkDetail link={l} />}</DetailLoader>;
}

/** Who may write on this link: staff, the member on their own link, the deputy with their voters. */
function canRecord(role: string, userId: string, link: ContactLinkDetail) {
  if (role === 'staff') return true;
  if (role === 'leader') return link.memberId === userId;
  return role === 'deputy' && link.kind === 'deputy_voter';
}

function LinkDetail({ link }: { link: ContactLinkDetail }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const remove = useAction(() => deleteContactLink(link.id), {
    invalidate: contactLinksKey,
    successMessage: t('contacts.link.removed'),
    onSuccess: () => navigate('/deputies/contacts'),
  });
  const dash = (v: string | null) => v ?? '—';
  const columns: TableColumnsType<ContactRecord> = [
    { title: t('contacts.fields.occurredOn'), dataIndex: 'occurredOn' },
    { title: t('contacts.fields.way'), dataIndex: 'way', render: (w: ContactRecord['way']) => t(`contacts.way.${w}`) },
    { title: t('contacts.fields.content'), dataIndex: 'content' },
    { title: t('contacts.fields.raised'), dataIndex: 'raised', render: dash },
    { title: t('contacts.fields.recordedBy'), dataIndex: 'recordedByName', render: dash },
    {
      title: t('deputies.duty.source'),
      dataIndex: 'dutyRecordId',
      render: (v: string | null) => (v ? <Tag>{t('contacts.fields.inDutyLog')}</Tag> : '—'),
    },
  ];
  return (
    <Page
      title={t('contacts.link.title', { deputy: link.deputyName })}
      extra={
        can(user.role, 'contacts.manage') &&
        link.recordCount === 0 && (
          <Popconfirm
            title={t('contacts.link.removeConfirm')}
            okText={t('contacts.link.remove')}
            cancelText={t('common.cancel')}
            onConfirm={() => remove.mutate(undefined)}
          >
            <Button danger loading={remove.isPending}>
              {t('contacts.link.remove')}
            </Button>
          </Popconfirm>
        )
      }
    >
      <Flex vertical gap="middle">
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
          <Descriptions.Item label={t('contacts.fields.kind')}>{t(`contacts.kind.${link.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('contacts.fields.year')}>{link.year}</Descriptions.Item>
          <Descriptions.Item label={t('contacts.fields.deputy')}>{link.deputyName}</Descriptions.Item>
          {link.kind === 'member_deputy' ? (
            <Descriptions.Item label={t('contacts.fields.member')}>{dash(link.memberName)}</Descriptions.Item>
          ) : (
            <>
              <Descriptions.Item label={t('contacts.fields.voter')}>{dash(link.voterName)}</Descriptions.Item>
              <Descriptions.Item label={t('contacts.fields.voterPhone')}>{dash(link.voterPhone)}</Descriptions.Item>
              <Descriptions.Item label={t('contacts.fields.region')}>{dash(link.regionName)}</Descriptions.Item>
            </>
          )}
          <Descriptions.Item label={t('contacts.fields.note')}>{dash(link.note)}</Descriptions.Item>
        </Descriptions>
        {canRecord(user.role, user.id, link) && <RecordForm link={link} />}
        <Section title={t('contacts.link.records')}>
          <Table<ContactRecord>
            rowKey="id"
            size="small"
            scroll={{ x: 'max-content' }}
            columns={columns}
            dataSource={link.records}
            pagination={false}
            locale={{ emptyText: t('contacts.link.none') }}
          />
        </Section>
      </Flex>
    </Page>
  );
}

type Values = { occurredOn?: Dayjs; way?: string; content?: string; raised?: string };

/** One column, large controls: a deputy records a visit on their phone right after it. */
function RecordForm({ link }: { link: ContactLinkDetail }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { submit, pending } = useFormMutation({
    form,
    schema: contactRecordInput,
    mutationFn: (input) => addContactRecord(link.id, input),
    invalidate: contactLinksKey,
    successMessage: t('contacts.link.recorded'),
    onSuccess: () => form.resetFields(['content', 'raised']),
  });
  return (
    <Section title={t('contacts.link.record')}>
      <div style={{ maxWidth: '40rem' }}>
        {link.kind === 'deputy_voter' && (
          <Alert type="info" showIcon message={t('contacts.link.recordHint')} style={{ marginBottom: 16 }} />
        )}
        <Form<Values>
          form={form}
          name="contact-record"
          layout="vertical"
          initialValues={{ occurredOn: dayjs(), way: 'visit' }}
          onValuesChange={clearErrorsOnChange(form)}
          onFinish={(v) =>
            submit({
              ...blankToNull({ content: v.content ?? '', raised: v.raised ?? '' }),
              occurredOn: v.occurredOn?.format('YYYY-MM-DD'),
              way: v.way,
            })
          }
        >
          <Form.Item name="occurredOn" label={t('contacts.fields.occurredOn')} required>
            <DatePicker style={{ width: '100%' }} inputReadOnly disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="way" label={t('contacts.fields.way')} required>
            <FormSelect options={contactWay.options.map((w) => ({ value: w, label: t(`contacts.way.${w}`) }))} />
          </Form.Item>
          <Form.Item name="content" label={t('contacts.fields.content')} required>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item name="raised" label={t('contacts.fields.raised')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={pending} block size="large">
              {t('contacts.link.record')}
            </Button>
          </Form.Item>
        </Form>
      </div>
    </Section>
  );
}
