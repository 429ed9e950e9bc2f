import type { Generated, Selectable } from 'kysely';

export interface BranchesTable {
  id: Generated<number>;
  name: string;
  created_at: Generated<Date>;
}

export interface ClassesTable {
  id: Generated<number>;
  branch_id: number;
  name: string;
  code: string;
  created_at: Generated<Date>;
}

export type Branch = Selectable<BranchesTable>;
export type ClassRow = Selectable<ClassesTable>;
