import { describe, expect, it } from 'vitest';
import { nextOccurrence, nextOccurrences, occurrencesBetween, type RecurrenceRule } from '../../src/scheduler/recurrence.js';

const iso = (dates: Date[]) => dates.map((d) => d.toISOString());
const SH = 'Asia/Shanghai';
const BERLIN = 'Europe/Berlin';

describe('nextOccurrence in Asia/Shanghai (UTC+8, no DST)', () => {
  const thursdayEvening: RecurrenceRule = { kind: 'weekly', weekday: 4, time: '19:30', from: '2026-12-01' };

  it('weekly: the next Thursday 19:30 local, strictly after the given instant', () => {
    expect(nextOccurrence(thursdayEvening, SH, new Date('2026-12-02T00:00:00Z'))?.toISOString()).toBe('2026-12-03T11:30:00.000Z');
    // Exactly at an occurrence: the next one, a week later.
    expect(nextOccurrence(thursdayEvening, SH, new Date('2026-12-03T11:30:00Z'))?.toISOString()).toBe('2026-12-10T11:30:00.000Z');
    expect(nextOccurrence(thursdayEvening, SH, new Date('2026-12-03T11:29:59.999Z'))?.toISOString()).toBe('2026-12-03T11:30:00.000Z');
  });

  it('fortnightly: every other Thursday, counted from the first date', () => {
    const rule: RecurrenceRule = { ...thursdayEvening, everyWeeks: 2 };
    expect(iso(nextOccurrences(rule, SH, new Date('2026-11-20T00:00:00Z'), 4))).toEqual([
      '2026-12-03T11:30:00.000Z',
      '2026-12-17T11:30:00.000Z',
      '2026-12-31T11:30:00.000Z',
      '2027-01-14T11:30:00.000Z',
    ]);
    // Starting the week after: the parity follows the first date, not the search start.
    const later: RecurrenceRule = { ...rule, from: '2026-12-10' };
    expect(iso(nextOccurrences(later, SH, new Date('2026-12-01T00:00:00Z'), 2))).toEqual(['2026-12-10T11:30:00.000Z', '2026-12-24T11:30:00.000Z']);
  });

  it('weekly near midnight: the local weekday counts, not the UTC one', () => {
    // Monday 00:30 in Shanghai is Sunday 16:30 UTC.
    const rule: RecurrenceRule = { kind: 'weekly', weekday: 1, time: '00:30', everyWeeks: 2, from: '2026-12-07' };
    expect(iso(nextOccurrences(rule, SH, new Date('2026-12-01T00:00:00Z'), 2))).toEqual(['2026-12-06T16:30:00.000Z', '2026-12-20T16:30:00.000Z']);
  });

  it('monthly on the 31st falls on the last day of shorter months, leap February included', () => {
    const rule: RecurrenceRule = { kind: 'monthly', day: 31, time: '18:00' };
    expect(iso(nextOccurrences(rule, SH, new Date('2027-12-01T00:00:00Z'), 5))).toEqual([
      '2027-12-31T10:00:00.000Z',
      '2028-01-31T10:00:00.000Z',
      '2028-02-29T10:00:00.000Z',
      '2028-03-31T10:00:00.000Z',
      '2028-04-30T10:00:00.000Z',
    ]);
    const the30th: RecurrenceRule = { kind: 'monthly', day: 30, time: '18:00' };
    expect(iso(nextOccurrences(the30th, SH, new Date('2027-01-01T00:00:00Z'), 3))).toEqual([
      '2027-01-30T10:00:00.000Z',
      '2027-02-28T10:00:00.000Z',
      '2027-03-30T10:00:00.000Z',
    ]);
  });

  it('cron expressions, and a rule that never occurs', () => {
    expect(nextOccurrence({ kind: 'cron', expression: '0 8 * * 1-5' }, SH, new Date('2026-12-04T01:00:00Z'))?.toISOString()).toBe('2026-12-07T00:00:00.000Z');
    expect(nextOccurrence({ kind: 'cron', expression: '0 0 30 2 *' }, SH, new Date('2026-12-01T00:00:00Z'))).toBeNull();
  });

  it('rejects malformed rules', () => {
    expect(() => nextOccurrence({ kind: 'weekly', weekday: 7, time: '19:30', from: '2026-12-01' }, SH, new Date())).toThrow();
    expect(() => nextOccurrence({ kind: 'weekly', weekday: 1, time: '25:00', from: '2026-12-01' }, SH, new Date())).toThrow();
    expect(() => nextOccurrence({ kind: 'cron', expression: '0 0 * * * *' }, SH, new Date())).toThrow();
  });
});

describe('nextOccurrence in Europe/Berlin (DST)', () => {
  it('keeps the wall-clock time across the change: 19:30 is 18:30Z in winter, 17:30Z in summer', () => {
    const rule: RecurrenceRule = { kind: 'weekly', weekday: 4, time: '19:30', everyWeeks: 2, from: '2026-03-19' };
    expect(iso(nextOccurrences(rule, BERLIN, new Date('2026-03-18T00:00:00Z'), 3))).toEqual([
      '2026-03-19T18:30:00.000Z', // CET
      '2026-04-02T17:30:00.000Z', // CEST (clocks went forward on 29 March)
      '2026-04-16T17:30:00.000Z',
    ]);
    // Autumn, and the parity holds across the 25-hour day.
    const autumn: RecurrenceRule = { ...rule, from: '2026-10-15' };
    expect(iso(nextOccurrences(autumn, BERLIN, new Date('2026-10-14T00:00:00Z'), 2))).toEqual(['2026-10-15T17:30:00.000Z', '2026-10-29T18:30:00.000Z']);
  });

  it('spring forward: 02:30 does not exist on 29 March 2026; it happens at the jump (03:00 CEST)', () => {
    const rule: RecurrenceRule = { kind: 'weekly', weekday: 0, time: '02:30', from: '2026-03-01' };
    expect(iso(nextOccurrences(rule, BERLIN, new Date('2026-03-28T00:00:00Z'), 2))).toEqual(['2026-03-29T01:00:00.000Z', '2026-04-05T00:30:00.000Z']);
  });

  it('fall back: 02:30 happens twice on 25 October 2026; the rule fires once, the first time', () => {
    const daily: RecurrenceRule = { kind: 'cron', expression: '30 2 * * *' };
    expect(iso(nextOccurrences(daily, BERLIN, new Date('2026-10-24T12:00:00Z'), 2))).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z']);
    // Asked from inside the repeated hour (after the first 02:30, before the second), the next is tomorrow's.
    expect(nextOccurrence(daily, BERLIN, new Date('2026-10-25T00:45:00Z'))?.toISOString()).toBe('2026-10-26T01:30:00.000Z');
  });
});

describe('occurrencesBetween', () => {
  it('lists the occurrences in (after, until]', () => {
    const rule: RecurrenceRule = { kind: 'weekly', weekday: 4, time: '19:30', everyWeeks: 2, from: '2026-12-03' };
    expect(iso(occurrencesBetween(rule, SH, new Date('2026-12-03T11:30:00Z'), new Date('2026-12-31T11:30:00Z')))).toEqual([
      '2026-12-17T11:30:00.000Z',
      '2026-12-31T11:30:00.000Z',
    ]);
    expect(occurrencesBetween(rule, SH, new Date('2026-12-04T00:00:00Z'), new Date('2026-12-17T11:29:00Z'))).toEqual([]);
  });
});

describe('once', () => {
  it('one date at a time: the instant while it is ahead, then none; a skipped time is the jump', () => {
    const rule: RecurrenceRule = { kind: 'once', date: '2026-12-03', time: '19:30' };
    expect(nextOccurrence(rule, SH, new Date('2026-12-01T00:00:00Z'))?.toISOString()).toBe('2026-12-03T11:30:00.000Z');
    expect(nextOccurrence(rule, SH, new Date('2026-12-03T11:30:00Z'))).toBeNull();
    expect(occurrencesBetween(rule, SH, new Date('2026-12-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z'))).toHaveLength(1);
    expect(nextOccurrence({ kind: 'once', date: '2026-03-29', time: '02:30' }, BERLIN, new Date('2026-03-01T00:00:00Z'))?.toISOString()).toBe(
      '2026-03-29T01:00:00.000Z',
    );
    expect(() => nextOccurrence({ kind: 'once', date: '2026-02-30', time: '19:30' }, SH, new Date())).toThrow();
  });
});
