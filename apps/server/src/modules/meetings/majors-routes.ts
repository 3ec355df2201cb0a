import {
  majorMatter,
  majorMatterActions,
  majorMatterInput,
  majorMatterState,
  pageOf,
  pageQuery,
  type MajorMatterActionInput,
} from '@renda/shared';
import { actorContext, requirePermission } from '../../platform/auth.js';
import { errorResponses, idParams, registerActionRoutes, sendDownload, type ModuleRoutes } from '../../platform/http.js';
import { followUpsOf, registerFollowUpSubject } from '../followups/index.js';
import { resolutionDocx } from './documents.js';
import * as service from './majors-service.js';

const tags = ['meetings'];

/** 重大事项决定: proposal, evaluation before the vote, the vote on a meeting's agenda, the decision (its follow-up tasks: modules/followups). */
export const majorMatterRoutes: ModuleRoutes = (app, deps) => {
  const {
    database: { db },
    notifier,
  } = deps;
  const read = { preValidation: requirePermission('meetings.read') };
  const manage = { preValidation: requirePermission('meetings.manage') };
  // A decision's implementation (公布与实施) is followed as tasks on the platform's follow-up component.
  registerFollowUpSubject('major_matter', service.matterFollowUps);

  app.get(
    '/api/major-matters',
    {
      ...read,
      schema: {
        tags,
        summary: '重大事项列表',
        querystring: pageQuery.extend({ state: majorMatterState.optional() }),
        response: { 200: pageOf(majorMatter), ...errorResponses },
      },
    },
    async (request) => service.pageMatters(db, actorContext(request), request.query),
  );
  app.get(
    '/api/major-matters/:id',
    { ...read, schema: { tags, summary: '重大事项详情', params: idParams, response: { 200: majorMatter, ...errorResponses } } },
    async (request) => service.getMatter(db, actorContext(request), request.params.id),
  );
  app.post(
    '/api/major-matters',
    {
      ...manage,
      schema: { tags, summary: '登记提请审议的重大事项', body: majorMatterInput, response: { 201: majorMatter, ...errorResponses } },
    },
    async (request, reply) => reply.status(201).send(await service.createMatter(db, actorContext(request), request.body)),
  );
  registerActionRoutes(app, majorMatterActions, {
    tags,
    route: manage,
    response: majorMatter,
    run: (request, id, action, input) => service.act(db, notifier, actorContext(request), id, action, input as MajorMatterActionInput),
  });
  app.get(
    '/api/major-matters/:id/resolution.docx',
    { ...read, schema: { tags, summary: '决定（决议）文本（Word）', params: idParams } },
    async (request, reply) => {
      const matter = await service.getMatter(db, actorContext(request), request.params.id);
      const tasks = await followUpsOf(db, { subjectType: 'major_matter', subjectId: matter.id });
      return sendDownload(reply, `关于${matter.title}的决定.docx`, await resolutionDocx(matter, tasks));
    },
  );
};
