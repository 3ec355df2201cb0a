import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/open.js';
import { backfillSearchTokens } from './modules/suggestions/index.js';
import { segmenter } from './platform/text.js';
import { seedDemo } from './seed/demo.js';
import { seedRegions } from './seed/regions.js';

async function main() {
  const config = loadConfig();
  const logger = { level: config.LOG_LEVEL };
  const database = await openDatabase(config);
  const { app, deps } = await buildApp({ config, database, logger });
  app.log.info({ database: database.kind, dataDir: config.DATA_DIR }, 'database ready');
  await seedRegions(database.db, app.log);
  if (config.DEMO_DATA) await seedDemo(database.db, app.log);
  segmenter(); // jieba's dictionary, loaded once before the first request
  const tokenized = await backfillSearchTokens(database.db);
  if (tokenized) app.log.info({ suggestions: tokenized }, 'search tokens filled');
  await deps.notifier.start();
  if (config.JOBS) await deps.jobs.start();

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    const force = setTimeout(() => process.exit(1), 15_000).unref();
    try {
      await app.close();
      await deps.jobs.stop();
      await deps.notifier.stop();
      await database.close();
      clearTimeout(force);
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ host: config.HOST, port: config.PORT });
}

main().catch((err) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error(err);
  process.exit(1);
});
