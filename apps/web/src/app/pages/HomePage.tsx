import { Badge, Card, Descriptions, Empty, Flex, List, Skeleton, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { can, deputyTitle, type Workbench, type WorkbenchEntry, type WorkbenchFigure } from '@renda/shared';
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

/** The figures that moved, for the roles that have them (leaders); the same request as the to-do list. */
function MovedFigures() {
  const figures = useWorkbench().data?.figures ?? [];
  return figures.length > 0 ? <FiguresCard figures={figures} /> : null;
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

/** Up in red when a rise is bad news (overdue items), in green when it is good; grey when unchanged. */
function changeColour(figure: WorkbenchFigure): string {
  if (figure.change === 0) return '#595959';
  return figure.change > 0 === figure.riseIsBad ? '#cf1322' : '#237804';
}

/** One figure: this period's count, opening the list filtered to the period, and its change since the last. */
function FigureTile({ figure }: { figure: WorkbenchFigure }) {
  const { t } = useTranslation();
  const arrow = figure.change > 0 ? '↑' : figure.change < 0 ? '↓' : '';
  const change = figure.change === 0 ? t('home.figures.same') : `${arrow}${Math.abs(figure.change)}`;
  return (
    <Link to={figure.link} className="figure-tile">
      <span className="figure-label">{figure.label}</span>
      <span className="figure-value">{figure.current}</span>
      <span className="figure-change" style={{ color: changeColour(figure) }}>
        {change}
        <span className="figure-label"> {t('home.figures.previous', { count: figure.previous })}</span>
      </span>
    </Link>
  );
}

/** 数据变化: the leader's figures this month so far against the same days of last month, from GET /api/workbench. */
function FiguresCard({ figures }: { figures: WorkbenchFigure[] }) {
  const { t } = useTranslation();
  const { period, previousPeriod } = figures[0]!;
  return (
    <Card className="section-card" title={<h2 className="card-heading">{t('home.figures.title')}</h2>}>
      <Typography.Paragraph type="secondary">
        {t('home.figures.periods', { from: period.from, to: period.to, previousFrom: previousPeriod.from, previousTo: previousPeriod.to })}
      </Typography.Paragraph>
      <div className="figure-row">
        {figures.map((figure) => (
          <FigureTile key={figure.key} figure={figure} />
        ))}
      </div>
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
      <MovedFigures />
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
