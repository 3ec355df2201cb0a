/**
 * How many browser walks run at once, each with its own server and Chromium. Two on the two-core
 * machine: a walk spends most of its time waiting for pages, so two overlap well. E2E_WORKERS=1
 * runs them one at a time.
 */
export const e2eWorkers = Math.max(1, Number(process.env.E2E_WORKERS) || 2);
