import { defineConfig } from 'vitest/config';

import { e2eWorkers } from './e2e/workers.js';

/** Browser tests: as many files at once as e2eWorkers, each file with its own server (on a copy of the seeded database) and Chromium. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    setupFiles: ['e2e/file-server.ts'],
    fileParallelism: e2eWorkers > 1,
    maxWorkers: e2eWorkers,
    // Guards against a hung test, not timings: a walk on a busy two-core machine may take minutes.
    testTimeout: 600_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // A page on a busy two-core machine may take seconds to settle; polls wait for it.
    expect: { poll: { timeout: 30_000, interval: 100 } },
  },
});
