import { isRealDate } from '../../shared/when.js';
import type { DateString } from '../records/tables.js';
import { parseTypedDate } from '../records-files/dates.js';

const DAY_MS = 86_400_000;
const shift = (date: DateString, days: number): DateString => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

const RELATIVE: Record<string, number> = { 今天: 0, 今日: 0, today: 0, 昨天: -1, 昨日: -1, yesterday: -1, 前天: -2 };

/**
 * A visit's date as a liaison types it, seen from `today` (the branch's calendar date): 今天/昨天/前天,
 * 12月1日 or 12-1 (this year), 2026-12-01, 2026/12/1, 2026年12月1日. Null when it is none of these.
 */
export function parseVisitDate(input: string, today: DateString): DateString | null {
  const text = input
    .trim()
    .toLowerCase()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const relative = RELATIVE[text];
  if (relative !== undefined) return shift(today, relative);
  const full = parseTypedDate(text);
  if (full) return full;
  const m = /^(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*(?:日|号)?$/.exec(text);
  if (!m) return null;
  const year = Number(today.slice(0, 4));
  const [month, day] = [Number(m[1]), Number(m[2])];
  return isRealDate(year, month, day) ? `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` : null;
}

/** The day a year before `today`: the oldest visit that can still be logged. */
export const oldestVisitDate = (today: DateString): DateString => shift(today, -366);
export const nextDay = (date: DateString): DateString => shift(date, 1);
