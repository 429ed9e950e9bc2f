import { describe, expect, it } from 'vitest';
import { overdueMoments, reminderMoments } from '../../src/features/reports/reminders.js';
import { defaultSettings } from '../../src/reminders/settings.js';

const SH = 'Asia/Shanghai';
const iso = (moments: Array<{ slot: string; at: Date; staleAt: Date }>) => moments.map((m) => [m.slot, m.at.toISOString(), m.staleAt.toISOString()]);

describe('when a deadline reminds', () => {
  it('3 and 1 days before and on the day at 09:00; each is stale when the next one comes, the last at the due time', () => {
    expect(iso(reminderMoments(new Date('2026-11-30T10:00:00Z'), defaultSettings, SH))).toEqual([
      ['before:3', '2026-11-27T01:00:00.000Z', '2026-11-29T01:00:00.000Z'],
      ['before:1', '2026-11-29T01:00:00.000Z', '2026-11-30T01:00:00.000Z'],
      ['before:0', '2026-11-30T01:00:00.000Z', '2026-11-30T10:00:00.000Z'],
    ]);
  });

  it('a deadline due before the reminder time of its day is reminded an hour before it', () => {
    const due = new Date('2026-11-29T23:00:00Z'); // 07:00 on 30 November
    expect(iso(reminderMoments(due, { ...defaultSettings, deadlineReminderDays: [1, 0] }, SH))).toEqual([
      ['before:1', '2026-11-29T01:00:00.000Z', '2026-11-29T22:00:00.000Z'],
      ['before:0', '2026-11-29T22:00:00.000Z', '2026-11-29T23:00:00.000Z'],
    ]);
  });

  it('overdue: once a day, until the next occurrence is due or for 30 days', () => {
    const due = new Date('2026-11-30T10:00:00Z');
    const weekly = overdueMoments(due, new Date('2026-12-07T10:00:00Z'), defaultSettings, SH);
    expect(weekly.map((m) => m.slot)).toEqual(
      ['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06', '2026-12-07'].map((d) => `overdue:${d}`),
    );
    expect(iso(weekly)[0]).toEqual(['overdue:2026-12-01', '2026-12-01T01:00:00.000Z', '2026-12-02T01:00:00.000Z']);
    expect(overdueMoments(due, null, defaultSettings, SH)).toHaveLength(30);
  });

  it('in a zone with DST the reminder keeps its wall-clock time', () => {
    const due = new Date('2026-03-30T16:00:00Z'); // 18:00 CEST on Monday 30 March; clocks went forward on the 29th
    const berlin = reminderMoments(due, defaultSettings, 'Europe/Berlin');
    expect(berlin.map((m) => m.at.toISOString())).toEqual(['2026-03-27T08:00:00.000Z', '2026-03-29T07:00:00.000Z', '2026-03-30T07:00:00.000Z']);
  });
});
