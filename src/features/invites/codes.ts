import { z } from 'zod';
import { hashOneTimeCode, newOneTimeCode, ONE_TIME_CODE_PATTERN } from '../../shared/one-time-code.js';

export const INVITE_PREFIX = 'inv_';
export const INVITE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export const newInviteCode = newOneTimeCode;
export const hashInviteCode = hashOneTimeCode;

export const invitePayloadSchema = z
  .string()
  .regex(new RegExp(`^${INVITE_PREFIX}${ONE_TIME_CODE_PATTERN}$`))
  .transform((payload) => payload.slice(INVITE_PREFIX.length));

export function inviteLink(botUsername: string, code: string): string {
  return `https://t.me/${botUsername}?start=${INVITE_PREFIX}${code}`;
}
