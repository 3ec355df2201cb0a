import { createHash } from 'node:crypto';

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChars = '10X98765432';

/** GB 11643-1999: the 18th character of a resident ID number is a checksum of the first 17. */
function checkCharacterOf(first17: string): string {
  return checkChars[weights.reduce((acc, w, i) => acc + w * Number(first17[i]), 0) % 11]!;
}

export function isValidIdNumber(id: string): boolean {
  if (!/^\d{17}[\dX]$/i.test(id)) return false;
  return checkCharacterOf(id) === id[17]!.toUpperCase();
}

/** A well-formed ID number from its first 17 digits (demo data, tests and benchmarks invent people). */
export function withCheckCharacter(first17: string): string {
  return first17 + checkCharacterOf(first17);
}

/**
 * The ID number itself is never stored: its hash links the rows of one person who is a deputy at
 * several levels (五级代表联动) and finds duplicates on import.
 */
export function personKeyOf(id: string): string {
  return createHash('sha256').update(`renda-person:${id.toUpperCase()}`).digest('hex');
}

/** Birth date written in the ID number (positions 7–14). */
export function birthDateOf(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}
