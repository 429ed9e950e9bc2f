import type { Executor } from '../../db/schema.js';
import type { BranchSettings } from '../../reminders/settings.js';
import { settingsByBranch } from '../../reminders/settings.js';
import { nextOccurrence, occurrencesBetween, type RecurrenceRule } from '../../scheduler/recurrence.js';
import { localParts, localToInstant } from '../../shared/when.js';
import type { Meeting, PlanSlot } from './tables.js';

const DAY_MS = 86_400_000;
/** Occurrences are materialised this far ahead: more than the longest reminder offset a branch may set (14 days). */
export const HORIZON_MS = 15 * DAY_MS;
/** A refill reaches this much further, so a weekly meeting is touched about once a week, not every tick. */
const REFILL_MS = 7 * DAY_MS;
/** After downtime, occurrences that began longer ago than this are not materialised at all. */
const LOOKBACK_MS = HORIZON_MS;

/**
 * What is due for one occurrence, in order: the liaisons' reminders at the branch's offsets, the
 * escalation, and the morning post in the class group. Slots whose moment came before the meeting
 * was saved (a meeting arranged 3 hours ahead has no 24 h reminder) never applied and are left out.
 */
export function buildPlan(meeting: Pick<Meeting, 'post_to_group' | 'updated_at'>, startsAt: Date, settings: BranchSettings, timeZone: string): PlanSlot[] {
  const start = startsAt.getTime();
  const slots: Array<{ slot: string; what: PlanSlot['what']; at: number }> = settings.meetingReminderMinutes.map((m) => ({
    slot: `r${m}`,
    what: 'remind' as const,
    at: start - m * 60_000,
  }));
  slots.push({ slot: 'esc', what: 'escalate', at: start - settings.escalationLeadMinutes * 60_000 });
  if (meeting.post_to_group) {
    const day = localParts(startsAt, timeZone);
    const [hour, minute] = settings.meetingMorningTime.split(':').map(Number) as [number, number];
    const morning = localToInstant(day.year, day.month, day.day, hour, minute, timeZone).at.getTime();
    if (morning < start) slots.push({ slot: 'morning', what: 'morning', at: morning });
  }
  return slots
    .filter((s) => s.at >= meeting.updated_at.getTime())
    .sort((a, b) => a.at - b.at)
    .map((s) => ({ slot: s.slot, what: s.what, at: new Date(s.at).toISOString() }));
}

/** Writes the meeting's occurrences up to the horizon (unique per meeting and start: a repeat writes nothing). */
export async function materialiseMeeting(trx: Executor, meeting: Meeting, settings: BranchSettings, now: Date, timeZone: string): Promise<number> {
  const rule = meeting.rule as RecurrenceRule;
  const cursor = new Date(Math.max(meeting.materialised_until?.getTime() ?? now.getTime(), now.getTime() - LOOKBACK_MS));
  const until = new Date(now.getTime() + HORIZON_MS + REFILL_MS);
  const starts = occurrencesBetween(rule, timeZone, cursor, until, 100);
  if (starts.length > 0) {
    await trx
      .insertInto('meeting_occurrences')
      .values(
        starts.map((startsAt) => {
          const plan = buildPlan(meeting, startsAt, settings, timeZone);
          return {
            meeting_id: meeting.id,
            starts_at: startsAt,
            revision: meeting.revision,
            plan: JSON.stringify(plan),
            next_slot: 0,
            next_due_at: plan[0] ? new Date(plan[0].at) : null,
          };
        }),
      )
      .onConflict((oc) => oc.columns(['meeting_id', 'starts_at']).doNothing())
      .execute();
  }
  const more = nextOccurrence(rule, timeZone, until) !== null;
  await trx
    .updateTable('meetings')
    .set({ materialised_until: more ? until : null })
    .where('id', '=', meeting.id)
    .execute();
  return starts.length;
}

/** The tick's first half: meetings whose materialised occurrences end inside the horizon. Returns how many were refilled. */
export async function materialiseDue(trx: Executor, now: Date, timeZone: string, batch: number): Promise<number> {
  const meetings = await trx
    .selectFrom('meetings')
    .selectAll()
    .where('state', '=', 'active')
    .where('materialised_until', 'is not', null)
    .where('materialised_until', '<', new Date(now.getTime() + HORIZON_MS))
    .orderBy('materialised_until')
    .limit(batch)
    .execute();
  if (meetings.length === 0) return 0;
  const settings = await settingsByBranch(
    trx,
    meetings.map((m) => m.branch_id),
  );
  for (const meeting of meetings) await materialiseMeeting(trx, meeting, settings.get(meeting.branch_id)!, now, timeZone);
  return meetings.length;
}
