/**
 * What other modules may use from the deputies module. Modules that hold part of a deputy's work
 * (stations, opinions, suggestions) report their counts for the "seven ones" here, so progress is
 * always derived from where the work was recorded.
 */
import type { PerformanceSection, SevenOnesKey } from '@renda/shared';
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

/**
 * Sections other modules add to the performance file (履职档案), e.g. report-backs to voters
 * (回选区述职); each appears on the page and in the Word document after the deputy's own records.
 */
export type PerformanceSectionSource = (db: Executor, deputyId: string, from: string, to: string) => Promise<PerformanceSection | null>;

const sections = new Map<string, PerformanceSectionSource>();

export function registerPerformanceSection(name: string, source: PerformanceSectionSource) {
  sections.set(name, source);
}

/** Every registered section that has something for this deputy and period, in registration order. */
export async function externalPerformanceSections(db: Executor, deputyId: string, from: string, to: string) {
  const found: PerformanceSection[] = [];
  for (const source of sections.values()) {
    const section = await source(db, deputyId, from, to);
    if (section) found.push(section);
  }
  return found;
}

export { deputies, deputyGroupMembers, deputyGroups, dutyParticipants, dutyRecords } from './tables.js';
export { findDeputiesByIds, findDeputyByPublicCode, getDeputyByUser, likePrefix } from './repository.js';
export { insertDuty, setParticipants } from './duties-repository.js';
export { newPublicCode, publicCodeParam } from './public-code.js';
