import { randomBytes } from 'node:crypto';

/** Random, unguessable public id for QR codes: 20 base32 characters (100 random bits). */
export function newPublicCode(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  const bytes = randomBytes(20);
  let out = '';
  for (const b of bytes) out += alphabet[b & 31];
  return out;
}
