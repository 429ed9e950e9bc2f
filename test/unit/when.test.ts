import { describe, expect, it } from 'vitest';
import { formatWhen, localToInstant, parseWhen } from '../../src/shared/when.js';
import { nextOccurrence } from '../../src/scheduler/recurrence.js';

const SH = 'Asia/Shanghai';
const NY = 'America/New_York';
const BERLIN = 'Europe/Berlin';
// Tuesday 1 December 2026, 10:00 in Shanghai.
const now = new Date('2026-12-01T02:00:00Z');
const at = (text: string, tz = SH, from = now) => {
  const r = parseWhen(text, tz, from);
  return r.ok ? r.at.toISOString() : r.error;
};

describe('parseWhen: the forms people type (Asia/Shanghai, now = Tue 2026-12-01 10:00)', () => {
  it('full dates', () => {
    expect(at('2026-12-03 19:30')).toBe('2026-12-03T11:30:00.000Z');
    expect(at('2026/12/3 19:30')).toBe('2026-12-03T11:30:00.000Z');
    expect(at('2026年12月3日 19:30')).toBe('2026-12-03T11:30:00.000Z');
    expect(at('２０２６－１２－０３　１９：３０')).toBe('2026-12-03T11:30:00.000Z'); // full-width
  });

  it('dates without a year take the year nearest to now', () => {
    expect(at('12月3日 19:30')).toBe('2026-12-03T11:30:00.000Z');
    expect(at('12-03 19:30')).toBe('2026-12-03T11:30:00.000Z');
    expect(at('12/3 19:30')).toBe('2026-12-03T11:30:00.000Z');
    expect(at('1月5日 19:30')).toBe('2027-01-05T11:30:00.000Z');
    expect(at('11-30 19:30')).toBe('2026-11-30T11:30:00.000Z'); // yesterday: the caller refuses the past
  });

  it('today, tomorrow, the day after', () => {
    expect(at('今天 19:30')).toBe('2026-12-01T11:30:00.000Z');
    expect(at('明天 19:30')).toBe('2026-12-02T11:30:00.000Z');
    expect(at('后天 19:30')).toBe('2026-12-03T11:30:00.000Z');
    expect(at('tomorrow 7:30pm')).toBe('2026-12-02T11:30:00.000Z');
  });

  it('weekdays: the next one still ahead; 本周/下周 name a calendar week (Monday to Sunday)', () => {
    expect(at('周四 19:30')).toBe('2026-12-03T11:30:00.000Z');
    expect(at('星期四 19:30')).toBe('2026-12-03T11:30:00.000Z');
    expect(at('礼拜天 19:30')).toBe('2026-12-06T11:30:00.000Z');
    expect(at('周二 19:30')).toBe('2026-12-01T11:30:00.000Z'); // today, still ahead
    expect(at('周二 9:00')).toBe('2026-12-08T01:00:00.000Z'); // today's has passed: next week's
    expect(at('下周三 19:30')).toBe('2026-12-09T11:30:00.000Z');
    expect(at('本周日 19:30')).toBe('2026-12-06T11:30:00.000Z');
    expect(at('这周一 19:30')).toBe('2026-11-30T11:30:00.000Z'); // this week's Monday was yesterday
    expect(at('Thu 19:30')).toBe('2026-12-03T11:30:00.000Z');
  });

  it('times: colon, 点/点半/分, 上午/下午/晚上, a time alone is today if ahead, else tomorrow', () => {
    expect(at('明天 晚上7点')).toBe('2026-12-02T11:00:00.000Z');
    expect(at('明天 下午3点半')).toBe('2026-12-02T07:30:00.000Z');
    expect(at('明天 19点30分')).toBe('2026-12-02T11:30:00.000Z');
    expect(at('明天 中午12点')).toBe('2026-12-02T04:00:00.000Z');
    expect(at('19:30')).toBe('2026-12-01T11:30:00.000Z');
    expect(at('08:00')).toBe('2026-12-02T00:00:00.000Z');
  });

  it('refuses impossible dates and times with a reason, and what it cannot read', () => {
    expect(at('2026-02-30 19:30')).toBe('bad_date');
    expect(at('2026-13-01 19:30')).toBe('bad_date');
    expect(at('02-29 19:30')).toBe('bad_date'); // none of 2025–2027 is a leap year
    expect(at('2026-12-03 25:00')).toBe('bad_time');
    expect(at('2026-12-03 19:60')).toBe('bad_time');
    expect(at('明天 下午15点')).toBe('bad_time');
    expect(at('next meeting')).toBe('format');
    expect(at('2026-12-03')).toBe('format'); // a date without a time
    expect(at('')).toBe('format');
    expect(at('2028-02-29 19:30')).toBe('2028-02-29T11:30:00.000Z'); // a leap day is real
  });
});

describe('DST zones', () => {
  it('America/New_York: a time the spring jump skips is the jump, as in the recurrences', () => {
    // 8 March 2026: 02:00 EST → 03:00 EDT (07:00Z).
    const r = parseWhen('2026-03-08 02:30', NY, new Date('2026-03-01T00:00:00Z'));
    expect(r).toEqual({ ok: true, at: new Date('2026-03-08T07:00:00Z'), adjusted: 'skipped' });
    const weekly = nextOccurrence({ kind: 'weekly', weekday: 0, time: '02:30', from: '2026-03-01' }, NY, new Date('2026-03-07T00:00:00Z'));
    expect(weekly?.toISOString()).toBe('2026-03-08T07:00:00.000Z');
    expect(at('2026-03-08 03:30', NY, new Date('2026-03-01T00:00:00Z'))).toBe('2026-03-08T07:30:00.000Z');
    expect(at('2026-03-08 01:30', NY, new Date('2026-03-01T00:00:00Z'))).toBe('2026-03-08T06:30:00.000Z');
  });

  it('America/New_York: a time in the repeated autumn hour is the first of the two', () => {
    // 1 November 2026: 02:00 EDT → 01:00 EST; 01:30 happens at 05:30Z and 06:30Z.
    expect(at('2026-11-01 01:30', NY, new Date('2026-10-20T00:00:00Z'))).toBe('2026-11-01T05:30:00.000Z');
    expect(localToInstant(2026, 11, 1, 2, 30, NY)).toEqual({ at: new Date('2026-11-01T07:30:00Z') });
  });

  it('Europe/Berlin: the same rules, and "tomorrow" across the change', () => {
    expect(localToInstant(2026, 3, 29, 2, 30, BERLIN)).toEqual({ at: new Date('2026-03-29T01:00:00Z'), adjusted: 'skipped' });
    expect(localToInstant(2026, 10, 25, 2, 30, BERLIN)).toEqual({ at: new Date('2026-10-25T00:30:00Z') });
    // Saturday 28 March 20:00 CET; tomorrow 19:30 is CEST.
    expect(at('明天 19:30', BERLIN, new Date('2026-03-28T19:00:00Z'))).toBe('2026-03-29T17:30:00.000Z');
  });
});

describe('formatWhen', () => {
  it('the full date with the weekday, in the zone', () => {
    const d = new Date('2026-12-03T11:30:00Z');
    expect(formatWhen(d, SH, 'zh')).toBe('2026年12月3日（周四）19:30');
    expect(formatWhen(d, SH, 'en')).toBe('Thu 3 Dec 2026, 19:30');
    expect(formatWhen(d, NY, 'en')).toBe('Thu 3 Dec 2026, 06:30');
    expect(formatWhen(new Date('2026-12-31T16:05:00Z'), SH, 'zh')).toBe('2027年1月1日（周五）00:05');
  });
});
