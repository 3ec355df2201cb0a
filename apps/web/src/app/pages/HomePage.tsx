import { Card, Descriptions, List } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { can } from '@renda/shared';
import { Page } from '../../components/Page';
import { useCurrentUser } from '../auth/session';
import { adminNav, moduleNav } from '../navigation';

/** The workbench: who you are and where to go. Figures come with the modules that count them. */
export function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const admin = adminNav.filter((item) => can(user.role, item.permission));

  return (
    <Page title={t('home.title')}>
      <Card title={<h2 className="card-heading">{t('home.greeting', { name: user.displayName })}</h2>}>
        <Descriptions column={1}>
          <Descriptions.Item label={t('home.role')}>{t(`role.${user.role}`)}</Descriptions.Item>
          <Descriptions.Item label={t('home.body')}>{user.bodyName}</Descriptions.Item>
          {user.handlingUnitName && <Descriptions.Item label={t('home.handlingUnit')}>{user.handlingUnitName}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card className="section-card" title={<h2 className="card-heading">{t('home.modules')}</h2>}>
        <List
          grid={{ gutter: 16, xs: 1, sm: 2, md: 3 }}
          dataSource={moduleNav}
          renderItem={(m) => (
            <List.Item>
              <Link to={m.path}>
                {m.icon} {t(`module.${m.key}`)}
              </Link>
            </List.Item>
          )}
        />
      </Card>
      {admin.length > 0 && (
        <Card className="section-card" title={<h2 className="card-heading">{t('home.admin')}</h2>}>
          <List
            grid={{ gutter: 16, xs: 1, sm: 2, md: 3 }}
            dataSource={admin}
            renderItem={(item) => (
              <List.Item>
                <Link to={item.path}>
                  {item.icon} {t(item.label)}
                </Link>
              </List.Item>
            )}
          />
        </Card>
      )}
    </Page>
  );
}
