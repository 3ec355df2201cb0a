import type { ReactNode } from 'react';
import { Result, Spin } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { Page } from '../../components/Page';

/** A detail page's record once loaded; a spinner before, "不存在或无权查看" (404) or the error after a failure. */
export function Loaded<T>({ query, children }: { query: UseQueryResult<T, Error>; children: (data: T) => ReactNode }) {
  const { t } = useTranslation();
  if (query.isPending) return <Spin />;
  if (!query.data)
    return (
      <Page title={t('error.notFoundTitle')}>
        <Result status={query.error instanceof ApiError && query.error.status === 404 ? '404' : 'error'} subTitle={query.error?.message} />
      </Page>
    );
  return children(query.data);
}
