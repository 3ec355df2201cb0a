/**
 * What other modules may use from the deputies module. Modules that hold part of a deputy's work
 * (stations, opinions, suggestions) report their counts for the "seven ones" here, so progress is
 * always derived from where the work was recorded.
 */
import type { SevenOnesKey } from '@renda/shared';
import type { Executor } from '../../db/client.js';

export type SevenOnesSource = (db: Executor, deputyId: string, from: string, to: string) => Promise<Partial<Record<SevenOnesKey, number>>>;

const sources = new Map<string, SevenOnesSource>();

export function registerSevenOnesSource(name: string, source: SevenOnesSource) {
  sources.set(name, source);
}

/** Sum of every registered source; a key no source reports stays absent. */
export async function externalSevenOnes(db: Executor, deputyId: string, from: string, to: string) {
  const totals: Partial<Record<SevenOnesKey, number>> = {};
  for (const source of sources.values()) {
    const counts = await source(db, deputyId, from, to);
    for (const [key, n] of Object.entries(counts) as [SevenOnesKey, number][]) totals[key] = (totals[key] ?? 0) + n;
  }
  return totals;
}

export { deputies, dutyParticipants, dutyRecords } from './tables.js';
export { findDeputiesByIds, findDeputyByPublicCode, getDeputyByUser } from './repository.js';
export { insertDuty, setParticipants } from './duties-repository.js';
export { newPublicCode } from './public-code.js';
