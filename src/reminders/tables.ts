import type { ColumnType, Generated, Selectable } from 'kysely';

/** A branch's reminder settings as stored: partial JSON, completed with defaults when read (settings.ts). */
export interface BranchSettingsTable {
  branch_id: number;
  settings: ColumnType<Record<string, unknown>, string, string>;
  updated_at: Date;
}

export type ReminderState = 'queued' | 'sent' | 'failed' | 'dropped' | 'cancelled';

/**
 * The ledger of reminders to people: one row per reminder meant (`key` is unique), written in the
 * same transaction as its outbox row. No user text: ids, moments and outcomes only.
 */
export interface RemindersTable {
  id: Generated<number>;
  key: string;
  /** Who asked for it: 'meeting', 'deadline', … */
  kind: string;
  /** The asker's row (a meeting, a deadline). */
  subject_id: number;
  /** Which occurrence of the subject the reminder is about (a meeting's start, a deadline). */
  occurrence: Date;
  /** Which reminder of that occurrence ('24h', '1h', 'escalation', …). */
  slot: string;
  person_id: number;
  /** When it was meant to go. */
  due_at: Date;
  /** When it may go: the due time or, after downtime, the time it was written — moved past quiet hours. */
  send_at: Date;
  /** From then on it is useless (the meeting has begun): not sent, recorded as dropped. */
  stale_at: Date;
  /** The outbox row's dedupe key (null when it was dropped before an outbox row was written). */
  outbox_key: string | null;
  state: ReminderState;
  late: Generated<boolean>;
  /** Why it was dropped or failed (Telegram's reason, 'stale'); never user text. */
  reason: string | null;
  created_at: Date;
  settled_at: Date | null;
}

export type ReminderRow = Selectable<RemindersTable>;
