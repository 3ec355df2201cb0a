import {
  followUpActions,
  followUpSubject,
  followUpTask,
  followUpTaskInput,
  followUpTaskList,
  type FollowUpAction,
  type FollowUpActionInput,
} from '@renda/shared';
import { actorContext, requirePermission } from '../../platform/auth.js';
import { errorResponses, registerActionRoutes, type ModuleRoutes } from '../../platform/http.js';
import { registerProvisionalDeadlines } from '../../platform/provisional-deadlines.js';
import { followUpDeadlines, remindOverdueTasks } from './reminders.js';
import * as service from './service.js';
import { registerAuditTitles } from '../../platform/audit.js';
import { auditTitleSources } from './repository.js';

const tags = ['platform'];

/**
 * 落实任务: one set of routes for the follow-up tasks of every module. The permission admits every signed-in
 * role; who sees, sets and completes the tasks of an item is the owning module's answer (subjects.ts).
 */
export const followUpRoutes: ModuleRoutes = (app, { database: { db }, notifier, jobs }) => {
  registerAuditTitles(auditTitleSources);
  const use = { preValidation: requirePermission('followUps.use') };
  // 09:00 China time every day: a task past its deadline is reminded once to its unit and the staff.
  // Entering a year of the official calendar recounts the working-day deadlines running into it.
  registerProvisionalDeadlines(followUpDeadlines);
  jobs.define({ name: 'follow-up-deadlines', cron: '0 1 * * *', handler: async () => void (await remindOverdueTasks(db, notifier)) });

  app.get(
    '/api/follow-up-tasks',
    {
      ...use,
      schema: { tags, summary: '某事项的落实任务', querystring: followUpSubject, response: { 200: followUpTaskList, ...errorResponses } },
    },
    async (request) => service.listTasks(db, actorContext(request), request.query),
  );
  app.post(
    '/api/follow-up-tasks',
    {
      ...use,
      schema: {
        tags,
        summary: '布置落实任务（责任单位或责任人；期限为日期、工作日数或本级期限规则）',
        body: followUpTaskInput,
        response: { 201: followUpTask, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createTask(db, notifier, actorContext(request), request.body)),
  );
  registerActionRoutes(app, followUpActions, {
    tags,
    route: use,
    response: followUpTask,
    run: (request, id, action, input) =>
      service.act(db, notifier, actorContext(request), id, action as FollowUpAction, input as FollowUpActionInput),
  });
};
