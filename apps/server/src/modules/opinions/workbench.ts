import type { OpinionListItem, OpinionQuery, PageQuery, ReceivedOpinion, WorkbenchEntry, WorkbenchFigure } from '@renda/shared';
import type { Db } from '../../db/client.js';
import type { ActorContext } from '../../platform/context.js';
import type { ComparedPeriods } from '../../platform/periods.js';
import { figureEntry, todoEntry } from '../../platform/workbench.js';
import { pageInbox, pageReceived } from './service.js';

type Filter = Omit<OpinionQuery, 'page' | 'pageSize'>;
const module = 'opinions';

/** 群众意见's lines of the to-do list, per role; a unit's /opinions is its own list of opinions routed to it. */
export async function opinionTodos(db: Db, ctx: ActorContext): Promise<WorkbenchEntry[]> {
  const list = (q: OpinionQuery) => pageInbox(db, ctx, q);
  const entry = (key: string, label: string, filter: Filter, tone: WorkbenchEntry['tone'] = 'todo') =>
    todoEntry<Filter, OpinionListItem>({ key, module, label, page: '/opinions', filter, tone }, list);
  switch (ctx.actor.role) {
    case 'staff':
      return Promise.all([
        entry('opinions.submitted', '待受理的群众意见', { status: 'submitted' }),
        entry('opinions.returned', '承办单位退回待重新转办的意见', { status: 'returned' }),
        entry('opinions.overdue', '逾期未办结的群众意见', { overdue: 'true' }, 'overdue'),
      ]);
    case 'leader':
      return Promise.all([entry('opinions.overdue', '逾期未办结的群众意见', { overdue: 'true' }, 'overdue')]);
    case 'handling_unit':
      return Promise.all([
        entry('opinions.signFor', '待签收的群众意见', { status: 'routed' }),
        entry('opinions.reply', '已签收待答复的群众意见', { status: 'signed_for' }),
        entry('opinions.overdue', '逾期的群众意见', { overdue: 'true' }, 'overdue'),
      ]);
    case 'deputy':
      return [
        await todoEntry<Record<string, never>, ReceivedOpinion>(
          { key: 'opinions.received', module, label: '群众发给我的意见', page: '/opinions/received', filter: {}, tone: 'watch' },
          (q: PageQuery) => pageReceived(db, ctx, q),
        ),
      ];
    default:
      return [];
  }
}

/** 群众意见's figures that moved, for a leader's scope: opinions received, and of those the ones now overdue. */
export async function opinionFigures(db: Db, ctx: ActorContext, periods: ComparedPeriods): Promise<WorkbenchFigure[]> {
  if (ctx.actor.role !== 'leader') return [];
  const figure = (key: string, label: string, filter: Filter, riseIsBad = false) =>
    figureEntry<Filter>({ key, module, label, page: '/opinions', filter, riseIsBad }, periods, (q) => pageInbox(db, ctx, q));
  return Promise.all([
    figure('opinions.received', '收到的群众意见', {}),
    figure('opinions.receivedOverdue', '其中逾期未办结', { overdue: 'true' }, true),
  ]);
}
