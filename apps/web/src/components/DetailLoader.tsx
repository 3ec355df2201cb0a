import type { ReactNode } from 'react';
import { Result, Spin } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api';
import { Page } from './Page';

interface DetailLoaderProps<T> {
  /** The detail page's query for its one record. */
  query: UseQueryResult<T, Error>;
  /** The page title shown when the record cannot be loaded; defaults to "不存在或无权查看". */
  notFoundTitle?: string;
  /**
   * When a later refetch fails (e.g. the record was handed to another unit and is no longer
   * visible): true keeps showing the record last loaded, false shows the failure instead.
   */
  keepDataOnError?: boolean;
  children: (data: T) => ReactNode;
}

/** A detail page's record once loaded; a spinner before, a 404 Result (not found or not allowed) or the error after a failure. */
export function DetailLoader<T>({ query, notFoundTitle, keepDataOnError = true, children }: DetailLoaderProps<T>) {
  const { t } = useTranslation();
  if (query.isPending) return <Spin />;
  if (query.data === undefined || (query.error && !keepDataOnError))
    return (
      <Page title={notFoundTitle ?? t('error.notFoundTitle')}>
        <Result status={query.error instanceof ApiError && query.error.status === 404 ? '404' : 'error'} subTitle={query.error?.message} />
      </Page>
    );
  return children(query.data);
}
