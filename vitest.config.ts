import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['apps/*/src/**/*.test.ts', 'packages/*/src/**/*.test.ts'],
    // Guards against a hung test, not timings: a busy two-core machine (CI beside other work) must not fail a test.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // One migrated and seeded database per run, copied for each test file (apps/server/src/test/template.ts).
    globalSetup: ['apps/server/src/test/global-setup.ts'],
    reporters: ['default'],
  },
});
