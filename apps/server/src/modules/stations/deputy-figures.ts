import type { PublicCardSource, SevenOnesSource } from '../deputies/index.js';
import { opinionCountsOfDeputy } from '../opinions/index.js';
import * as repo from './repository.js';

/** Concerns heard at receptions count toward the deputies' seven ones (收集社情民意, 解决具体问题). */
export const sevenOnesFromReceptions: SevenOnesSource = async (db, deputyId, from, to) => {
  const { heard, resolved } = await repo.concernsHeardBy(db, deputyId, from, to);
  return { collectOpinions: heard, solveProblem: resolved };
};

/**
 * The stations part of a deputy's public card: where they receive voters, what they heard there,
 * and what came of the opinions sent to them (the opinions module's counts, which stations already
 * reads for its own figures).
 */
export const publicCardFromStations: PublicCardSource = async (db, deputyId, from, to) => {
  const [stations, heard, received] = await Promise.all([
    repo.stationsOfDeputy(db, deputyId),
    repo.concernsHeardBy(db, deputyId, from, to),
    opinionCountsOfDeputy(db, deputyId, from, to),
  ]);
  return {
    stations,
    thisYear: {
      concernsHeard: heard.heard,
      resolvedOnSite: heard.resolved,
      opinionsReceived: received.received,
      opinionsReplied: received.replied,
      opinionsSolved: received.solved,
    },
  };
};
