import { Button, Progress, Tag, type TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { livelihoodCategory, projectSort, projectState, type Project } from '@renda/shared';
import { Page } from '../../components/Page';
import { PagedTable, usePagedList, type FilterField } from '../../components/PagedTable';
import { livelihoodUrls, projectsKey } from './api';
import { LivelihoodTabs } from './LivelihoodTabs';

/** 项目清单: every project of the bodies in scope (a unit only its own), filtered, sorted and exported. */
export function ProjectsPage() {
  const { t } = useTranslation();
  const list = usePagedList<Project>(projectsKey, '/api/livelihood/projects');
  const filters: FilterField[] = [
    { kind: 'text', param: 'q', label: t('livelihood.project.search') },
    { kind: 'text', param: 'year', label: t('livelihood.project.year') },
    {
      kind: 'select',
      param: 'state',
      label: t('livelihood.project.state'),
      options: projectState.options.map((s) => ({ value: s, label: t(`livelihood.projectState.${s}`) })),
    },
    {
      kind: 'select',
      param: 'chosen',
      label: t('livelihood.project.chosenOnly'),
      options: [
        { value: 'true', label: t('livelihood.overview.chosen') },
        { value: 'false', label: t('livelihood.project.candidates') },
      ],
    },
    {
      kind: 'select',
      param: 'category',
      label: t('livelihood.project.category'),
      options: livelihoodCategory.options.map((c) => ({ value: c, label: t(`livelihood.category.${c}`) })),
    },
    {
      kind: 'select',
      param: 'sort',
      label: t('livelihood.project.sort'),
      options: projectSort.options.map((s) => ({ value: s, label: t(`livelihood.project.${s}`) })),
    },
  ];
  const columns: TableColumnsType<Project> = [
    {
      title: t('livelihood.project.name'),
      dataIndex: 'name',
      render: (v: string, p) => <Link to={`/livelihood-projects/projects/${p.id}`}>{v}</Link>,
    },
    { title: t('livelihood.project.body'), dataIndex: 'bodyName' },
    { title: t('livelihood.project.year'), dataIndex: 'year' },
    { title: t('livelihood.project.unit'), dataIndex: 'unitName' },
    { title: t('livelihood.project.budget'), dataIndex: 'budget' },
    { title: t('livelihood.project.votes'), dataIndex: 'votes', render: (v: number | null) => v ?? '—' },
    { title: t('livelihood.project.state'), dataIndex: 'stateLabel', render: (v: string) => <Tag>{v}</Tag> },
    {
      title: t('livelihood.project.progress'),
      dataIndex: 'progress',
      render: (v: number, p) => (
        <Progress percent={v} size="small" style={{ minWidth: 100 }} aria-label={`${p.name}${t('livelihood.project.progress')} ${v}%`} />
      ),
    },
    { title: t('livelihood.project.satisfaction'), dataIndex: 'satisfaction', render: (v: number | null) => (v == null ? '—' : `${v}%`) },
    { title: t('livelihood.project.dueOn'), dataIndex: 'dueOn' },
  ];
  return (
    <Page
      title={t('livelihood.project.title')}
      extra={
        <Button icon={<DownloadOutlined />} href={livelihoodUrls.export(list.filters)}>
          {t('livelihood.project.export')}
        </Button>
      }
    >
      <LivelihoodTabs />
      <PagedTable list={list} filters={filters} columns={columns} />
    </Page>
  );
}
