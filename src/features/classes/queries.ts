import { sql } from 'kysely';
import type { Executor } from '../../db/schema.js';
import type { ClassRow } from './tables.js';

/** A class of the branch by its code (any case) or its exact name. */
export async function findClassInBranch(db: Executor, branchId: number, ref: string): Promise<ClassRow | undefined> {
  return db
    .selectFrom('classes')
    .selectAll()
    .where('branch_id', '=', branchId)
    .where((eb) => eb.or([eb(sql`lower(code)`, '=', ref.toLowerCase()), eb('name', '=', ref)]))
    .orderBy(sql`lower(code) = ${ref.toLowerCase()}`, 'desc')
    .executeTakeFirst();
}

export async function classesOfBranch(db: Executor, branchId: number): Promise<ClassRow[]> {
  return db.selectFrom('classes').selectAll().where('branch_id', '=', branchId).orderBy('name').execute();
}

export async function countRole(db: Executor, classId: number, role: 'liaison' | 'league_secretary'): Promise<number> {
  const row = await db
    .selectFrom('role_assignments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('class_id', '=', classId)
    .where('role', '=', role)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The first branch, named by DEFAULT_BRANCH_NAME, on a database that has none yet: the bot's first
 * start and the CLI create it the same way.
 */
export async function ensureFirstBranch(db: Executor, defaultBranchName: string): Promise<{ id: number }> {
  const existing = await db.selectFrom('branches').select('id').orderBy('id').executeTakeFirst();
  if (existing) return existing;
  return db
    .insertInto('branches')
    .values({ name: defaultBranchName })
    .onConflict((oc) => oc.column('name').doUpdateSet({ name: defaultBranchName }))
    .returning('id')
    .executeTakeFirstOrThrow();
}
