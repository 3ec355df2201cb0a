import { useState, type AriaAttributes, type ComponentProps } from 'react';
import { Alert, App, Button, Card, Checkbox, DatePicker, Flex, Form, Input, List, Spin, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { campaignVisitInput, type CampaignClue, type CampaignVisit, type MyCampaign } from '@renda/shared';
import { useFormMutation } from '../../components/mutations';
import { Page } from '../../components/Page';
import { useSectionPage } from '../../components/PagedTable';
import { myCampaignsKey, useMyCampaigns, recordMyCampaignVisit, useMyCampaignClues } from './api';
import { ClueSuggestionLink, DraftSuggestionModal } from './ClueSuggestion';
import { ClueRows, RadioGroup } from './forms';
import { CampaignStatusTag, ClueStatusTag } from './tags';
import { DeputyOpinionsTabs } from '../opinions/ReceivedOpinionsPage';
import { Section } from '../../components/Section';

type Values = Record<string, unknown> & { visitedOn?: Dayjs; clues?: Record<string, unknown>[] };

/** antd would put aria-required on a checkbox group's plain <div> (axe: aria-allowed-attr). */
function CheckboxGroup({
  'aria-required': _ariaRequired,
  ...props
}: ComponentProps<typeof Checkbox.Group<string>> & Pick<AriaAttributes, 'aria-required'>) {
  return <Checkbox.Group<string> {...props} />;
}

/** 我的专项监督: the campaigns a deputy serves on, as cards that fit a phone. */
export function MyCampaignsPage() {
  const { t } = useTranslation();
  const campaigns = useMyCampaigns();
  return (
    <Page title={t('campaigns.myTitle')} extra={<DeputyOpinionsTabs />}>
      {campaigns.error && <Alert type="error" showIcon message={campaigns.error.message} />}
      <List
        loading={campaigns.isPending}
        dataSource={campaigns.data}
        locale={{ emptyText: t('campaigns.myEmpty') }}
        renderItem={(c) => (
          <List.Item>
            <Card
              className="my-campaign"
              title={<h2 className="card-heading">{c.title}</h2>}
              extra={<CampaignStatusTag status={c.status} />}
              actions={[
                <Link key="open" to={`/opinions/my-campaigns/${c.id}`}>
                  {c.status === 'active' ? t('campaigns.myRecordVisit') : t('campaigns.openCampaign')}
                  <span className="sr-only">（{c.title}）</span>
                </Link>,
              ]}
            >
              <Typography.Paragraph>{c.theme}</Typography.Paragraph>
              <Typography.Text type="secondary">
                {c.bodyName} · {c.startsOn} — {c.endsOn} · {c.teams.map((x) => x.name).join('、')} ·{' '}
                {t('campaigns.myVisits', { count: c.myVisits })}
              </Typography.Text>
            </Card>
          </List.Item>
        )}
      />
    </Page>
  );
}

/** The visit form, laid out in one column with check boxes for who went: usable on a phone on site. */
function VisitForm({ campaign }: { campaign: MyCampaign }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const members = [...new Map(campaign.teams.flatMap((x) => x.deputies).map((d) => [d.id, d])).values()];
  const initialValues = { teamId: campaign.teams[0]?.id, visitedOn: dayjs(), deputyIds: [campaign.deputyId], clues: [] };
  const { submit, pending } = useFormMutation({
    form,
    schema: campaignVisitInput,
    mutationFn: (input) => recordMyCampaignVisit(campaign.id, input),
    invalidate: myCampaignsKey,
    successMessage: false,
    onSuccess: (result) => {
      void message.success(t('campaigns.visitSaved', { numbers: result.clueNumbers.length ? `：${result.clueNumbers.join('、')}` : '' }));
      form.resetFields();
    },
  });
  return (
    <Form<Values>
      form={form}
      name="my-visit"
      layout="vertical"
      initialValues={initialValues}
      onFinish={(v) =>
        submit({
          ...v,
          visitedOn: v.visitedOn?.format('YYYY-MM-DD'),
          summary: (v.summary as string | undefined)?.trim() || null,
          clues: (v.clues ?? []).map((c) => ({ ...c, location: (c.location as string | undefined)?.trim() || null })),
        })
      }
    >
      {campaign.teams.length > 1 && (
        <Form.Item name="teamId" label={t('campaigns.myTeam')} required>
          <RadioGroup options={campaign.teams.map((x) => ({ value: x.id, label: x.name }))} />
        </Form.Item>
      )}
      <Form.Item name="visitedOn" label={t('campaigns.visitedOn')} required>
        <DatePicker inputReadOnly style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item name="place" label={t('campaigns.place')} required>
        <Input />
      </Form.Item>
      <Form.Item name="deputyIds" label={t('campaigns.visitDeputies')} required>
        <CheckboxGroup options={members.map((d) => ({ value: d.id, label: d.name }))} />
      </Form.Item>
      <Form.Item name="summary" label={t('campaigns.summary')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <ClueRows />
      <Button type="primary" htmlType="submit" block loading={pending} className="submit-row">
        {t('campaigns.myRecordVisit')}
      </Button>
    </Form>
  );
}

function MyVisits({ campaign }: { campaign: MyCampaign }) {
  const { t } = useTranslation();
  const { query: visits, pagination } = useSectionPage<CampaignVisit>(
    [...myCampaignsKey, campaign.id, 'visits'],
    `/api/my/campaigns/${campaign.id}/visits`,
  );
  return (
    <List
      loading={visits.isFetching}
      dataSource={visits.data?.items}
      pagination={pagination}
      renderItem={(v) => (
        <List.Item>
          <List.Item.Meta
            title={`${v.visitedOn} ${v.place}`}
            description={`${v.teamName ?? ''} · ${v.deputies.map((d) => d.name).join('、')} · ${t('campaigns.clueCount')} ${v.clueCount}`}
          />
        </List.Item>
      )}
    />
  );
}

function MyClues({ campaign }: { campaign: MyCampaign }) {
  const { t } = useTranslation();
  const [drafting, setDrafting] = useState<CampaignClue | null>(null);
  const clues = useMyCampaignClues(campaign.id);
  return (
    <>
      <List
        loading={clues.isFetching}
        dataSource={clues.data?.items}
        renderItem={(c) => (
          <List.Item
            actions={[
              c.suggestion ? (
                <ClueSuggestionLink key="s" clue={c} />
              ) : (
                <Button key="d" size="small" aria-label={`${t('campaigns.draftSuggestion')} ${c.number}`} onClick={() => setDrafting(c)}>
                  {t('campaigns.draftSuggestion')}
                </Button>
              ),
            ]}
          >
            <List.Item.Meta
              title={
                <Flex gap="small" align="center" wrap>
                  {c.number} {t(`clueKind.${c.kind}`)} <ClueStatusTag status={c.status} />
                </Flex>
              }
              description={`${c.content}${c.location ? `（${c.location}）` : ''}`}
            />
          </List.Item>
        )}
      />
      {drafting && <DraftSuggestionModal clue={drafting} onClose={() => setDrafting(null)} />}
    </>
  );
}

/** One campaign for a deputy on its team: record a visit on site, see their visits and what they found. */
export function MyCampaignPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const campaigns = useMyCampaigns();
  const campaign = campaigns.data?.find((c) => c.id === id);
  const back = (
    <Link to="/opinions">
      <ArrowLeftOutlined /> {t('campaigns.myTitle')}
    </Link>
  );
  if (!campaign)
    return (
      <Page title={t('campaigns.myTitle')} extra={back}>
        {campaigns.isPending ? <Spin /> : <Alert type="error" showIcon message={campaigns.error?.message ?? t('campaigns.myEmpty')} />}
      </Page>
    );
  return (
    <Page title={campaign.title} extra={back}>
      <Typography.Paragraph>
        <CampaignStatusTag status={campaign.status} /> {campaign.startsOn} — {campaign.endsOn} · {campaign.theme}
      </Typography.Paragraph>
      <Section title={t('campaigns.myRecordVisit')}>
        {campaign.status === 'active' ? (
          <VisitForm campaign={campaign} />
        ) : (
          <Alert type="info" showIcon message={t('campaigns.notRunning')} />
        )}
      </Section>
      <Section title={t('campaigns.myVisitsTitle')}>
        <MyVisits campaign={campaign} />
      </Section>
      <Section title={t('campaigns.myCluesTitle')}>
        <MyClues campaign={campaign} />
      </Section>
    </Page>
  );
}
