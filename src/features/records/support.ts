import type { InlineKeyboardButton } from 'telegraf/types';
import { localIsoDate } from '../../shared/when.js';
import type { AppDeps, BotContext } from '../../telegram/context.js';
import { isSecretaryOf } from '../../people/access.js';
import type { RecordWithClass } from './queries.js';
import type { Actor } from './service.js';
import type { DateString } from './tables.js';

/** Today in the branch's time zone. */
export const todayOf = (deps: AppDeps): DateString => localIsoDate(deps.clock.now(), deps.config.timeZone);

export const actorFor = (ctx: BotContext, record: Pick<RecordWithClass, 'branch_id'>): Actor => ({
  personId: ctx.person!.id,
  isSecretary: isSecretaryOf(ctx.roles, record.branch_id),
});

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < items.length; i += size) rows.push(items.slice(i, i + size));
  return rows;
}

/** Text as typed: trimmed, inner runs of spaces made one. */
export const tidy = (text: string) => text.trim().replace(/\s+/g, ' ');
/** Characters as people count them (an emoji or a CJK character is one). */
export const textLength = (text: string) => [...text].length;

export const NAME_MAX = 50;
export const NOTE_MAX = 500;
export const REASON_MAX = 500;
const NAME_PATTERN = /^[^<>&"/\\@#$%^*=+|{}[\]~`\p{Cc}]+$/u;
const STUDENT_NO_PATTERN = /^[A-Za-z0-9-]{1,30}$/;

export const validName = (name: string) => textLength(name) >= 1 && textLength(name) <= NAME_MAX && NAME_PATTERN.test(name);
export const validStudentNo = (value: string) => STUDENT_NO_PATTERN.test(value);

/** "Name [student number]": a last word of 4+ letters/digits with a digit is the student number. */
export function splitNameAndNumber(text: string): { name: string; studentNo: string | null } {
  const words = tidy(text).split(' ');
  const last = words.at(-1) ?? '';
  if (words.length > 1 && /\d/.test(last) && /^[A-Za-z0-9-]{4,}$/.test(last)) return { name: words.slice(0, -1).join(' '), studentNo: last };
  return { name: words.join(' '), studentNo: null };
}

export const keyboardOptions = (keyboard: InlineKeyboardButton[][]) => ({
  parse_mode: 'HTML' as const,
  link_preview_options: { is_disabled: true },
  reply_markup: { inline_keyboard: keyboard },
});
