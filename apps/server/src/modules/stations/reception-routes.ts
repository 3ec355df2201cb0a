import { z } from 'zod';
import { receptionActions, receptionSession, sessionInput, type ActionSet, type ReceptionAction } from '@renda/shared';
import { actorContext, requirePermission } from '../../platform/auth.js';
import { errorResponses, idParams, type ModuleRoutes, registerActionRoutes, sendDownload } from '../../platform/http.js';
import * as receptions from './receptions-service.js';

const tags = ['stations'];

/** Some of a set's actions, for registering them under a permission of their own. */
const only = <A extends string>(set: ActionSet<A>, actions: readonly A[]): ActionSet<A> => ({
  resource: set.resource,
  actions: Object.fromEntries(actions.map((a) => [a, set.actions[a]])) as ActionSet<A>['actions'],
});

/** Reception sessions (进站接待): opened by staff, signed in to by deputies, closed into the duty log. */
export const receptionRoutes: ModuleRoutes = (app, { database: { db }, notifier }) => {
  const read = { preValidation: requirePermission('stations.read') };
  const manage = { preValidation: requirePermission('stations.manage') };

  app.get(
    '/api/stations/:id/sessions',
    {
      ...read,
      schema: {
        tags,
        summary: '接待记录（最近 100 场）',
        params: idParams,
        response: { 200: z.object({ items: z.array(receptionSession) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await receptions.listSessions(db, actorContext(request), request.params.id) }),
  );
  app.get(
    '/api/stations/:id/sessions/export.xlsx',
    { ...manage, schema: { tags, summary: '导出接待记录及群众反映事项（含联系方式，仅机关可导出）', params: idParams } },
    async (request, reply) => {
      const { name, data } = await receptions.exportSessions(db, actorContext(request), request.params.id);
      return sendDownload(reply, `${name}接待记录.xlsx`, data);
    },
  );
  app.post(
    '/api/stations/:id/sessions',
    {
      ...manage,
      schema: {
        tags,
        summary: '开始一场接待',
        params: idParams,
        body: sessionInput,
        response: { 201: receptionSession, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await receptions.openSession(db, actorContext(request), request.params.id, request.body)),
  );
  app.get(
    '/api/reception-sessions/:id',
    { ...read, schema: { tags, summary: '接待详情', params: idParams, response: { 200: receptionSession, ...errorResponses } } },
    async (request) => receptions.getSession(db, actorContext(request), request.params.id),
  );

  // A deputy signs in from their phone (stations.read); recording concerns and closing are the office's.
  const act = (request: Parameters<typeof actorContext>[0], id: string, action: ReceptionAction, input: Record<string, unknown>) =>
    receptions.act(db, notifier, actorContext(request), id, action, input);
  registerActionRoutes(app, only(receptionActions, ['signIn']), { tags, route: read, response: receptionSession, run: act });
  registerActionRoutes(app, only(receptionActions, ['addConcern', 'close']), { tags, route: manage, response: receptionSession, run: act });
};
