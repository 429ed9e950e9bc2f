import type { Generated, Selectable } from 'kysely';
import type { Role } from '../../people/tables.js';

export interface InvitesTable {
  id: Generated<number>;
  code_hash: string;
  role: Role;
  branch_id: number;
  class_id: number | null;
  created_by: number | null;
  is_setup: Generated<boolean>;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
  used_by: number | null;
  revoked_at: Date | null;
}

export type InviteRow = Selectable<InvitesTable>;
