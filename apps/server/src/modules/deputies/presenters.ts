import type { BodyLevel, Commitment, CommitteeRole, Deputy, DeputyListItem, DeputyStatus, Gender } from '@renda/shared';
import type { DeputyWithBody } from './repository.js';

function base(r: DeputyWithBody) {
  const d = r.deputy;
  return {
    id: d.id,
    bodyId: d.bodyId,
    bodyName: r.bodyName,
    level: r.bodyLevel as BodyLevel,
    term: d.term,
    name: d.name,
    gender: (d.gender as Gender | null) ?? null,
    ethnicity: d.ethnicity,
    birthDate: d.birthDate,
    party: d.party,
    occupation: d.occupation,
    employer: d.employer,
    post: d.post,
    constituency: d.constituency,
    phone: d.phone,
    publicContact: d.publicContact,
    committeeRole: (d.committeeRole as CommitteeRole | null) ?? null,
    status: d.status as DeputyStatus,
    statusDate: d.statusDate,
    statusReason: d.statusReason,
    userId: d.userId,
    publicCode: d.publicCode,
    photoId: d.photoAttachmentId,
    createdAt: d.createdAt.toISOString(),
  };
}

export function commitmentsOf(value: unknown): Commitment[] {
  return Array.isArray(value) ? (value as Commitment[]) : [];
}

export function presentDeputy(r: DeputyWithBody, otherLevels: Deputy['otherLevels']): Deputy {
  return { ...base(r), commitments: commitmentsOf(r.deputy.commitments), otherLevels };
}

export function presentDeputyListItem(r: DeputyWithBody, regionGroupName: string | null): DeputyListItem {
  return { ...base(r), regionGroupName };
}
