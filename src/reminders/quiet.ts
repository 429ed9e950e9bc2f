import { localParts, localToInstant } from '../shared/when.js';
import type { QuietHours } from './settings.js';

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

/**
 * When a reminder meant for `at` may reach a person: `at` itself, or the end of the quiet hours
 * it falls in (wall-clock times in `timeZone`; a window may span midnight; start = end means none).
 */
export function afterQuietHours(at: Date, quiet: QuietHours | null, timeZone: string): Date {
  if (!quiet) return at;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return at;
  const l = localParts(at, timeZone);
  const now = l.hour * 60 + l.minute;
  const inside = start < end ? now >= start && now < end : now >= start || now < end;
  if (!inside) return at;
  // The quiet hours end today unless they began today and run past midnight.
  const endsTomorrow = start > end && now >= start;
  const day = new Date(Date.UTC(l.year, l.month - 1, l.day + (endsTomorrow ? 1 : 0)));
  const until = localToInstant(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), Math.floor(end / 60), end % 60, timeZone).at;
  return until.getTime() > at.getTime() ? until : at;
}
