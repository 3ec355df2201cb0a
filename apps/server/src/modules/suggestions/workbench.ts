import {
  assignmentStateLabel,
  suggestionStateLabel,
  type SuggestionListItem,
  type SuggestionQuery,
  type UnitAssignmentItem,
  type UnitAssignmentQuery,
  type WorkbenchEntry,
  type WorkbenchFigure,
} from '@renda/shared';
import type { Db } from '../../db/client.js';
import type { ActorContext } from '../../platform/context.js';
import type { ComparedPeriods } from '../../platform/periods.js';
import { figureEntry, todoEntry } from '../../platform/workbench.js';
import { page, pageUnitAssignments } from './service.js';

type Filter = Omit<SuggestionQuery, 'page' | 'pageSize'>;
type UnitFilter = Omit<UnitAssignmentQuery, 'page' | 'pageSize'>;

const module = 'suggestions';
const titled = (s: { numberLabel: string | null; title: string }) => (s.numberLabel ? `${s.numberLabel} ${s.title}` : s.title);
const asItem = (s: SuggestionListItem) => ({
  id: s.id,
  title: titled(s),
  state: suggestionStateLabel[s.state],
  dueAt: s.dueAt,
  link: `/suggestions/${s.id}`,
});
const asUnitItem = (s: UnitAssignmentItem) => ({
  id: s.id,
  title: titled(s),
  state: assignmentStateLabel[s.assignment.state],
  dueAt: s.assignment.dueAt,
  link: `/suggestions/${s.id}`,
});

/** 建议议案's lines of the to-do list, per role; each count is the total of the list it opens. */
export async function suggestionTodos(db: Db, ctx: ActorContext): Promise<WorkbenchEntry[]> {
  const list = (q: SuggestionQuery) => page(db, ctx, q);
  const unitList = (q: UnitAssignmentQuery) => pageUnitAssignments(db, ctx, q);
  const entry = (key: string, label: string, filter: Filter, tone: WorkbenchEntry['tone'] = 'todo') =>
    todoEntry<Filter, SuggestionListItem>({ key, module, label, page: '/suggestions', filter, tone }, list);
  const unitEntry = (key: string, label: string, filter: UnitFilter, tone: WorkbenchEntry['tone'] = 'todo') =>
    todoEntry<UnitFilter, UnitAssignmentItem>({ key, module, label, page: '/suggestions/assigned', filter, tone }, unitList);
  switch (ctx.actor.role) {
    case 'staff':
      return Promise.all([
        entry('suggestions.submitted', '待审核的建议议案', { state: 'submitted' }),
        entry('suggestions.accepted', '待交办的建议议案', { state: 'accepted' }),
        entry('suggestions.reassignment', '待审定的调整承办单位申请', { awaiting: 'reassignment' }),
        entry('suggestions.extension', '待审批的延期申请', { awaiting: 'extension' }),
        entry('suggestions.overdue', '逾期未答复的建议议案', { overdue: 'true' }, 'overdue'),
      ]);
    case 'leader':
      return Promise.all([
        todoEntry<Filter, SuggestionListItem>(
          {
            key: 'suggestions.supervised',
            module,
            label: '我督办的重点建议',
            page: '/suggestions',
            filter: { supervisedByMe: 'true' },
            tone: 'watch',
            items: { count: 5, item: asItem },
          },
          list,
        ),
        entry('suggestions.overdue', '逾期未答复的建议议案', { overdue: 'true' }, 'overdue'),
      ]);
    case 'deputy':
      return Promise.all([
        entry('suggestions.cosign', '待回复的联名邀请', { awaiting: 'cosign' }),
        entry('suggestions.rating', '待测评的办理答复', { awaiting: 'rating' }),
        entry('suggestions.returned', '被退回待修改的建议', { state: 'returned' }),
      ]);
    case 'handling_unit':
      return Promise.all([
        unitEntry('suggestions.signFor', '待签收的建议议案', { state: 'assigned' }),
        todoEntry<UnitFilter, UnitAssignmentItem>(
          {
            key: 'suggestions.due',
            module,
            label: '待答复（期限最近的在前）',
            page: '/suggestions/assigned',
            filter: { pending: 'true', sort: 'due' },
            items: { count: 5, item: asUnitItem },
          },
          unitList,
        ),
        unitEntry('suggestions.jointOpinion', '待提交的会办意见', { role: 'joint', state: 'signed_for' }),
        unitEntry('suggestions.overdue', '逾期的建议议案', { overdue: 'true' }, 'overdue'),
      ]);
    default:
      return [];
  }
}

/** 建议议案's figures that moved, for a leader's scope: suggestions and motions submitted, and of those the ones now overdue. */
export async function suggestionFigures(db: Db, ctx: ActorContext, periods: ComparedPeriods): Promise<WorkbenchFigure[]> {
  if (ctx.actor.role !== 'leader') return [];
  const figure = (key: string, label: string, filter: Filter, riseIsBad = false) =>
    figureEntry<Filter>({ key, module, label, page: '/suggestions', filter, riseIsBad }, periods, (q) => page(db, ctx, q));
  return Promise.all([
    figure('suggestions.submitted', '提交的建议议案', {}),
    figure('suggestions.submittedOverdue', '其中逾期未答复', { overdue: 'true' }, true),
  ]);
}
