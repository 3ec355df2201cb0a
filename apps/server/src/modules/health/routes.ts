import { z } from 'zod';
import { migrationVersion } from '../../db/client.js';
import type { ModuleRoutes } from '../../platform/http.js';

const health = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  migration: z.object({ version: z.number().int(), tag: z.string().nullable() }),
  time: z.iso.datetime(),
});

export const healthRoutes: ModuleRoutes = (app, { database }) => {
  app.get(
    '/api/health',
    { schema: { tags: ['platform'], summary: '健康检查：数据库类型与迁移版本', response: { 200: health } } },
    async () => ({
      status: 'ok' as const,
      database: database.kind,
      migration: await migrationVersion(database.raw),
      time: new Date().toISOString(),
    }),
  );
};
