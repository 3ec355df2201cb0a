import { defineConfig } from 'vitest/config';

/** Browser tests: one server, one Chromium at a time (the machine has two cores). */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    fileParallelism: false,
    // Guards against a hung test, not timings: a walk on a busy two-core machine may take minutes.
    testTimeout: 600_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // A page on a busy two-core machine may take seconds to settle; polls wait for it.
    expect: { poll: { timeout: 30_000, interval: 100 } },
  },
});
