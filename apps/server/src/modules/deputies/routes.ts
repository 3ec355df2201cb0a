import type { ModuleRoutes } from '../../platform/http.js';
import { codeRoutes } from './code-routes.js';
import * as duties from './duties-service.js';
import { dutyRoutes } from './duties-routes.js';
import { groupRoutes } from './groups-routes.js';
import { performanceRoutes } from './performance-routes.js';
import { photoRoutes } from './photo-routes.js';
import { registryRoutes } from './registry-routes.js';
import * as service from './service.js';
import { registerAuditTitles } from '../../platform/audit.js';
import { auditTitleSources } from './repository.js';

/** The deputies module's routes, one file per area. */
export const deputyRoutes: ModuleRoutes = async (app, deps) => {
  registerAuditTitles(auditTitleSources);
  deps.attachments.registerOwner('duty_record', (tx, ctx, id) => duties.dutyOwner(tx, ctx, id));
  deps.attachments.registerOwner('deputy', async (tx, ctx, id) => {
    const row = await service.requireDeputy(tx, ctx, id).catch(() => null);
    return row ? { bodyId: row.deputy.bodyId } : null;
  });
  for (const routes of [registryRoutes, codeRoutes, photoRoutes, performanceRoutes, groupRoutes, dutyRoutes]) await routes(app, deps);
};
