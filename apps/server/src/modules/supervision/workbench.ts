import type { ItemQuery, PointQuery, SupervisionItemSummary, SupervisionPoint, WorkbenchEntry } from '@renda/shared';
import type { Db } from '../../db/client.js';
import type { ActorContext } from '../../platform/context.js';
import { endOfChinaDay } from '../../platform/deadlines.js';
import { todoEntry } from '../../platform/workbench.js';
import { listItems } from './item-service.js';
import { listPoints } from './point-service.js';

type Filter = Omit<PointQuery, 'page' | 'pageSize'>;

const asItem = (p: SupervisionPoint) => ({
  id: p.id,
  title: `${p.number} ${p.content.length > 40 ? `${p.content.slice(0, 40)}…` : p.content}`,
  state: p.stateLabel,
  dueAt: endOfChinaDay(p.dueOn).toISOString(),
  link: `/supervision/points?itemId=${p.itemId}`,
});

/** The items whose current stage is past its due date (the items list, filtered the same way). */
const overdueStages = (db: Db, ctx: ActorContext) =>
  todoEntry<Pick<ItemQuery, 'overdue'>, SupervisionItemSummary>(
    {
      key: 'supervision.stageOverdue',
      module: 'supervision',
      label: '阶段逾期的监督事项',
      page: '/supervision/items',
      filter: { overdue: 'true' },
      tone: 'overdue',
      items: {
        count: 3,
        item: (i) => ({
          id: i.id,
          title: i.subject,
          state: i.stageLabel,
          dueAt: endOfChinaDay(i.stageDueOn!).toISOString(),
          link: `/supervision/items/${i.id}`,
        }),
      },
    },
    (q) => listItems(db, ctx, q),
  );

/**
 * 监督工作's lines of the to-do list (清单式督办): the organ's points to rectify, nearest deadline first;
 * the answers staff must judge; the overdue points for staff and leaders. Each count is the total of the
 * points list it opens, with the same filter. Staff and leaders also see the items whose current stage is
 * past its due date.
 */
export async function supervisionTodos(db: Db, ctx: ActorContext): Promise<WorkbenchEntry[]> {
  const entry = (key: string, label: string, filter: Filter, tone: WorkbenchEntry['tone'] = 'todo', items = 0) =>
    todoEntry<Filter, SupervisionPoint>(
      {
        key,
        module: 'supervision',
        label,
        page: '/supervision/points',
        filter,
        tone,
        ...(items ? { items: { count: items, item: asItem } } : {}),
      },
      (q) => listPoints(db, ctx, q),
    );
  switch (ctx.actor.role) {
    case 'handling_unit':
      return Promise.all([
        entry('supervision.open', '待整改报送的审议意见', { state: 'open' }, 'todo', 3),
        entry('supervision.overdue', '逾期未整改的审议意见', { state: 'open', overdue: 'true' }, 'overdue'),
      ]);
    case 'staff':
      return Promise.all([
        entry('supervision.answered', '待认定的整改情况', { state: 'answered' }),
        entry('supervision.overdue', '逾期未整改的审议意见', { state: 'open', overdue: 'true' }, 'overdue'),
        overdueStages(db, ctx),
      ]);
    case 'leader':
      return Promise.all([
        entry('supervision.overdue', '逾期未整改的审议意见', { state: 'open', overdue: 'true' }, 'overdue'),
        overdueStages(db, ctx),
      ]);
    default:
      return [];
  }
}
