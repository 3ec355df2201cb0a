import { useEffect, type ReactNode } from 'react';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface PageProps {
  title: string;
  /** Buttons beside the heading. */
  extra?: ReactNode;
  children?: ReactNode;
}

export function useDocumentTitle(title: string) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} - ${t('app.name')}`;
  }, [title, t]);
}

/** Every page: its <h1> and the document title, then its content. */
export function Page({ title, extra, children }: PageProps) {
  useDocumentTitle(title);
  return (
    <>
      <Flex className="page-head" gap="middle" wrap align="center" justify="space-between">
        <Typography.Title level={1}>{title}</Typography.Title>
        {extra && (
          <Flex gap="small" wrap>
            {extra}
          </Flex>
        )}
      </Flex>
      {children}
    </>
  );
}
