import PgBoss from 'pg-boss';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/client.js';

export type JobHandler = (data: unknown) => Promise<void>;

interface JobDefinition {
  name: string;
  handler: JobHandler;
  /** Cron expression: pg-boss runs a schedule once per tick even with several server instances. */
  cron?: string;
}

/**
 * The Postgres-backed job queue (pg-boss) for deadlines, reminders and long exports. Jobs survive
 * restarts because they live in the database; on PGlite it runs through the same in-process client.
 */
export interface Jobs {
  define(job: JobDefinition): void;
  send(name: string, data?: object): Promise<string | null>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

function bossFor(database: Database): PgBoss {
  if (database.kind === 'postgres') return new PgBoss({ connectionString: database.url, max: 4 });
  return new PgBoss({
    db: {
      // pg-boss sends its schema migrations as one multi-statement script without parameters.
      executeSql: async (text: string, values?: unknown[]) =>
        values?.length ? database.raw.query(text, values) : database.raw.queryScript(text),
    },
  });
}

export function createJobs(database: Database, log: FastifyBaseLogger): Jobs {
  const definitions = new Map<string, JobDefinition>();
  let boss: PgBoss | null = null;
  return {
    define(job) {
      definitions.set(job.name, job);
    },
    async send(name, data = {}) {
      if (!boss) throw new Error(`job queue not started; cannot send ${name}`);
      return boss.send(name, data);
    },
    async start() {
      boss = bossFor(database);
      boss.on('error', (err) => log.error({ err }, 'job queue error'));
      await boss.start();
      for (const job of definitions.values()) {
        await boss.createQueue(job.name);
        await boss.work(job.name, async (batch) => {
          for (const item of batch) await job.handler(item.data);
        });
        if (job.cron) await boss.schedule(job.name, job.cron);
      }
    },
    async stop() {
      await boss?.stop({ graceful: true, wait: true, timeout: 10_000 });
      boss = null;
    },
  };
}
