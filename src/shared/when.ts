import type { Language } from '../i18n/language.js';

/**
 * Dates and times as people type them, read as wall-clock times in the branch's time zone, and
 * written back with the full date and weekday. Pure: `now` comes from the Clock.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;

const parts = new Map<string, Intl.DateTimeFormat>();
function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let f = parts.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    parts.set(timeZone, f);
  }
  return f;
}

const weekdayIndex: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

export interface LocalParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

/** The wall-clock reading of `instant` in `timeZone`. */
export function localParts(instant: Date, timeZone: string): LocalParts {
  const p = partsFormat(timeZone).formatToParts(instant);
  const get = (type: string) => p.find((x) => x.type === type)?.value ?? '';
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')),
    minute: Number(get('minute')),
    weekday: weekdayIndex[get('weekday')] ?? 0,
  };
}

/** Minutes east of UTC in `timeZone` at `instant`. */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const l = localParts(instant, timeZone);
  const seconds = instant.getUTCSeconds();
  const asUtc = Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, seconds);
  return Math.round((asUtc - instant.getTime()) / MINUTE);
}

/** Whether year-month-day is a real calendar date. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export interface LocalInstant {
  at: Date;
  /** 'skipped': the time does not exist that day (clocks jumped over it); `at` is the jump, as the recurrences do. */
  adjusted?: 'skipped';
}

/**
 * The instant a wall-clock time in `timeZone` names (the date must be real). A time in the hour
 * that happens twice (autumn) is the first of the two; a time the clocks skip (spring) is the
 * moment of the jump (02:30 → 03:00), the same as `nextOccurrence` in src/scheduler/recurrence.ts.
 */
export function localToInstant(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): LocalInstant {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const before = offsetMinutes(new Date(wall - DAY), timeZone);
  const after = offsetMinutes(new Date(wall + DAY), timeZone);
  const candidates = [...new Set([before, after])]
    .map((offset) => wall - offset * MINUTE)
    .filter((t) => offsetMinutes(new Date(t), timeZone) * MINUTE === wall - t)
    .sort((a, b) => a - b);
  if (candidates.length > 0) return { at: new Date(candidates[0]!) };
  // In the gap: the change happens between (wall - after) and (wall - before); find its minute.
  let lo = wall - Math.max(before, after) * MINUTE;
  let hi = wall - Math.min(before, after) * MINUTE;
  const startOffset = offsetMinutes(new Date(lo), timeZone);
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
    if (offsetMinutes(new Date(mid), timeZone) === startOffset) lo = mid;
    else hi = mid;
  }
  return { at: new Date(hi), adjusted: 'skipped' };
}

/** Why a typed date or time was not taken. */
export type WhenError =
  /** Not a form we read. */
  | 'format'
  /** A date that does not exist (2026-02-30, 13-01). */
  | 'bad_date'
  /** A time that does not exist (25:00, 19:60). */
  | 'bad_time';

export type ParsedWhen = { ok: true; at: Date; adjusted?: 'skipped' } | { ok: false; error: WhenError };

const cnDigits: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 0, 天: 0, 七: 0 };
const enDays: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

interface Day {
  year: number;
  month: number;
  day: number;
}

const addDays = (d: Day, n: number): Day => {
  const x = new Date(Date.UTC(d.year, d.month - 1, d.day) + n * DAY);
  return { year: x.getUTCFullYear(), month: x.getUTCMonth() + 1, day: x.getUTCDate() };
};

type Time = { hour: number; minute: number } | 'bad_time' | null;

/** "19:30", "19：30", "7:05", "19点", "19点30(分)", "7点半", with 上午/下午/晚上/中午/早上 or am/pm. */
function parseTime(text: string): Time {
  const m = /^(上午|早上|早晨|中午|下午|晚上|傍晚)?\s*(\d{1,2})\s*(?:[:：]\s*(\d{1,2})|(?:点|时)\s*(?:(半)|(\d{1,2})\s*分?)?)\s*(am|pm)?$/i.exec(text.trim());
  if (!m) return null;
  let hour = Number(m[2]);
  const minute = m[4] ? 30 : Number(m[3] ?? m[5] ?? 0);
  if (m[3] !== undefined && m[3].length !== 2) return null;
  const period = m[1] ?? m[6]?.toLowerCase();
  if (period) {
    if (hour > 12) return 'bad_time';
    const pm = period === '下午' || period === '晚上' || period === '傍晚' || period === 'pm' || (period === '中午' && hour < 11);
    if (pm && hour < 12) hour += 12;
    if (!pm && hour === 12 && (period === 'am' || period === '上午')) hour = 0;
  }
  if (hour > 23 || minute > 59) return 'bad_time';
  return { hour, minute };
}

/**
 * Reads a date and time as typed, in `timeZone`, relative to `now`:
 * - `2026-12-03 19:30` (also `/` or `.`), `2026年12月3日 19:30`;
 * - `12月3日 19:30`, `12-03 19:30`, `12/3 19:30`: the year that puts the date nearest to now
 *   (so in late December `1月5日` is next January, and `12-01` typed on 3 December is two days ago);
 * - `今天` / `明天` / `后天` (`today`, `tomorrow`) with a time;
 * - `周四 19:30`, `星期四`, `礼拜四` (`thu`): the next such day whose time is still ahead, today included;
 *   `本周四` / `这周四`: Thursday of this week; `下周四`: Thursday of next week (weeks run Monday to Sunday);
 * - a time alone (`19:30`): today if still ahead, otherwise tomorrow.
 * The time may be `19:30`, `19点30`, `7点半`, `晚上7点`, `7pm`. The result may be in the past; the
 * caller decides whether that is allowed.
 */
export function parseWhen(input: string, timeZone: string, now: Date): ParsedWhen {
  const text = input
    .trim()
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, ' ');
  if (text === '' || text.length > 40) return { ok: false, error: 'format' };
  const today = localParts(now, timeZone);
  const todayDay: Day = { year: today.year, month: today.month, day: today.day };

  const withTime = (timeText: string, pick: (time: { hour: number; minute: number }) => Day | 'bad_date'): ParsedWhen => {
    const time = parseTime(timeText);
    if (time === null) return { ok: false, error: 'format' };
    if (time === 'bad_time') return { ok: false, error: 'bad_time' };
    const day = pick(time);
    if (day === 'bad_date') return { ok: false, error: 'bad_date' };
    const local = localToInstant(day.year, day.month, day.day, time.hour, time.minute, timeZone);
    return { ok: true, at: local.at, ...(local.adjusted ? { adjusted: local.adjusted } : {}) };
  };
  const ahead = (d: Day, time: { hour: number; minute: number }) =>
    localToInstant(d.year, d.month, d.day, time.hour, time.minute, timeZone).at.getTime() > now.getTime();

  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*(.+)$/.exec(text);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return withTime(m[4]!, () => (isRealDate(year, month, day) ? { year, month, day } : 'bad_date'));
  }
  m = /^(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?\s*(?:号\s*)?(\D.*|\d{1,2}\s*[:：点时].*)$/.exec(text);
  if (m) {
    const [month, day] = [Number(m[1]), Number(m[2])];
    return withTime(m[3]!, () => {
      const years = [today.year - 1, today.year, today.year + 1].filter((y) => isRealDate(y, month, day));
      if (years.length === 0) return 'bad_date';
      const distance = (y: number) => Math.abs(Date.UTC(y, month - 1, day) - Date.UTC(today.year, today.month - 1, today.day));
      const year = years.reduce((a, b) => (distance(b) < distance(a) ? b : a));
      return { year, month, day };
    });
  }
  m = /^(今天|今日|today|明天|明日|tomorrow|后天)\s*(.+)$/i.exec(text);
  if (m) {
    const word = m[1]!.toLowerCase();
    const shift = word === '今天' || word === '今日' || word === 'today' ? 0 : word === '后天' ? 2 : 1;
    return withTime(m[2]!, () => addDays(todayDay, shift));
  }
  m = /^(本|这|下)?\s*(?:周|星期|礼拜)([一二三四五六日天七])\s*(.+)$/.exec(text) ?? /^()(sun|mon|tue|wed|thu|fri|sat)[a-z]*\.?\s+(.+)$/i.exec(text);
  if (m) {
    const target = cnDigits[m[2]!] ?? enDays[m[2]!.toLowerCase()]!;
    const which = m[1];
    return withTime(m[3]!, (time) => {
      if (which) {
        // Weeks run Monday (1) to Sunday (7).
        const iso = (d: number) => (d === 0 ? 7 : d);
        const monday = addDays(todayDay, 1 - iso(today.weekday));
        return addDays(monday, iso(target) - 1 + (which === '下' ? 7 : 0));
      }
      let d = addDays(todayDay, (target - today.weekday + 7) % 7);
      if (!ahead(d, time)) d = addDays(d, 7);
      return d;
    });
  }
  return withTime(text, (time) => (ahead(todayDay, time) ? todayDay : addDays(todayDay, 1)));
}

const zhWeekdays = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const enWeekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const enMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** The full date with the weekday: `2026年12月3日（周四）19:30` / `Thu 3 Dec 2026, 19:30`. */
export function formatWhen(instant: Date, timeZone: string, language: Language): string {
  const l = localParts(instant, timeZone);
  const time = `${pad(l.hour)}:${pad(l.minute)}`;
  return language === 'en'
    ? `${enWeekdays[l.weekday]} ${l.day} ${enMonths[l.month - 1]} ${l.year}, ${time}`
    : `${l.year}年${l.month}月${l.day}日（${zhWeekdays[l.weekday]}）${time}`;
}

/** `周四 19:30` / `Thu 19:30`: a weekday and a time, for recurring rules. */
export function formatWeekdayTime(weekday: number, time: string, language: Language): string {
  return `${(language === 'en' ? enWeekdays : zhWeekdays)[weekday]} ${time}`;
}

/** The local calendar date of `instant` as YYYY-MM-DD. */
export function localIsoDate(instant: Date, timeZone: string): string {
  const l = localParts(instant, timeZone);
  return `${l.year}-${pad(l.month)}-${pad(l.day)}`;
}
