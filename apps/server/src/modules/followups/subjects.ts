import type { FollowUpSubjectType } from '@renda/shared';
import type { Executor } from '../../db/client.js';
import type { ActorContext } from '../../platform/context.js';

/** The item a task belongs to, as the system reads it (for notices and the overdue reminder). */
export interface SubjectInfo {
  bodyId: string;
  /** How notices name the item: 《title》. */
  title: string;
  /** The page notices link to. */
  link: string;
}

/** What the signed-in user may do with the tasks of an item they can see. */
export interface SubjectAccess {
  /** Add tasks, record a unit's report for it, send a report back: the staff who run the item. */
  manage: boolean;
  /** Why no task may be added now (a matter not yet decided, an item closed); null when tasks may be added. */
  addRefusal?: string | null;
  /** What a task added now records as raised it (a supervision item's current stage). */
  origin?: string | null;
}

/**
 * What a module registers for each kind of item it hangs follow-up tasks on. The follow-up component knows
 * no module: the owner answers whether the actor sees the item (its own scope and roles), who manages it,
 * and which deadline rule dates a task given no date.
 */
export interface FollowUpSubjectSource {
  describe(db: Executor, subjectId: string): Promise<SubjectInfo | null | undefined>;
  /** Null when the actor may not see the item (answered with 404). */
  access(db: Executor, ctx: ActorContext, subjectId: string): Promise<SubjectAccess | null>;
  /** The key of a deadline rule (`defineDeadlineRule`); the component's own default when absent. */
  deadlineRule?: string;
}

const sources = new Map<FollowUpSubjectType, FollowUpSubjectSource>();

export function registerFollowUpSubject(type: FollowUpSubjectType, source: FollowUpSubjectSource) {
  sources.set(type, source);
}

export function subjectSource(type: FollowUpSubjectType): FollowUpSubjectSource {
  const source = sources.get(type);
  if (!source) throw new Error(`no follow-up subject registered for ${type}`);
  return source;
}
