import type { PublicDeputyCard } from '@renda/shared';
import type { Executor } from '../../db/client.js';
import { clock } from '../../platform/clock.js';
import { notFound } from '../../platform/errors.js';
import * as duties from './duties-repository.js';
import { externalPublicCard } from './index.js';
import { opinionLink } from './qr.js';
import { findDeputyByPublicCode } from './repository.js';

/**
 * 代表码: what a voter sees on their phone after scanning a deputy's code. The deputy's own record and
 * this year's duty log come from here; the stations they receive voters at, the concerns heard there,
 * the opinions sent to them and the suggestions they led or co-signed come from the modules that hold
 * them (registerPublicCardSource).
 */
export async function publicDeputyCard(db: Executor, publicCode: string, origin: string): Promise<PublicDeputyCard> {
  const row = await findDeputyByPublicCode(db, publicCode);
  if (!row || row.deputy.status !== 'in_office') throw notFound('代表');
  const d = row.deputy;
  const year = clock.now().getFullYear();
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const [counts, voters, external] = await Promise.all([
    duties.countsByKind(db, d.id, from, to),
    duties.votersReceived(db, d.id, from, to),
    externalPublicCard(db, d.id, from, to),
  ]);
  const commitments = Array.isArray(d.commitments) ? (d.commitments as { year: number; text: string }[]) : [];
  return {
    name: d.name,
    bodyName: row.bodyName,
    term: d.term,
    post: d.post,
    constituency: d.constituency,
    publicContact: d.publicContact,
    // The photo's id in the address lets a phone cache it until the photo changes.
    photoUrl: d.photoAttachmentId
      ? `/api/public/deputies/${encodeURIComponent(d.publicCode)}/photo?v=${d.photoAttachmentId.slice(0, 8)}`
      : null,
    stations: external.stations,
    commitments: commitments.filter((c) => c.year >= year - 1).sort((a, b) => b.year - a.year),
    thisYear: {
      year,
      activities: counts.reduce((n, c) => n + c.n, 0),
      votersReceived: voters,
      ...external.thisYear,
    },
    publishedSuggestions: external.publishedSuggestions,
    opinionLink: opinionLink(origin, 'deputy', d.publicCode),
  };
}
