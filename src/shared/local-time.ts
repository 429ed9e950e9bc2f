/** Minutes east of UTC that `timeZone` is at the instant `date`. */
function offsetMinutes(date: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - date.getTime()) / 60_000);
}

/** "2026-12-01 20:00" (also 2026/12/1 8:05, 12-01 20:00 for this year) read as a wall-clock time in `timeZone`. */
export function parseLocalDateTime(text: string, timeZone: string, now: Date): Date | null {
  const m = /^\s*(?:(\d{4})[-/.年])?(\d{1,2})[-/.月](\d{1,2})日?\s+(\d{1,2})[:：](\d{2})\s*$/.exec(text);
  if (!m) return null;
  const year = m[1] ? Number(m[1]) : Number(formatLocal(now, timeZone).slice(0, 4));
  const [month, day, hour, minute] = [Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  let result = new Date(guess - offsetMinutes(new Date(guess), timeZone) * 60_000);
  result = new Date(guess - offsetMinutes(result, timeZone) * 60_000);
  const check = new Date(result.getTime() + offsetMinutes(result, timeZone) * 60_000);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null; // e.g. 02-30
  return result;
}

/** "2026-12-01 20:00" in `timeZone`. */
export function formatLocal(date: Date, timeZone: string): string {
  const shifted = new Date(date.getTime() + offsetMinutes(date, timeZone) * 60_000);
  return shifted.toISOString().slice(0, 16).replace('T', ' ');
}
