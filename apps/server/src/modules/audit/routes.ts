import { auditEvent, auditExportQuery, auditQuery, pageOf } from '@renda/shared';
import { actorContext, requirePermission } from '../../platform/auth.js';
import { clock } from '../../platform/clock.js';
import { errorResponses, type ModuleRoutes, sendDownload } from '../../platform/http.js';
import * as service from './service.js';
import { chinaDate } from '../../platform/deadlines.js';

export const auditRoutes: ModuleRoutes = (app, { database: { db } }) => {
  const guard = { preValidation: requirePermission('audit.read') };

  app.get(
    '/api/audit',
    {
      ...guard,
      schema: {
        tags: ['admin'],
        summary: '审计日志（全流程留痕）',
        querystring: auditQuery,
        response: { 200: pageOf(auditEvent), ...errorResponses },
      },
    },
    async (request) => service.pageAuditEvents(db, actorContext(request), request.query),
  );

  app.get(
    '/api/audit/export',
    {
      ...guard,
      schema: {
        tags: ['admin'],
        summary: '导出审计日志（Excel，最多 5 万条）',
        querystring: auditExportQuery,
      },
    },
    async (request, reply) => {
      const file = await service.exportAuditEvents(db, actorContext(request), request.query);
      const day = chinaDate(clock.now());
      return sendDownload(reply, `审计日志-${day}.xlsx`, file);
    },
  );
};
