import { randomBytes } from 'node:crypto';
import { z } from 'zod';

/** Random, unguessable public id for QR codes: 20 base32 characters (100 random bits). */
export function newPublicCode(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  const bytes = randomBytes(20);
  let out = '';
  for (const b of bytes) out += alphabet[b & 31];
  return out;
}

/** A public code as it arrives in a URL: the alphabet above, of any length issued so far. */
export const publicCodeParam = z.string().regex(/^[a-z2-7]{10,24}$/, '二维码无效');
