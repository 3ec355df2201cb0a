import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['apps/*/src/**/*.test.ts', 'packages/*/src/**/*.test.ts'],
    // Guards against a hung test, not timings: a busy two-core machine (CI beside other work) must not fail a test.
    testTimeout: 600_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // One test file per core (vitest's default leaves one core idle): on the two-core machine the PGlite run
    // took 439 s instead of 622 s and the PostgreSQL run 338 s instead of 445 s (docs/benchmarks.md).
    maxWorkers: availableParallelism(),
    // One migrated and seeded database per run, copied for each test file (apps/server/src/test/template.ts).
    globalSetup: ['apps/server/src/test/global-setup.ts'],
    reporters: ['default'],
  },
});
