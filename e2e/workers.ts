/**
 * How many browser walks run at once, each file with its own server and Chromium: one, on the two-core
 * machine. Two at a time lost clicks and left dropdowns open when the two walks, their servers and their
 * Chromiums fought for the two cores (stop 22's CI: 17 of 105 failed; the fresh-clone check of 5 December:
 * 10 of 105, in 1,489 s of wall time against about 1,500 s one at a time before). E2E_WORKERS=2 runs two.
 */
export const e2eWorkers = Math.max(1, Number(process.env.E2E_WORKERS) || 1);
