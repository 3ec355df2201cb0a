import { useState } from 'react';
import {
  Alert,
  Button,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  List,
  Progress,
  Statistic,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { EditOutlined, FileWordOutlined, PrinterOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { can, deputyTitle, type PerformanceFile } from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';
import { Page } from '../../components/Page';
import { deputyUrls, thisYear, usePerformance } from './api';
import { DeputyFormModal } from './DeputyFormModal';
import { DeputyPhoto } from './DeputyPhoto';
import { DeputyStatusBadge } from './labels';
import { PerformanceSections } from './PerformanceSections';
import { StatusModal } from './StatusModal';
import { Section } from '../../components/Section';
import { DetailLoader } from '../../components/DetailLoader';

type FileRecord = PerformanceFile['records'][number];

function PeriodPicker({ period, onChange }: { period: { from: string; to: string }; onChange: (p: { from: string; to: string }) => void }) {
  const { t } = useTranslation();
  return (
    <Form layout="inline" name="period" component="div">
      <Form.Item label={t('deputies.performance.period')} htmlFor="performance-period">
        <DatePicker.RangePicker
          id="performance-period"
          allowClear={false}
          value={[dayjs(period.from), dayjs(period.to)]}
          onChange={(range) =>
            range?.[0] && range[1] && onChange({ from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') })
          }
        />
      </Form.Item>
    </Form>
  );
}

/** A deputy's 履职档案 as staff see it, with the deputy's QR code. */
export function DeputyDetailPage() {
  const { id = '' } = useParams();
  const [period, setPeriod] = useState(thisYear);
  const { t } = useTranslation();
  return (
    <DetailLoader query={usePerformance(id, period.from, period.to)} notFoundTitle={t('deputies.performance.notFound')}>
      {(file) => (
        <PerformanceView
          file={file}
          period={period}
          onPeriod={setPeriod}
          docxUrl={deputyUrls.performanceDocx(id, period.from, period.to)}
          staff
        />
      )}
    </DetailLoader>
  );
}

/** A deputy's own performance file (默认本年度). */
export function MyPerformancePage() {
  const [period, setPeriod] = useState(thisYear);
  const { t } = useTranslation();
  return (
    <DetailLoader query={usePerformance(null, period.from, period.to)} notFoundTitle={t('deputies.performance.notFound')}>
      {(file) => (
        <PerformanceView file={file} period={period} onPeriod={setPeriod} docxUrl={deputyUrls.ownPerformanceDocx(period.from, period.to)} />
      )}
    </DetailLoader>
  );
}

interface ViewProps {
  file: PerformanceFile;
  period: { from: string; to: string };
  onPeriod: (p: { from: string; to: string }) => void;
  docxUrl: string;
  staff?: boolean;
}

function PerformanceView({ file, period, onPeriod, docxUrl, staff }: ViewProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const manage = !!staff && can(user.role, 'deputies.manage');
  const [editing, setEditing] = useState(false);
  const [changingStatus, setChangingStatus] = useState(false);
  const d = file.deputy;
  const dash = (v: string | null) => v ?? '—';

  const recordColumns: TableColumnsType<FileRecord> = [
    { title: t('deputies.duty.occurredOn'), dataIndex: 'occurredOn' },
    { title: t('deputies.duty.kind'), dataIndex: 'kind', render: (k: FileRecord['kind']) => t(`deputies.dutyKind.${k}`) },
    { title: t('deputies.duty.title'), dataIndex: 'title' },
    { title: t('deputies.duty.place'), dataIndex: 'place', render: dash },
    { title: t('deputies.duty.votersReceived'), dataIndex: 'votersReceived' },
    { title: t('deputies.duty.participants'), dataIndex: 'participantCount' },
    { title: t('deputies.duty.source'), dataIndex: 'source', render: (s: FileRecord['source']) => t(`deputies.dutySource.${s}`) },
  ];

  return (
    <Page
      title={t('deputies.performance.title', { name: d.name })}
      extra={
        <>
          {!staff && (
            <Button type="primary" icon={<EditOutlined />} onClick={() => navigate('/deputies/duties/new')}>
              {t('deputies.duty.record')}
            </Button>
          )}
          {!staff && (
            <Button icon={<UnorderedListOutlined />} onClick={() => navigate('/deputies/duties')}>
              {t('deputies.duty.mine')}
            </Button>
          )}
          {!staff && <Button onClick={() => navigate('/deputies/contacts')}>{t('contacts.links.mine')}</Button>}
          {!staff && <Button onClick={() => navigate('/deputies/appointments')}>{t('contacts.appointments.mine')}</Button>}
          {!staff && <Button onClick={() => navigate('/deputies/honours')}>{t('reportbacks.honours.title')}</Button>}
          <Button icon={<FileWordOutlined />} href={docxUrl} download>
            {t('deputies.performance.exportWord')}
          </Button>
          {manage && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
          )}
          {manage && <Button onClick={() => setChangingStatus(true)}>{t('deputies.list.changeStatus')}</Button>}
        </>
      }
    >
      <Flex vertical gap="middle">
        <PeriodPicker period={period} onChange={onPeriod} />
        <Section title={t('deputies.performance.basics')}>
          <Flex gap="large" align="start" wrap>
            <DeputyPhoto deputy={d} own={!staff} canManage={manage} />
            <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small" style={{ flex: 1, minWidth: 280 }}>
              <Descriptions.Item label={t('deputies.fields.body')}>{d.bodyName}</Descriptions.Item>
              <Descriptions.Item label={t('deputies.fields.term')}>{d.term}</Descriptions.Item>
              <Descriptions.Item label={t('deputies.fields.status')}>
                <DeputyStatusBadge status={d.status} />
                {d.status !== 'in_office' && d.statusDate ? ` ${d.statusDate}` : ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('deputies.fields.gender')}>{d.gender ? t(`deputies.gender.${d.gender}`) : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('deputies.fields.ethnicity')}>{dash(d.ethnicity)}</Descriptions.Item>
              <Descriptions.Item label={t('deputies.fields.birthDate')}>{dash(d.birthDate)}</Descriptions.Item>
              <Descriptions.Item label={t('deputies.fields.party')}>{dash(d.party)}</Descriptions.Item>
              <Descriptions.Item label={t('deputies.fields.employer')}>{dash(d.employer)}</Descriptions.Item>
              <Descriptions.Item label={t('deputies.fields.post')}>{dash(d.post)}</Descriptions.Item>
              <Descriptions.Item label={t('deputies.fields.constituency')}>{dash(d.constituency)}</Descriptions.Item>
              <Descriptions.Item label={t('deputies.fields.phone')}>{dash(d.phone)}</Descriptions.Item>
              <Descriptions.Item label={t('deputies.fields.publicContact')}>{dash(d.publicContact)}</Descriptions.Item>
              <Descriptions.Item label={t('deputies.fields.committeeRole')}>
                {d.committeeRole ? t(`deputies.committeeRole.${d.committeeRole}`) : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('deputies.performance.groups')}>
                {file.groups.length
                  ? file.groups.map((g) => (
                      <Tag key={g.id}>
                        {g.name}
                        {g.leader ? t('deputies.performance.leaderMark') : ''}
                      </Tag>
                    ))
                  : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('deputies.performance.gridCells')}>
                {file.gridCells.map((c) => c.name).join('、') || '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('deputies.performance.otherLevels')}>
                {d.otherLevels.map((o) => deputyTitle(o.bodyName, o.term)).join('、') || '—'}
              </Descriptions.Item>
            </Descriptions>
          </Flex>
          {d.commitments.length > 0 && (
            <>
              <Typography.Title level={3} className="section-title">
                {t('deputies.performance.commitments')}
              </Typography.Title>
              <List size="small" dataSource={d.commitments} renderItem={(c) => <List.Item>{`${c.year}：${c.text}`}</List.Item>} />
            </>
          )}
        </Section>

        <Section
          title={t('deputies.performance.sevenOnes', { year: file.sevenOnes.year })}
          extra={t('deputies.performance.sevenOnesDone', { done: file.sevenOnes.done })}
        >
          <List
            dataSource={file.sevenOnes.items}
            renderItem={(item) => (
              <List.Item>
                <Flex vertical style={{ width: '100%' }} gap={4}>
                  <Flex justify="space-between" wrap gap="small">
                    <Typography.Text strong>{t(`deputies.sevenOnes.${item.key}`)}</Typography.Text>
                    <span>
                      {item.count === null
                        ? t('deputies.performance.notCounted')
                        : t('deputies.performance.progress', { count: item.count, target: item.target })}
                      {item.done ? ` · ${t('deputies.performance.done')}` : ''}
                    </span>
                  </Flex>
                  <Progress
                    percent={item.count === null ? 0 : Math.min(100, Math.round((item.count / Math.max(1, item.target)) * 100))}
                    status={item.done ? 'success' : 'normal'}
                    showInfo={false}
                    aria-label={t(`deputies.sevenOnes.${item.key}`)}
                  />
                  <Typography.Text type="secondary">{item.basis}</Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        </Section>

        <Section title={t('deputies.performance.assessment')}>
          <Flex gap="large" wrap>
            <Statistic title={t('deputies.performance.liveScore')} value={file.liveScore} />
            <Statistic title={t('deputies.performance.votersReceived')} value={file.votersReceived} />
            <Statistic title={t('deputies.performance.recordsTotal')} value={file.recordsTotal} />
            {file.assessment && (
              <Statistic
                title={t('deputies.performance.published', { year: file.assessment.year })}
                value={file.assessment.score}
                suffix={t('deputies.performance.rank', { rank: file.assessment.rank, of: file.assessment.of })}
              />
            )}
          </Flex>
          {!file.assessment && <Typography.Paragraph type="secondary">{t('deputies.performance.notPublished')}</Typography.Paragraph>}
          <Flex gap="small" wrap>
            {file.countsByKind.map((c) => (
              <Tag key={c.kind}>{`${t(`deputies.dutyKind.${c.kind}`)} ${c.count}`}</Tag>
            ))}
          </Flex>
        </Section>

        <Section title={t('deputies.performance.records')}>
          {file.records.length < file.recordsTotal && (
            <Alert
              type="info"
              showIcon
              message={t('deputies.performance.recordsShown', { shown: file.records.length, total: file.recordsTotal })}
            />
          )}
          <Table<FileRecord>
            rowKey="id"
            size="small"
            columns={recordColumns}
            dataSource={file.records}
            scroll={{ x: 'max-content' }}
            pagination={{ pageSize: 10 }}
          />
          {staff && <Link to={`/deputies/duties?deputyId=${d.id}`}>{t('deputies.performance.allRecords')}</Link>}
        </Section>

        <PerformanceSections sections={file.sections} />

        {staff && (
          <Section title={t('deputies.performance.qr')}>
            <Flex gap="large" align="center" wrap>
              <img src={deputyUrls.qr(d.id)} alt={t('deputies.performance.qrAlt', { name: d.name })} width={160} height={160} />
              <Flex vertical gap="small">
                <Typography.Text>{t('deputies.performance.qrHint')}</Typography.Text>
                <a href={deputyUrls.qr(d.id)} download>
                  {t('deputies.performance.qrPng')}
                </a>
                <a href={deputyUrls.poster(d.id)} target="_blank" rel="noreferrer">
                  <PrinterOutlined aria-hidden /> {t('deputies.performance.poster')}
                </a>
              </Flex>
            </Flex>
          </Section>
        )}
      </Flex>
      {editing && <DeputyFormModal deputy={d} onClose={() => setEditing(false)} />}
      {changingStatus && <StatusModal deputy={d} onClose={() => setChangingStatus(false)} />}
    </Page>
  );
}
