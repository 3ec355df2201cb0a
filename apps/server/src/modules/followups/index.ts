/**
 * The follow-up task component (落实任务) for other modules: a module registers each kind of item it hangs
 * tasks on (`registerFollowUpSubject`: who sees the item, who manages it, its deadline rule), creates tasks
 * inside its own transaction (`addFollowUps`, e.g. from an inspection's findings) and reads them for its
 * documents (`followUpsOf`). The routes, the workflow and the overdue reminder live here; this module
 * imports no other module.
 */
export { registerFollowUpSubject, type FollowUpSubjectSource, type SubjectAccess, type SubjectInfo } from './subjects.js';
export { addTasks as addFollowUps, tasksOf as followUpsOf, type NewFollowUp } from './service.js';
