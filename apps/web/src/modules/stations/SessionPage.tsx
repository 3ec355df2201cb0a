import { Alert, Badge, Button, Checkbox, Descriptions, Flex, Form, Input, InputNumber, List, Tag, Typography } from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { closeSessionInput, concernInput, signInInput, type ReceptionSession, type ReceptionState } from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';
import { FormSelect } from '../../components/FormSelect';
import { blankToNull, clearErrorsOnChange } from '../../components/forms';
import { useAction, useFormMutation } from '../../components/mutations';
import { Page } from '../../components/Page';
import { useDeputySearch } from '../deputies/api';
import { Section } from '../../components/Section';
import { stationsKey, useReception, closeReceptionSession, registerConcern, signInToSession } from './api';
import { DetailLoader } from '../../components/DetailLoader';

export function SessionStateBadge({ state }: { state: ReceptionState }) {
  const { t } = useTranslation();
  return <Badge status={state === 'open' ? 'processing' : 'success'} text={t(`stations.sessionState.${state}`)} />;
}

/** 接待: deputies sign in, what voters raise is registered, and closing it writes the deputies' duty records. */
export function SessionPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  return (
    <DetailLoader query={useReception(id)} notFoundTitle={t('stations.session.notFound')}>
      {(session) => <Session session={session} />}
    </DetailLoader>
  );
}

function Session({ session }: { session: ReceptionSession }) {
  const { t } = useTranslation();
  const allowed = new Set(session.allowedActions);
  return (
    <Page title={t('stations.session.title', { station: session.stationName, day: session.heldOn })}>
      <Flex vertical gap="middle">
        <Link to={`/stations/${session.stationId}`}>{t('stations.session.backToStation', { station: session.stationName })}</Link>
        <Section title={t('stations.session.info')}>
          <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
            <Descriptions.Item label={t('stations.session.state')}>
              <SessionStateBadge state={session.state} />
            </Descriptions.Item>
            <Descriptions.Item label={t('stations.rota.topic')}>{session.topic}</Descriptions.Item>
            <Descriptions.Item label={t('stations.rota.responsible')}>{session.responsibleName}</Descriptions.Item>
            <Descriptions.Item label={t('stations.session.committee')}>{session.committee ?? '—'}</Descriptions.Item>
            {session.state === 'closed' && (
              <Descriptions.Item label={t('stations.session.votersReceived')}>{session.votersReceived}</Descriptions.Item>
            )}
            {session.notes && <Descriptions.Item label={t('stations.session.notes')}>{session.notes}</Descriptions.Item>}
          </Descriptions>
          {session.state === 'closed' && session.dutyRecordId && (
            <Alert type="success" showIcon message={t('stations.session.dutyWritten')} />
          )}
        </Section>
        <Section title={t('stations.session.signedInTitle', { count: session.signedIn.length })}>
          <List
            dataSource={session.signedIn}
            locale={{ emptyText: <Typography.Text>{t('stations.session.noneSignedIn')}</Typography.Text> }}
            renderItem={(d) => (
              <List.Item>
                <Flex gap="small" wrap>
                  <CheckCircleOutlined aria-hidden />
                  <span>{d.name}</span>
                  <Typography.Text type="secondary">{dayjs(d.signedAt).format('HH:mm')}</Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
          {allowed.has('signIn') && <SignIn session={session} />}
        </Section>
        <Section title={t('stations.session.concernsTitle', { count: session.concerns.length })}>
          <List
            dataSource={session.concerns}
            locale={{ emptyText: <Typography.Text>{t('stations.session.noConcerns')}</Typography.Text> }}
            renderItem={(c) => (
              <List.Item>
                <Flex vertical gap={4}>
                  <span>{c.content}</span>
                  <Flex gap="small" wrap>
                    {c.visitorName && <Typography.Text type="secondary">{c.visitorName}</Typography.Text>}
                    {c.visitorPhone && <Typography.Text type="secondary">{c.visitorPhone}</Typography.Text>}
                    {c.resolvedOnSite && <Tag color="green">{t('stations.concern.resolvedOnSite')}</Tag>}
                    {c.opinionId && <Link to={`/opinions/${c.opinionId}`}>{t('stations.concern.opinion')}</Link>}
                  </Flex>
                </Flex>
              </List.Item>
            )}
          />
          {allowed.has('addConcern') && <ConcernForm session={session} />}
        </Section>
        {allowed.has('close') && <CloseForm session={session} />}
      </Flex>
    </Page>
  );
}

function SignIn({ session }: { session: ReceptionSession }) {
  const user = useCurrentUser();
  return user.role === 'deputy' ? <SelfSignIn session={session} /> : <StaffSignIn session={session} />;
}

/** A deputy at the station signs in themself. */
function SelfSignIn({ session }: { session: ReceptionSession }) {
  const { t } = useTranslation();
  const self = useAction(() => signInToSession(session.id), {
    invalidate: stationsKey,
    successMessage: t('stations.session.signedInDone'),
  });
  return (
    <Button type="primary" size="large" block onClick={() => self.mutate(undefined)} loading={self.isPending}>
      {t('stations.session.signInSelf')}
    </Button>
  );
}

/** Staff sign in any deputy who came. */
function StaffSignIn({ session }: { session: ReceptionSession }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ deputyId?: string }>();
  const selected = Form.useWatch('deputyId', form);
  const deputies = useDeputySearch({}, selected ? [selected] : []);
  const staff = useFormMutation({
    form,
    schema: signInInput,
    mutationFn: (input) => signInToSession(session.id, input),
    invalidate: stationsKey,
    successMessage: t('stations.session.signedInDone'),
    onSuccess: () => form.resetFields(),
  });
  return (
    <Form form={form} name="sign-in" layout="inline" onFinish={(v) => staff.submit(v)} onValuesChange={clearErrorsOnChange(form)}>
      <Form.Item name="deputyId" label={t('stations.session.deputy')} required>
        <FormSelect
          showSearch
          filterOption={false}
          onSearch={deputies.onSearch}
          options={deputies.options}
          loading={deputies.loading}
          style={{ minWidth: '16em' }}
        />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={staff.pending}>
          {t('stations.session.signIn')}
        </Button>
      </Form.Item>
    </Form>
  );
}

type ConcernValues = { content?: string; visitorName?: string; visitorPhone?: string; contactConsent?: boolean; resolvedOnSite?: boolean };

function ConcernForm({ session }: { session: ReceptionSession }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ConcernValues>();
  const { submit, pending } = useFormMutation({
    form,
    schema: concernInput,
    mutationFn: (input) => registerConcern(session.id, input),
    invalidate: stationsKey,
    successMessage: t('stations.concern.saved'),
    onSuccess: () => form.resetFields(),
  });
  return (
    <Form<ConcernValues>
      form={form}
      name="concern"
      layout="vertical"
      style={{ maxWidth: '40rem', marginTop: '1rem' }}
      initialValues={{ resolvedOnSite: false, contactConsent: false }}
      onFinish={(v) =>
        submit({
          ...blankToNull({ content: v.content ?? '', visitorName: v.visitorName ?? '', visitorPhone: v.visitorPhone ?? '' }),
          contactConsent: !!v.contactConsent,
          resolvedOnSite: !!v.resolvedOnSite,
        })
      }
      onValuesChange={clearErrorsOnChange(form)}
    >
      <Typography.Title level={3} className="section-title">
        {t('stations.concern.add')}
      </Typography.Title>
      <Form.Item name="content" label={t('stations.concern.content')} required>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="visitorName" label={t('stations.concern.visitorName')}>
        <Input />
      </Form.Item>
      <Form.Item name="visitorPhone" label={t('stations.concern.visitorPhone')}>
        <Input inputMode="tel" />
      </Form.Item>
      <Form.Item name="contactConsent" valuePropName="checked" extra={t('stations.concern.contactConsentHint')}>
        <Checkbox>{t('stations.concern.contactConsent')}</Checkbox>
      </Form.Item>
      <Form.Item name="resolvedOnSite" valuePropName="checked">
        <Checkbox>{t('stations.concern.resolvedOnSite')}</Checkbox>
      </Form.Item>
      <Typography.Paragraph type="secondary">{t('stations.concern.hint')}</Typography.Paragraph>
      <Form.Item>
        <Button htmlType="submit" loading={pending}>
          {t('stations.concern.submit')}
        </Button>
      </Form.Item>
    </Form>
  );
}

type CloseValues = { votersReceived?: number; notes?: string };

function CloseForm({ session }: { session: ReceptionSession }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CloseValues>();
  const { submit, pending } = useFormMutation({
    form,
    schema: closeSessionInput,
    mutationFn: (input) => closeReceptionSession(session.id, input),
    invalidate: stationsKey,
    successMessage: t('stations.session.closed'),
  });
  return (
    <Section title={t('stations.session.closeTitle')}>
      <Form<CloseValues>
        form={form}
        name="close-session"
        layout="vertical"
        style={{ maxWidth: '40rem' }}
        initialValues={{ votersReceived: Math.max(session.concerns.length, 0) }}
        onFinish={(v) => submit({ votersReceived: v.votersReceived, notes: v.notes?.trim() || null })}
        onValuesChange={clearErrorsOnChange(form)}
      >
        <Form.Item name="votersReceived" label={t('stations.session.votersReceived')} required>
          <InputNumber min={0} max={10000} />
        </Form.Item>
        <Form.Item name="notes" label={t('stations.session.notes')}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Typography.Paragraph type="secondary">{t('stations.session.closeHint')}</Typography.Paragraph>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={pending}>
            {t('stations.session.close')}
          </Button>
        </Form.Item>
      </Form>
    </Section>
  );
}
