import type { BodyLevel } from '@renda/shared';

/** Rank of each level: a body's parent must rank strictly higher (smaller number). */
const levelRank = {
  national: 0,
  provincial: 1,
  city: 2,
  county: 3,
  township: 4,
  subdistrict: 4,
} satisfies Record<BodyLevel, number>;

export function mayBeChildOf(child: BodyLevel, parent: BodyLevel): boolean {
  return levelRank[child] > levelRank[parent];
}

/** The region level a body of each level sits on (街道 councils and 乡镇 congresses both sit on a township code). */
export const regionLevelOfBody = {
  national: null,
  provincial: 'province',
  city: 'city',
  county: 'county',
  township: 'township',
  subdistrict: 'township',
} satisfies Record<BodyLevel, string | null>;
