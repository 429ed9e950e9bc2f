import { isRealDate } from '../../shared/when.js';
import type { DateString } from './tables.js';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const iso = (year: number, month: number, day: number): DateString => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
const partsOf = (date: DateString) => date.split('-').map(Number) as [number, number, number];
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The same day `months` later; a day the month lacks becomes its last day (31 March + 1 month = 30 April, 29 Feb + 1 year = 28 Feb). */
export function addMonths(date: DateString, months: number): DateString {
  const [year, month, day] = partsOf(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return iso(y, m, Math.min(day, daysInMonth(y, m)));
}

export const addYears = (date: DateString, years: number): DateString => addMonths(date, years * 12);

export function addDays(date: DateString, days: number): DateString {
  const [year, month, day] = partsOf(date);
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

const forms = [/^(\d{4})-(\d{1,2})-(\d{1,2})$/, /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/, /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/, /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/];
const todayWords = new Set(['今天', 'today', '今日']);

/**
 * A calendar date as people type it — `2025-03-01`, `2025/3/1`, `2025.3.1`, `2025年3月1日`, or
 * `今天` / `today` — as 'YYYY-MM-DD'; null when it is none of these or the day does not exist.
 */
export function parseDate(text: string, today: DateString): DateString | null {
  const input = text.trim().toLowerCase();
  if (todayWords.has(input)) return today;
  for (const form of forms) {
    const match = form.exec(input);
    if (!match) continue;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    return year >= 1900 && isRealDate(year, month, day) ? iso(year, month, day) : null;
  }
  return null;
}
