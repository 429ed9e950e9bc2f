import type { ColumnType, Generated, Selectable } from 'kysely';
import type { RecurrenceRule } from '../../scheduler/recurrence.js';

type Json<T> = ColumnType<T, string, string>;

export interface MeetingsTable {
  id: Generated<number>;
  branch_id: number;
  class_id: number;
  created_by: number | null;
  /** `once` or `weekly` (everyWeeks 1 or 2), in the branch's time zone. */
  rule: Json<RecurrenceRule>;
  place: string;
  topic: string;
  /** Whether the liaisons are expected to present the class's figures. */
  present_figures: boolean;
  /** Post the meeting in the class group at creation and on the morning of the day. */
  post_to_group: boolean;
  state: 'active' | 'cancelled';
  /** Goes up on every edit; part of the reminders' keys, so an edited meeting's reminders are new ones. */
  revision: Generated<number>;
  /** Occurrences up to here are materialised; null: the rule has none left. */
  materialised_until: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** One thing due for an occurrence: a reminder to the liaisons, the escalation, the group's morning post. */
export interface PlanSlot {
  slot: string;
  what: 'remind' | 'escalate' | 'morning';
  /** ISO instant. */
  at: string;
}

export interface MeetingOccurrencesTable {
  id: Generated<number>;
  meeting_id: number;
  starts_at: Date;
  /** The meeting's revision it was planned for. */
  revision: number;
  plan: Json<PlanSlot[]>;
  /** Slots before this index are done. */
  next_slot: Generated<number>;
  /** When the next slot is due; null when nothing is left. */
  next_due_at: Date | null;
}

export interface MeetingAttendanceTable {
  occurrence_id: number;
  person_id: number;
  answer: 'yes' | 'no';
  answered_at: Date;
}

export type Meeting = Selectable<MeetingsTable>;
export type MeetingOccurrence = Selectable<MeetingOccurrencesTable>;
