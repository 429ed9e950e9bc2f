import { Cron } from 'croner';
import { z } from 'zod';
import { isRealDate, localToInstant } from '../shared/when.js';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, 00:00–23:59');
const realDate = (d: string) => {
  const [year, month, day] = d.split('-').map(Number) as [number, number, number];
  return isRealDate(year, month, day);
};
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

/**
 * When something recurs, as wall-clock times in a time zone (the branch's `TZ`). Stored as JSON by
 * features (a meeting's rule, a report deadline), so it is a zod schema, not only a type.
 * - `cron`: a five-field cron expression (minute hour day-of-month month day-of-week; `L` = last day).
 * - `weekly`: a weekday (0 = Sunday … 6 = Saturday) at a time, every `everyWeeks` weeks (2 = fortnightly),
 *   counted in calendar weeks from `from`, the first date the rule may fall on.
 * - `monthly`: day `day` of each month at a time; a day the month lacks means its last day (31 → 30 Apr, 28/29 Feb).
 * - `once`: one date at a time (a meeting that does not repeat, a one-off deadline).
 */
export const recurrenceRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cron'), expression: z.string().refine((e) => e.trim().split(/\s+/).length === 5, 'five fields') }),
  z.object({
    kind: z.literal('weekly'),
    weekday: z.number().int().min(0).max(6),
    time,
    everyWeeks: z.number().int().min(1).max(52).default(1),
    from: isoDate,
  }),
  z.object({ kind: z.literal('monthly'), day: z.number().int().min(1).max(31), time }),
  z.object({ kind: z.literal('once'), date: isoDate.refine(realDate, 'a real date'), time }),
]);
export type RecurrenceRule = z.input<typeof recurrenceRuleSchema>;

/** Searches stop after this many candidate instants (a rule with no occurrence, like 30 February). */
const MAX_CANDIDATES = 1000;
const DAY_MS = 86_400_000;

/**
 * The first occurrence of `rule` strictly after `after`, or null when it has none. Pure: the time
 * zone rules come from the library (croner), not from date arithmetic here. At a DST change, a
 * time that does not exist that day (02:30 when clocks jump 02:00 → 03:00) happens at the jump
 * (03:00); a time that happens twice (02:30 when clocks go 03:00 → 02:00) happens once, the first time.
 */
export function nextOccurrence(input: RecurrenceRule, timeZone: string, after: Date): Date | null {
  const rule = recurrenceRuleSchema.parse(input);
  if (rule.kind === 'once') {
    const [year, month, day] = rule.date.split('-').map(Number) as [number, number, number];
    const [hour, minute] = rule.time.split(':').map(Number) as [number, number];
    const at = localToInstant(year, month, day, hour, minute, timeZone).at;
    return at.getTime() > after.getTime() ? at : null;
  }
  const cron = new Cron(cronExpression(rule), { timezone: timeZone, mode: '5-part' });
  const accept = acceptor(rule, timeZone);
  let candidate = cron.nextRun(after);
  for (let i = 0; candidate && i < MAX_CANDIDATES; i++) {
    if (candidate.getTime() > after.getTime() && accept(candidate)) return candidate;
    candidate = cron.nextRun(candidate);
  }
  return null;
}

/** The next `count` occurrences after `after` (for listings and tests). */
export function nextOccurrences(rule: RecurrenceRule, timeZone: string, after: Date, count: number): Date[] {
  const out: Date[] = [];
  let cursor: Date | null = after;
  while (out.length < count && (cursor = nextOccurrence(rule, timeZone, cursor))) out.push(cursor);
  return out;
}

/** The occurrences in (after, until], at most `limit` of them (a tick's window; see Schedule). */
export function occurrencesBetween(rule: RecurrenceRule, timeZone: string, after: Date, until: Date, limit = 1000): Date[] {
  const out: Date[] = [];
  let cursor: Date | null = after;
  while (out.length < limit && (cursor = nextOccurrence(rule, timeZone, cursor)) && cursor.getTime() <= until.getTime()) out.push(cursor);
  return out;
}

type Rule = z.output<typeof recurrenceRuleSchema>;

function cronExpression(rule: Exclude<Rule, { kind: 'once' }>): string {
  if (rule.kind === 'cron') return rule.expression;
  const [hour, minute] = rule.time.split(':').map(Number);
  // Monthly: every candidate day that can be "day N or the month's last day"; acceptor() picks one.
  if (rule.kind === 'monthly') return rule.day <= 28 ? `${minute} ${hour} ${rule.day} * *` : `${minute} ${hour} 28-31 * *`;
  return `${minute} ${hour} * * ${rule.weekday}`;
}

function acceptor(rule: Exclude<Rule, { kind: 'once' }>, timeZone: string): (instant: Date) => boolean {
  if (rule.kind === 'monthly' && rule.day > 28) {
    return (instant) => {
      const { year, month, day } = localDate(instant, timeZone);
      const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
      return day === Math.min(rule.day, lastDay);
    };
  }
  if (rule.kind === 'weekly') {
    // Calendar days since `from`, counted on local dates, so DST never shifts the week parity.
    const from = Date.parse(`${rule.from}T00:00:00Z`);
    return (instant) => {
      const { year, month, day } = localDate(instant, timeZone);
      const days = Math.round((Date.UTC(year, month - 1, day) - from) / DAY_MS);
      return days >= 0 && Math.floor(days / 7) % rule.everyWeeks === 0;
    };
  }
  return () => true;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (month 1–12) that `instant` falls on in `timeZone`. */
export function localDate(instant: Date, timeZone: string): { year: number; month: number; day: number } {
  let format = dateFormats.get(timeZone);
  if (!format) dateFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  const parts = format.formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}
