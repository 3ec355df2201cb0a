import type { ModuleRoutes } from '../../platform/http.js';
import { registerPublicCardSource, registerSevenOnesSource } from '../deputies/index.js';
import { publicCardFromStations, sevenOnesFromReceptions } from './deputy-figures.js';
import { receptionRoutes } from './reception-routes.js';
import { rotaRoutes } from './rota-routes.js';
import { remindRota, rotaOnNewDaysOff } from './rota-service.js';
import { registerDaysOffWatcher } from '../../platform/provisional-deadlines.js';
import { requireStation } from './stations-service.js';
import { stationsRoutes } from './stations-routes.js';
import { registerAuditTitles } from '../../platform/audit.js';
import { auditTitleSources } from './repository.js';

/** The stations module's routes, one file per area, and what it plugs into the deputies module. */
export const stationRoutes: ModuleRoutes = async (app, deps) => {
  registerAuditTitles(auditTitleSources);
  // Rota days saved before their year's holidays were entered are flagged when it is.
  registerDaysOffWatcher(rotaOnNewDaysOff);
  const { database, notifier, jobs, attachments } = deps;
  registerSevenOnesSource('stations', sevenOnesFromReceptions);
  registerPublicCardSource('stations', publicCardFromStations);
  attachments.registerOwner('station', async (tx, ctx, id) => {
    const row = await requireStation(tx, ctx, id).catch(() => null);
    return row ? { bodyId: row.station.bodyId } : null;
  });
  // 四定: the day before a reception, the deputies on the rota are reminded.
  jobs.define({ name: 'station-rota-remind', cron: '0 8 * * *', handler: async () => void (await remindRota(database.db, notifier)) });
  for (const routes of [stationsRoutes, rotaRoutes, receptionRoutes]) await routes(app, deps);
};
