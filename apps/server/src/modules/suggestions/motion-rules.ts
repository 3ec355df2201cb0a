import type { BodyLevel, SuggestionPeriod } from '@renda/shared';

/**
 * 议案 (motions) are a right of a group of deputies during the congress session, not of one deputy at
 * any time: 《地方各级人民代表大会和地方各级人民政府组织法》(2015 text, 第十八条) — 县级以上的地方各级
 * 人民代表大会代表十人以上联名，乡、民族乡、镇的人民代表大会代表五人以上联名，可以向本级人民代表大会
 * 提出属于本级人民代表大会职权范围内的议案. A statutory minimum, so not a per-body setting.
 */
export function motionSignersRequired(level: BodyLevel): number {
  return level === 'township' || level === 'subdistrict' ? 5 : 10;
}

/** Why a motion cannot be submitted as it stands, or null; `signers` counts the lead deputy and confirmed co-signers. */
export function motionProblem(period: SuggestionPeriod, signers: number, level: BodyLevel): string | null {
  if (period !== 'session') return '议案须在人民代表大会会议期间提出；闭会期间请以建议形式提出';
  const required = motionSignersRequired(level);
  if (signers < required) return `议案须由 ${required} 名以上代表联名提出（含领衔代表，目前 ${signers} 名）；人数不足的可改为建议提出`;
  return null;
}
