import { randomBytes } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a code read aloud over the phone is not misheard. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * 12 characters of 5 random bits each: 60 bits, short enough to copy down from a phone (three groups
 * of four) and still beyond guessing — at the tracking page's limit of 120 look-ups a minute per
 * address, finding one of a million codes would take thousands of years.
 */
const LENGTH = 12;
/** Codes handed out before codes were shortened stay valid. */
const EARLIER_LENGTH = 16;

export function newTrackingCode(): string {
  const bytes = randomBytes(LENGTH);
  let code = '';
  for (const byte of bytes) code += ALPHABET[byte & 31];
  return code;
}

/** Accepts what people type: lower case, spaces and dashes, and the letters Crockford folds (O→0, I/L→1). */
export function normalizeTrackingCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return /^[0-9A-HJKMNP-TV-Z]+$/.test(code) && (code.length === LENGTH || code.length === EARLIER_LENGTH) ? code : null;
}

/** Shown in groups of four: 7K3Q-9XDM-PA2T. */
export function formatTrackingCode(code: string): string {
  return code.match(/.{1,4}/g)!.join('-');
}
