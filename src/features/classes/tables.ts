import type { ColumnType, Generated, Selectable } from 'kysely';

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
  /** Free labels such as a grade (2021级) or a major, for choosing a notice's audience. */
  tags: ColumnType<string[], string[] | undefined, string[]>;
  created_at: Generated<Date>;
}

export type Branch = Selectable<BranchesTable>;
export type ClassRow = Selectable<ClassesTable>;
