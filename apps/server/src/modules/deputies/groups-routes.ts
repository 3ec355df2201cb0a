import { z } from 'zod';
import {
  deputyGroup,
  deputyGroupDetail,
  deputyGroupInput,
  gridCell,
  gridCellInput,
  gridCellQuery,
  groupMembersInput,
  groupQuery,
  pageOf,
} from '@renda/shared';
import { actorContext, requirePermission } from '../../platform/auth.js';
import { errorResponses, idParams, type ModuleRoutes } from '../../platform/http.js';
import * as groups from './groups-service.js';

const tags = ['deputies'];

/** 代表小组、专业小组 and grid cells (网格) with their deputies. */
export const groupRoutes: ModuleRoutes = (app, { database: { db } }) => {
  const read = { preValidation: requirePermission('deputies.read') };
  const manage = { preValidation: requirePermission('deputies.manage') };

  app.get(
    '/api/deputy-groups',
    {
      ...read,
      schema: { tags, summary: '代表小组、专业小组', querystring: groupQuery, response: { 200: pageOf(deputyGroup), ...errorResponses } },
    },
    async (request) => groups.pageGroups(db, actorContext(request), request.query),
  );
  app.get(
    '/api/deputy-groups/:id',
    { ...read, schema: { tags, summary: '小组详情与成员', params: idParams, response: { 200: deputyGroupDetail, ...errorResponses } } },
    async (request) => groups.getGroup(db, actorContext(request), request.params.id),
  );
  app.post(
    '/api/deputy-groups',
    { ...manage, schema: { tags, summary: '新建小组', body: deputyGroupInput, response: { 201: deputyGroupDetail, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await groups.createGroup(db, actorContext(request), request.body)),
  );
  app.patch(
    '/api/deputy-groups/:id',
    {
      ...manage,
      schema: {
        tags,
        summary: '修改小组',
        params: idParams,
        body: deputyGroupInput,
        response: { 200: deputyGroupDetail, ...errorResponses },
      },
    },
    async (request) => groups.updateGroup(db, actorContext(request), request.params.id, request.body),
  );
  app.put(
    '/api/deputy-groups/:id/members',
    {
      ...manage,
      schema: {
        tags,
        summary: '设置小组成员与组长',
        params: idParams,
        body: groupMembersInput,
        response: { 200: deputyGroupDetail, ...errorResponses },
      },
    },
    async (request) => groups.setMembers(db, actorContext(request), request.params.id, request.body),
  );
  app.delete(
    '/api/deputy-groups/:id',
    { ...manage, schema: { tags, summary: '删除小组', params: idParams, response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      await groups.deleteGroup(db, actorContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/grid-cells',
    {
      ...read,
      schema: {
        tags,
        summary: '网格（村、社区）与入格代表',
        querystring: gridCellQuery,
        response: { 200: pageOf(gridCell), ...errorResponses },
      },
    },
    async (request) => groups.pageGridCells(db, actorContext(request), request.query),
  );
  app.post(
    '/api/grid-cells',
    { ...manage, schema: { tags, summary: '新建网格', body: gridCellInput, response: { 201: gridCell, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await groups.createGridCell(db, actorContext(request), request.body)),
  );
  app.put(
    '/api/grid-cells/:id/deputies',
    {
      ...manage,
      schema: {
        tags,
        summary: '设置网格的联系代表',
        params: idParams,
        body: z.object({ deputyIds: z.array(z.uuid()).max(50) }),
        response: { 200: gridCell, ...errorResponses },
      },
    },
    async (request) => groups.setCellDeputies(db, actorContext(request), request.params.id, request.body.deputyIds),
  );
};
