import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Button, DatePicker, Flex, Form, Input, Select } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { Page } from '@renda/shared';
import { api, type QueryParams } from '../app/api';
import { RemoteSelect, type RemoteSource } from './RemoteSelect';
import { ResponsiveTable, useIsPhone, type ResponsiveTableProps } from './ResponsiveTable';

export interface Option {
  value: string;
  label: string;
}

export type FilterField =
  | { kind: 'text'; param: string; label: string; placeholder?: string }
  | { kind: 'select'; param: string; label: string; options: Option[]; loading?: boolean }
  /** A long list searched on the server as the user types (stations, deputies, handling units). */
  | { kind: 'remote'; param: string; label: string; source: RemoteSource }
  | { kind: 'dateRange'; from: string; to: string; label: string };

const defaultPageSize = 20;
const pagingParams = ['page', 'pageSize'];

/**
 * A server-paged list whose query lives in the URL (page, pageSize and filters), so a list can be
 * shared as a link and Back returns to the same results. The URL's parameters are the API's query.
 */
export function usePagedList<T>(queryKey: QueryKey, path: string) {
  const [searchParams, setSearchParams] = useSearchParams();
  const params = Object.fromEntries(searchParams);
  const page = Number(params.page) || 1;
  const pageSize = Number(params.pageSize) || defaultPageSize;
  const filters = Object.fromEntries(Object.entries(params).filter(([key]) => !pagingParams.includes(key)));

  const query = useQuery({
    queryKey: [...queryKey, { ...filters, page, pageSize }],
    queryFn: () => api.get<Page<T>>(path, { ...filters, page, pageSize }),
    placeholderData: keepPreviousData,
  });

  /** Replaces the filters (undefined removes one) and goes back to the first page. */
  const setFilters = (changes: Record<string, string | undefined>) =>
    setSearchParams((previous) => {
      const next = new URLSearchParams(previous);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      next.delete('page');
      return next;
    });

  const setPage = (nextPage: number, nextPageSize: number) =>
    setSearchParams((previous) => {
      const next = new URLSearchParams(previous);
      next.set('page', String(nextPage));
      next.set('pageSize', String(nextPageSize));
      return next;
    });

  const clearFilters = () => setSearchParams({});

  return { query, filters, page, pageSize, setFilters, setPage, clearFilters };
}
export type PagedList<T> = ReturnType<typeof usePagedList<T>>;

const sectionPageSize = 10;

/**
 * A short server-paged list inside one section of a page (a campaign's visits, a unit's clues):
 * its page stays in the component, not the URL, which belongs to the page's main list. `params` filter
 * the list (and may set a larger pageSize for a picker that wants every row).
 * `pagination` fits an antd Table or List.
 */
export function useSectionPage<T>(queryKey: QueryKey, path: string, params: QueryParams = {}) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  // Filters go in `params`, never in `path`: a path with its own "?" got "?page=…" appended to it, which
  // turned the last filter into garbage and left the list empty.
  if (path.includes('?')) throw new Error(`useSectionPage: put the query of ${path} in params`);
  const query = useQuery({
    // The filters are part of the key: two lists of one section key with different filters (all of a
    // cycle's proposals, and only those still open) must not share one cached answer.
    queryKey: [...queryKey, params, { page }],
    queryFn: () => api.get<Page<T>>(path, { page, pageSize: sectionPageSize, ...params }),
    placeholderData: keepPreviousData,
  });
  const pagination = {
    current: page,
    pageSize: sectionPageSize,
    total: query.data?.total ?? 0,
    onChange: setPage,
    hideOnSinglePage: true,
    showTotal: (total: number) => t('common.total', { total }),
  };
  return { query, pagination };
}

type FormValues = Record<string, string | [Dayjs, Dayjs] | undefined>;

function fieldName(field: FilterField) {
  return field.kind === 'dateRange' ? field.from : field.param;
}

function toFormValues(fields: FilterField[], filters: Record<string, string>): FormValues {
  return Object.fromEntries(
    fields.map((field) => {
      if (field.kind !== 'dateRange') return [field.param, filters[field.param]];
      const from = filters[field.from];
      const to = filters[field.to];
      return [field.from, from && to ? [dayjs(from), dayjs(to)] : undefined];
    }),
  );
}

function toFilters(fields: FilterField[], values: FormValues): Record<string, string | undefined> {
  return Object.fromEntries(
    fields.flatMap((field) => {
      const value = values[fieldName(field)];
      if (field.kind !== 'dateRange') return [[field.param, typeof value === 'string' ? value.trim() : undefined]];
      const range = Array.isArray(value) ? value : undefined;
      return [
        [field.from, range?.[0].startOf('day').format()],
        [field.to, range?.[1].endOf('day').format()],
      ];
    }),
  );
}

/** Form.Item hands its control id, value and onChange (typed by the control itself): passed on to the real input. */
interface ControlProps {
  id?: string;
  value?: never;
  onChange?: never;
}

function FilterControl({ field, ...control }: ControlProps & { field: FilterField }) {
  const { t } = useTranslation();
  switch (field.kind) {
    case 'text':
      return <Input allowClear placeholder={field.placeholder} {...control} />;
    case 'select':
      return (
        <Select
          {...control}
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('common.all')}
          options={field.options}
          loading={field.loading}
          style={{ minWidth: '10em' }}
        />
      );
    case 'remote':
      return <RemoteSelect<string> {...control} allowClear placeholder={t('common.all')} source={field.source} />;
    case 'dateRange':
      return <DatePicker.RangePicker {...control} />;
  }
}

function FilterBar<T>({ fields, list }: { fields: FilterField[]; list: PagedList<T> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  // On a phone the filters stack, one under another, instead of running off the screen.
  const phone = useIsPhone();
  const filterKey = JSON.stringify(list.filters);
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(toFormValues(fields, list.filters));
    // The URL is the source of truth: refill the form only when it changes (Back, links, reset).
  }, [filterKey]);

  return (
    <Form
      form={form}
      name="filters"
      layout={phone ? 'vertical' : 'inline'}
      role="search"
      aria-label={t('common.filters')}
      className="filter-bar"
      onFinish={(values) => list.setFilters(toFilters(fields, values))}
    >
      {fields.map((field) => (
        <Form.Item key={fieldName(field)} name={fieldName(field)} label={field.label}>
          <FilterControl field={field} />
        </Form.Item>
      ))}
      <Form.Item>
        <Flex gap="small">
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
            {t('common.search')}
          </Button>
          <Button onClick={list.clearFilters}>{t('common.reset')}</Button>
        </Flex>
      </Form.Item>
    </Form>
  );
}

interface PagedTableProps<T> extends Omit<ResponsiveTableProps<T>, 'dataSource' | 'pagination' | 'loading'> {
  list: PagedList<T>;
  filters?: FilterField[];
  /** Shown between the filters and the table. */
  toolbar?: ReactNode;
}

/** The one list view: filters, the server's error if any, and a server-paged table (cards on a phone when given `card`). */
export function PagedTable<T extends object>({ list, filters, toolbar, expandable, ...tableProps }: PagedTableProps<T>) {
  const { t } = useTranslation();
  const { data, error, isFetching } = list.query;
  return (
    <Flex vertical gap="middle">
      {filters && filters.length > 0 && <FilterBar fields={filters} list={list} />}
      {toolbar}
      {error && <Alert type="error" showIcon message={error.message} />}
      <ResponsiveTable<T>
        rowKey="id"
        scroll={{ x: 'max-content' }}
        {...tableProps}
        expandable={expandable && { columnTitle: <span className="sr-only">{t('common.details')}</span>, ...expandable }}
        dataSource={data?.items}
        loading={isFetching}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t(data?.totalIsLowerBound ? 'common.totalAtLeast' : 'common.total', { total }),
          onChange: list.setPage,
        }}
      />
    </Flex>
  );
}
