/**
 * What other modules may use from the deputies module: functions only. Modules that hold part of a
 * deputy's work (stations, opinions, suggestions, contacts) plug it in here — their counts for the
 * "seven ones", their sections of the performance file, their part of the public card — so deputies
 * depends on no other module and progress is always derived from where the work was recorded.
 */
import type { PerformanceSection, PublicDeputyCard, SevenOnesKey } from '@renda/shared';
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

/** The figures of this year's card that other modules hold; a figure no source reports is 0. */
type CardFigures = Omit<PublicDeputyCard['thisYear'], 'year' | 'activities' | 'votersReceived'>;

/**
 * What another module adds to a deputy's public card (代表码): the stations the deputy receives
 * voters at, the concerns heard there, the opinions sent to them, the suggestions they led or co-signed
 * and those of them already published on the public portal.
 */
export interface PublicCardPart {
  stations?: PublicDeputyCard['stations'];
  thisYear?: Partial<CardFigures>;
  publishedSuggestions?: PublicDeputyCard['publishedSuggestions'];
}
export type PublicCardSource = (db: Executor, deputyId: string, from: string, to: string) => Promise<PublicCardPart>;

const cardSources = new Map<string, PublicCardSource>();

export function registerPublicCardSource(name: string, source: PublicCardSource) {
  cardSources.set(name, source);
}

/** Every registered part, together: stations and published suggestions listed in registration order, figures summed. */
export async function externalPublicCard(db: Executor, deputyId: string, from: string, to: string) {
  const parts = await Promise.all([...cardSources.values()].map((source) => source(db, deputyId, from, to)));
  const thisYear: CardFigures = {
    concernsHeard: 0,
    resolvedOnSite: 0,
    opinionsReceived: 0,
    opinionsReplied: 0,
    opinionsSolved: 0,
    suggestionsLed: 0,
    suggestionsCosigned: 0,
    suggestionsAnswered: 0,
  };
  for (const part of parts) for (const [key, n] of Object.entries(part.thisYear ?? {}) as [keyof CardFigures, number][]) thisYear[key] += n;
  return {
    stations: parts.flatMap((p) => p.stations ?? []),
    thisYear,
    publishedSuggestions: parts.flatMap((p) => p.publishedSuggestions ?? []),
  };
}

export { recordDuty, type DutyFromElsewhere } from './duties-service.js';
export { findDeputiesByIds, getDeputyByUser } from './repository.js';
export { newPublicCode, publicCodeParam } from './public-code.js';
export { opinionLink, posterHtml, qrPng, requestOrigin } from './qr.js';

export { dutyTodos } from './duties-service.js';
