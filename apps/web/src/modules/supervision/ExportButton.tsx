import { Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** 导出Excel on a supervision list: a plain link, so the browser downloads the file under the server's Chinese name. */
export function ExportButton({ href }: { href: string }) {
  const { t } = useTranslation();
  return (
    <Button icon={<DownloadOutlined />} href={href}>
      {t('supervision.exportExcel')}
    </Button>
  );
}
