import type { Generated, Selectable } from 'kysely';
import type { Language } from '../i18n/language.js';

export const roles = ['secretary', 'liaison', 'league_secretary', 'counselor'] as const;
export type Role = (typeof roles)[number];

export interface PeopleTable {
  id: Generated<number>;
  telegram_user_id: number;
  first_name: string;
  last_name: string | null;
  username: string | null;
  language: Language;
  /** For a secretary of several branches: the one their commands act on. */
  current_branch_id: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface RoleAssignmentsTable {
  id: Generated<number>;
  person_id: number;
  role: Role;
  branch_id: number;
  class_id: number | null;
  created_at: Generated<Date>;
}

export type Person = Selectable<PeopleTable>;
export type RoleAssignment = Selectable<RoleAssignmentsTable>;
