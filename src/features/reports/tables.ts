import type { ColumnType, Generated, Selectable } from 'kysely';

type Json = Record<string, unknown>;

export interface ReportDeadlinesTable {
  id: Generated<number>;
  branch_id: number;
  name: string;
  /** The recurrence, as written by the deadline dialogue (checked again when read). */
  rule: ColumnType<Json, Json | string, Json | string>;
  /** null: every class of the branch; else the classes with this tag when an occurrence opens. */
  tag: string | null;
  created_by: number | null;
  created_at: Date;
  stopped_at: Date | null;
  /** Due time of the latest occurrence opened (null before the first). */
  opened_due_at: Date | null;
  /** Due time of the next occurrence to open (null: the rule has no more). */
  next_due_at: Date | null;
}

export interface ReportOccurrencesTable {
  id: Generated<number>;
  deadline_id: number;
  due_at: Date;
  /** YYYY-MM of `due_at` in the branch time zone. */
  period: string;
  opened_at: Date;
}

export type ReportState = 'open' | 'submitted' | 'reviewed';

export interface ClassReportsTable {
  id: Generated<number>;
  occurrence_id: number;
  class_id: number;
  state: Generated<ReportState>;
  applications: number | null;
  thought_reports: number | null;
  school_attendees: number | null;
  dorm_visits: number | null;
  meetings_attended: number | null;
  problems: string | null;
  solutions: string | null;
  suggestions: string | null;
  highlights: string | null;
  updated_at: Date | null;
  updated_by: number | null;
  submitted_at: Date | null;
  submitted_by: number | null;
  submissions: Generated<number>;
  late: Generated<boolean>;
  reviewed_at: Date | null;
  reviewed_by: number | null;
}

export type ReportDeadline = Selectable<ReportDeadlinesTable>;
export type ReportOccurrence = Selectable<ReportOccurrencesTable>;
export type ClassReport = Selectable<ClassReportsTable>;
