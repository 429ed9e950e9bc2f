import { formatLocal } from '../../shared/local-time.js';

/** "2026-12-01" in `timeZone`. */
export const formatLocalDate = (date: Date, timeZone: string): string => formatLocal(date, timeZone).slice(0, 10);

/** Below this many registered members a class's liaisons see dates only, not the batch's hour. */
export const MIN_MEMBERS_FOR_TIMES = 8;

/** What liaisons are shown of a batch's time: the hour, or only the day in a small class. */
export const shownTime = (batchAt: Date, timeZone: string, members: number): string =>
  members < MIN_MEMBERS_FOR_TIMES ? formatLocalDate(batchAt, timeZone) : formatLocal(batchAt, timeZone);
