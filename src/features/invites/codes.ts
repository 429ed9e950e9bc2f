import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';

export const INVITE_PREFIX = 'inv_';
export const INVITE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/** 16 random bytes = 128 bits, base64url (22 characters of the deep-link alphabet). */
export function newInviteCode(): string {
  return randomBytes(16).toString('base64url');
}

export function hashInviteCode(code: string): string {
  return createHash('sha256').update(code).digest('hex');
}

export const invitePayloadSchema = z
  .string()
  .regex(/^inv_[A-Za-z0-9_-]{22}$/)
  .transform((payload) => payload.slice(INVITE_PREFIX.length));

export function inviteLink(botUsername: string, code: string): string {
  return `https://t.me/${botUsername}?start=${INVITE_PREFIX}${code}`;
}
