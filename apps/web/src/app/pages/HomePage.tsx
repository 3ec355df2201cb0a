import { Card, Descriptions, Flex, List, Statistic } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { can, type CurrentUser, type Role } from '@renda/shared';
import { Page } from '../../components/Page';
import { api } from '../api';
import { useCurrentUser } from '../auth/session';
import { adminNav, moduleNav } from '../navigation';

interface OverdueCount {
  key: 'opinions' | 'assignedOpinions' | 'suggestions' | 'assignedSuggestions';
  /** The list the count comes from, and the page that shows the same items. */
  api: string;
  page: string;
  roles: readonly Role[];
}

/** Overdue work by role: the inbox and the suggestions for the congress, the unit's own lists for a unit. */
const overdueCounts: OverdueCount[] = [
  { key: 'opinions', api: '/api/opinions', page: '/opinions?overdue=true', roles: ['staff', 'leader'] },
  { key: 'assignedOpinions', api: '/api/opinions/assigned', page: '/opinions?overdue=true', roles: ['handling_unit'] },
  { key: 'suggestions', api: '/api/suggestions', page: '/suggestions?overdue=true', roles: ['staff', 'leader'] },
  { key: 'assignedSuggestions', api: '/api/suggestions/assigned', page: '/suggestions/assigned?overdue=true', roles: ['handling_unit'] },
];

function Overdue({ count }: { count: OverdueCount }) {
  const { t } = useTranslation();
  const total = useQuery({
    queryKey: ['home', 'overdue', count.key],
    queryFn: () => api.get<{ total: number }>(count.api, { overdue: 'true', pageSize: 1 }),
  });
  return (
    <Link to={count.page}>
      <Statistic title={t(`home.overdue.${count.key}`)} value={total.data?.total ?? '—'} suffix={t('home.overdue.unit')} />
    </Link>
  );
}

/** 逾期提醒 on the workbench: what is past its deadline in this user's scope, each linking to the list. */
function OverdueCard({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const counts = overdueCounts.filter((c) => c.roles.includes(user.role));
  if (counts.length === 0) return null;
  return (
    <Card className="section-card" title={<h2 className="card-heading">{t('home.overdue.title')}</h2>}>
      <Flex gap="large" wrap>
        {counts.map((c) => (
          <Overdue key={c.key} count={c} />
        ))}
      </Flex>
    </Card>
  );
}

/** The workbench: who you are, what is overdue, and where to go. */
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
      <OverdueCard user={user} />
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
