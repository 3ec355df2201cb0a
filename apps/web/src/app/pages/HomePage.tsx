import { Badge, Card, Descriptions, Empty, Flex, List, Skeleton, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { can, deputyTitle, type Workbench, type WorkbenchEntry } from '@renda/shared';
import { Page } from '../../components/Page';
import { formatDateTime } from '../../components/format';
import { DueDate } from '../../components/ProvisionalTag';
import { api } from '../api';
import { useCurrentUser } from '../auth/session';
import { adminNav, moduleNav } from '../navigation';

/** The to-do list refreshes every minute and whenever the user comes back to the tab. */
const REFRESH_MS = 60_000;

export const workbenchKey = ['workbench'] as const;

function useWorkbench() {
  return useQuery({
    queryKey: workbenchKey,
    queryFn: () => api.get<Workbench>('/api/workbench'),
    refetchInterval: REFRESH_MS,
    refetchOnWindowFocus: true,
  });
}

const toneColour: Record<WorkbenchEntry['tone'], string> = { todo: '#1668dc', overdue: '#cf1322', watch: '#595959' };

/** One line: what waits, how many, opening the list that shows exactly those; items listed under it when given. */
function TodoLine({ entry }: { entry: WorkbenchEntry }) {
  const { t } = useTranslation();
  const idle = entry.count === 0 && entry.tone !== 'todo';
  return (
    <List.Item className="todo-line">
      <Flex vertical gap={4} style={{ width: '100%' }}>
        <Link to={entry.link} className={idle ? 'todo-link todo-idle' : 'todo-link'}>
          <span>{entry.label}</span>
          <Badge
            count={entry.count}
            showZero
            overflowCount={999}
            color={entry.count === 0 ? '#8c8c8c' : toneColour[entry.tone]}
            aria-hidden
          />
          <span className="sr-only">{t('home.todo.count', { count: entry.count })}</span>
        </Link>
        {entry.items && entry.items.length > 0 && (
          <ul className="todo-items">
            {entry.items.map((item) => (
              <li key={item.id}>
                <Link to={item.link}>{item.title}</Link> <Tag>{item.state}</Tag>
                {item.dueAt && (
                  <Typography.Text type="secondary">
                    {item.dateKind === 'meeting' ? (
                      // A meeting's day is set by its notice, not counted in working days: no 暂定 mark.
                      <>
                        {t('home.todo.meetingDate')} {formatDateTime(item.dueAt).slice(0, 10)}
                      </>
                    ) : (
                      <>
                        {t('home.todo.due')} <DueDate at={item.dueAt} />
                      </>
                    )}
                  </Typography.Text>
                )}
              </li>
            ))}
          </ul>
        )}
      </Flex>
    </List.Item>
  );
}

/** 待办事项: the user's to-do lines from every module, from GET /api/workbench. */
function TodoCard() {
  const { t } = useTranslation();
  const workbench = useWorkbench();
  const entries = workbench.data?.entries ?? [];
  return (
    <Card className="section-card" title={<h2 className="card-heading">{t('home.todo.title')}</h2>}>
      {workbench.isPending ? (
        <Skeleton active />
      ) : entries.length === 0 ? (
        <Empty description={t('home.todo.none')} />
      ) : (
        <List className="todo-list" dataSource={entries} rowKey="key" renderItem={(entry) => <TodoLine entry={entry} />} />
      )}
    </Card>
  );
}

/** The workbench: the to-do list first, then who you are and where to go. */
export function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const admin = adminNav.filter((item) => can(user.role, item.permission));

  return (
    <Page title={t('home.title')}>
      <Typography.Paragraph>
        {t('home.greeting', { name: user.displayName })}
        {user.role !== 'admin' && <TodoHint />}
      </Typography.Paragraph>
      {user.role !== 'admin' && <TodoCard />}
      <Card className="section-card" title={<h2 className="card-heading">{t('home.about')}</h2>}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('home.role')}>{t(`role.${user.role}`)}</Descriptions.Item>
          {/* A deputy is a deputy of the people's congress, not a member of its standing committee (the account's body);
              a handling unit is a government department the body assigns work to, not part of it. */}
          {user.role === 'deputy' ? (
            <Descriptions.Item label={t('home.deputyOf')}>{deputyTitle(user.bodyName)}</Descriptions.Item>
          ) : (
            <Descriptions.Item label={t(user.role === 'handling_unit' ? 'home.assigningBody' : 'home.body')}>
              {user.bodyName}
            </Descriptions.Item>
          )}
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

function TodoHint() {
  const { t } = useTranslation();
  return <span>{t('home.todo.hint')}</span>;
}
