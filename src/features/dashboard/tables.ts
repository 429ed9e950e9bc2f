import type { Generated } from 'kysely';
import type { Language } from '../../i18n/language.js';

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

export interface DashboardDownloadsTable {
  token_hash: string;
  person_id: number;
  tag: string | null;
  q: string | null;
  language: Language;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
}
