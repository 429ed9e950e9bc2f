import { createHash, randomBytes } from 'node:crypto';

/** 16 random bytes = 128 bits, base64url (22 characters of the deep-link alphabet). */
export function newOneTimeCode(): string {
  return randomBytes(16).toString('base64url');
}

/** Only this hash is stored, so reading the database does not let anyone use a code. */
export function hashOneTimeCode(code: string): string {
  return createHash('sha256').update(code).digest('hex');
}

export const ONE_TIME_CODE_PATTERN = '[A-Za-z0-9_-]{22}';
