import { randomBytes } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a code read aloud over the phone is not misheard. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 16 characters of 5 random bits each: 80 bits, far beyond guessing. */
export function newTrackingCode(): string {
  const bytes = randomBytes(16);
  let code = '';
  for (const byte of bytes) code += ALPHABET[byte & 31];
  return code;
}

/** Accepts what people type: lower case, spaces and dashes, and the letters Crockford folds (O→0, I/L→1). */
export function normalizeTrackingCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return /^[0-9A-HJKMNP-TV-Z]{16}$/.test(code) ? code : null;
}

/** Shown in groups of four: 7K3Q-9XDM-PA2T-H8VN. */
export function formatTrackingCode(code: string): string {
  return code.match(/.{1,4}/g)!.join('-');
}
