import type { Generated } from 'kysely';

export interface DashboardLoginCodesTable {
  code_hash: string;
  person_id: number;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
}

export interface DashboardSessionsTable {
  token_hash: string;
  person_id: number;
  created_at: Date;
  expires_at: Date;
}

export interface DashboardMenuButtonsTable {
  person_id: number;
  url: string;
  set_at: Generated<Date>;
}
