import type { ColumnType, Generated, Selectable } from 'kysely';

type Json = Record<string, unknown>;
/** A calendar date in the branch's time zone, 'YYYY-MM-DD' (the database's `date`, read as text). */
export type DateString = string;

export const stages = ['applicant', 'activist', 'development_target', 'probationary', 'full_member'] as const;
export type Stage = (typeof stages)[number];
export const partySchoolResults = ['attended', 'passed', 'failed'] as const;
export type PartySchoolResult = (typeof partySchoolResults)[number];

export interface PipelineRecordsTable {
  id: Generated<number>;
  class_id: number;
  name: string;
  student_no: string | null;
  stage: Stage;
  applied_on: DateString | null;
  activist_on: DateString | null;
  target_on: DateString | null;
  probationary_on: DateString | null;
  full_on: DateString | null;
  /** A probation extended: the day it now ends (at most a year after the first year). */
  probation_until: DateString | null;
  league_recommended_on: DateString | null;
  party_school_on: DateString | null;
  party_school_result: PartySchoolResult | null;
  contact_a: string | null;
  contact_b: string | null;
  /** The person's own Telegram account, once linked (/my_progress). */
  person_id: number | null;
  note: string | null;
  archived_at: Date | null;
  created_at: Date;
  updated_at: Date;
  updated_by: number | null;
}

export interface PipelineStageChangesTable {
  id: Generated<number>;
  record_id: number;
  /** null: the record was created at `to_stage`. */
  from_stage: Stage | null;
  to_stage: Stage;
  effective_on: DateString;
  /** The rule this change breaks, confirmed by the branch secretary as an exception. */
  exception_rule: string | null;
  exception_reason: string | null;
  exception_by: number | null;
  changed_by: number | null;
  created_at: Date;
}

export interface ThoughtReportsTable {
  id: Generated<number>;
  record_id: number;
  received_on: DateString;
  created_by: number | null;
  created_at: Date;
}

export interface DormVisitsTable {
  id: Generated<number>;
  class_id: number;
  visited_on: DateString;
  dormitory: string;
  learned: string;
  suggestions: string | null;
  created_by: number | null;
  created_at: Date;
}

export interface RecordChangesTable {
  id: Generated<number>;
  class_id: number;
  record_id: number | null;
  actor_id: number | null;
  /** 'create', 'update', 'stage', 'thought_report', 'visit', 'import', 'archive', 'link', … */
  action: string;
  /** What changed: field → [before, after], or the action's own facts. */
  detail: ColumnType<Json, Json | string, Json | string>;
  created_at: Date;
}

export type PipelineRecord = Selectable<PipelineRecordsTable>;
export type StageChange = Selectable<PipelineStageChangesTable>;
export type DormVisit = Selectable<DormVisitsTable>;

/** One-time links that tie a person's Telegram account to their pipeline record (migration 301). */
export interface RecordLinksTable {
  id: Generated<number>;
  code_hash: string;
  record_id: number;
  created_by: number | null;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
  used_by: number | null;
}
