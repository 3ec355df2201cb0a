// What each integration test file pays before its first test: a database migrated and seeded from
// scratch (the old way) against a copy of the run's seeded template (test/template.ts), measured in
// turns on the same machine so both see the same load. The driver is the one the tests use:
// PGlite, or the PostgreSQL server in TEST_DATABASE_URL.
//   npx tsx bench/test-setup.ts            (ROUNDS=5)
//   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/test-setup.ts
import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import { freshDatabase } from '../apps/server/src/test/database.js';
import { buildSeedTemplate, dropSeedTemplate, seedTestData } from '../apps/server/src/test/template.js';

const rounds = Number(process.env.ROUNDS) || 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const driver = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';
const load = () => loadavg()[0]!.toFixed(1);
console.log(`driver ${driver}, ${rounds} rounds, load ${load()}`);

let t = performance.now();
const template = await buildSeedTemplate();
console.log(`template built once: ${Math.round(performance.now() - t)} ms`);

const scratch: number[] = [];
const copy: number[] = [];
for (let i = 0; i < rounds; i++) {
  t = performance.now();
  const a = await freshDatabase();
  await seedTestData(a.db);
  scratch.push(performance.now() - t);
  await a.drop();
  t = performance.now();
  const b = await freshDatabase(template);
  copy.push(performance.now() - t);
  await b.drop();
}
await dropSeedTemplate(template);
console.log(`migrate + seed per file: median ${Math.round(median(scratch))} ms (${scratch.map(Math.round).join(', ')})`);
console.log(`copy of the template per file: median ${Math.round(median(copy))} ms (${copy.map(Math.round).join(', ')})`);
console.log(`load at the end ${load()}`);
process.exit(0);
