import { describe, expect, it } from 'vitest';
import { afterQuietHours } from '../../src/reminders/quiet.js';
import { defaultSettings, settingsFromJson } from '../../src/reminders/settings.js';

const quiet = { start: '22:30', end: '07:30' };
const SH = 'Asia/Shanghai';
const NY = 'America/New_York';
const iso = (d: Date) => d.toISOString();

describe('afterQuietHours', () => {
  it('outside quiet hours: the moment itself', () => {
    expect(iso(afterQuietHours(new Date('2026-12-03T11:30:00Z'), quiet, SH))).toBe('2026-12-03T11:30:00.000Z'); // 19:30
    expect(iso(afterQuietHours(new Date('2026-12-03T14:29:00Z'), quiet, SH))).toBe('2026-12-03T14:29:00.000Z'); // 22:29
    expect(iso(afterQuietHours(new Date('2026-12-03T23:30:00Z'), quiet, SH))).toBe('2026-12-03T23:30:00.000Z'); // 07:30 sharp
  });

  it('in quiet hours before midnight: the end next morning; after midnight: the end that morning', () => {
    expect(iso(afterQuietHours(new Date('2026-12-03T14:30:00Z'), quiet, SH))).toBe('2026-12-03T23:30:00.000Z'); // 22:30 → 07:30
    expect(iso(afterQuietHours(new Date('2026-12-03T18:00:00Z'), quiet, SH))).toBe('2026-12-03T23:30:00.000Z'); // 02:00 → 07:30
  });

  it('a window within one day, none, and no quiet hours at all', () => {
    expect(iso(afterQuietHours(new Date('2026-12-03T05:00:00Z'), { start: '12:00', end: '14:00' }, SH))).toBe('2026-12-03T06:00:00.000Z');
    expect(iso(afterQuietHours(new Date('2026-12-03T05:00:00Z'), { start: '12:00', end: '12:00' }, SH))).toBe('2026-12-03T05:00:00.000Z');
    expect(iso(afterQuietHours(new Date('2026-12-03T18:00:00Z'), null, SH))).toBe('2026-12-03T18:00:00.000Z');
  });

  it('across a DST change (America/New_York): the end is 07:30 local on either side', () => {
    // Sat 7 March 2026 23:00 EST → Sun 8 March 07:30 EDT (11:30Z).
    expect(iso(afterQuietHours(new Date('2026-03-08T04:00:00Z'), quiet, NY))).toBe('2026-03-08T11:30:00.000Z');
    // Sat 31 October 23:00 EDT → Sun 1 November 07:30 EST (12:30Z).
    expect(iso(afterQuietHours(new Date('2026-11-01T03:00:00Z'), quiet, NY))).toBe('2026-11-01T12:30:00.000Z');
  });
});

describe('settings read from the database', () => {
  it('fill in defaults and replace unreadable fields with them', () => {
    expect(settingsFromJson(undefined)).toEqual(defaultSettings);
    expect(settingsFromJson({ escalationLeadMinutes: 90, quietHours: null })).toEqual({ ...defaultSettings, escalationLeadMinutes: 90, quietHours: null });
    expect(settingsFromJson({ meetingReminderMinutes: [60, 60], quietHours: { start: '25:00', end: '07:00' } })).toEqual(defaultSettings);
  });
});
