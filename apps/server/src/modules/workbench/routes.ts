import { workbench } from '@renda/shared';
import { actorContext, requirePermission } from '../../platform/auth.js';
import { errorResponses, type ModuleRoutes } from '../../platform/http.js';
import { workbenchOf } from './service.js';

export const workbenchRoutes: ModuleRoutes = (app, { database: { db } }) => {
  app.get(
    '/api/workbench',
    {
      preValidation: requirePermission('workbench.read'),
      schema: {
        tags: ['platform'],
        summary: '工作台待办：按角色汇总各模块待办件数，每项链接到同样筛选的列表',
        response: { 200: workbench, ...errorResponses },
      },
    },
    async (request) => workbenchOf(db, actorContext(request)),
  );
};
