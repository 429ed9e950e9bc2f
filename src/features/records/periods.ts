import type { DateString } from './tables.js';

/**
 * The periods the class's figures are counted over, for a date in the branch's time zone: the
 * academic term (autumn from 1 September to the end of January, spring from 1 February to the end
 * of August) and the calendar quarter. Both are [start, end) as 'YYYY-MM-DD'.
 */
export interface Period {
  start: DateString;
  end: DateString;
}

const iso = (year: number, month: number) => `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;

export function termOf(today: DateString): Period {
  const [year, month] = today.split('-').map(Number) as [number, number];
  if (month >= 9) return { start: iso(year, 9), end: iso(year + 1, 2) };
  if (month === 1) return { start: iso(year - 1, 9), end: iso(year, 2) };
  return { start: iso(year, 2), end: iso(year, 9) };
}

export function quarterOf(today: DateString): Period {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const first = month - ((month - 1) % 3);
  return { start: iso(year, first), end: first === 10 ? iso(year + 1, 1) : iso(year, first + 3) };
}
