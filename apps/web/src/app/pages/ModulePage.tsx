import { Result } from 'antd';
import { ToolOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { PlatformModuleKey } from '@renda/shared';
import { Page } from '../../components/Page';

/** A module that is not built yet says so plainly. */
export function ModulePage({ moduleKey }: { moduleKey: PlatformModuleKey }) {
  const { t } = useTranslation();
  const name = t(`module.${moduleKey}`);
  return (
    <Page title={name}>
      <Result icon={<ToolOutlined />} title={t('placeholder.status')} subTitle={t('placeholder.description', { name })} />
    </Page>
  );
}
