// How long the demo seed takes (it runs once per test run, in the template's setup): seedDemo alone
// on a migrated database with the Zhejiang regions, ROUNDS times, on PGlite or on the PostgreSQL
// server in TEST_DATABASE_URL.
//   npx tsx bench/demo-seed.ts            (ROUNDS=3)
//   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/demo-seed.ts
import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import { seedDemo } from '../apps/server/src/seed/demo.js';
import { seedRegions } from '../apps/server/src/seed/regions.js';
import { freshDatabase } from '../apps/server/src/test/database.js';
import { silent } from './harness.js';

const rounds = Number(process.env.ROUNDS) || 3;
const load = () => loadavg()[0]!.toFixed(1);
console.log(`driver ${process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite'}, ${rounds} rounds, load ${load()}`);
const times: number[] = [];
for (let i = 0; i < rounds; i++) {
  const database = await freshDatabase();
  await seedRegions(database.db, silent, { onlyProvince: '330000' });
  const t = performance.now();
  await seedDemo(database.db, silent);
  times.push(performance.now() - t);
  await database.drop();
}
console.log(`seedDemo: ${times.map(Math.round).join(', ')} ms; load at the end ${load()}`);
process.exit(0);
