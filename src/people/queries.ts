import { sql, type QueryCreator } from 'kysely';
import type { Database, Executor } from '../db/schema.js';
import type { Language } from '../i18n/language.js';
import type { Person, Role } from './tables.js';

export interface TelegramUserLike {
  id: number;
  first_name: string;
  last_name?: string | undefined;
  username?: string | undefined;
}

/** The caller's row, added or brought up to date from their Telegram profile (not yet returned: a CTE of a larger statement may). */
export function personUpsert(db: QueryCreator<Database>, user: TelegramUserLike, language: Language, now: Date) {
  return db
    .insertInto('people')
    .values({
      telegram_user_id: user.id,
      first_name: user.first_name,
      last_name: user.last_name ?? null,
      username: user.username ?? null,
      language,
    })
    .onConflict((oc) =>
      oc.column('telegram_user_id').doUpdateSet((eb) => ({
        first_name: eb.ref('excluded.first_name'),
        last_name: eb.ref('excluded.last_name'),
        username: eb.ref('excluded.username'),
        language: eb.ref('excluded.language'),
        // Only a changed profile moves updated_at: it must not record each time someone talks to the bot.
        updated_at: sql<Date>`case when (people.first_name, people.last_name, people.username, people.language)
          is distinct from (excluded.first_name, excluded.last_name, excluded.username, excluded.language) then ${now} else people.updated_at end`,
      })),
    );
}

export async function upsertPerson(db: Executor, user: TelegramUserLike, language: Language, now: Date): Promise<Person> {
  return personUpsert(db, user, language, now).returningAll().executeTakeFirstOrThrow();
}

export interface RoleView {
  role: Role;
  branchId: number;
  branchName: string;
  classId: number | null;
  className: string | null;
  classCode: string | null;
}

/** The person's roles; those in their current branch (if they chose one) come first. */
export async function rolesOf(db: Executor, personId: number, currentBranchId: number | null = null): Promise<RoleView[]> {
  const rows = await db
    .selectFrom('role_assignments as r')
    .innerJoin('branches as b', 'b.id', 'r.branch_id')
    .leftJoin('classes as c', 'c.id', 'r.class_id')
    .where('r.person_id', '=', personId)
    .select(['r.role', 'r.branch_id', 'b.name as branch_name', 'r.class_id', 'c.name as class_name', 'c.code as class_code'])
    .orderBy('r.id')
    .execute();
  return currentBranchFirst(rows.map(roleView), currentBranchId);
}

export interface RoleRow {
  role: Role;
  branch_id: number;
  branch_name: string;
  class_id: number | null;
  class_name: string | null;
  class_code: string | null;
}

export const roleView = (r: RoleRow): RoleView => ({
  role: r.role,
  branchId: r.branch_id,
  branchName: r.branch_name,
  classId: r.class_id,
  className: r.class_name,
  classCode: r.class_code,
});

/** Roles in the person's current branch (if they chose one) first. */
export function currentBranchFirst(views: RoleView[], currentBranchId: number | null): RoleView[] {
  if (currentBranchId === null) return views;
  return [...views.filter((v) => v.branchId === currentBranchId), ...views.filter((v) => v.branchId !== currentBranchId)];
}

export interface ClassMember {
  personId: number;
  telegramUserId: number;
  name: string;
  username: string | null;
  role: Role;
}

export async function classMembers(db: Executor, classIds: number[]): Promise<Map<number, ClassMember[]>> {
  const byClass = new Map<number, ClassMember[]>();
  if (classIds.length === 0) return byClass;
  const rows = await db
    .selectFrom('role_assignments as r')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .where('r.class_id', 'in', classIds)
    .select(['r.class_id', 'r.role', 'p.id', 'p.telegram_user_id', 'p.first_name', 'p.last_name', 'p.username'])
    .orderBy('r.id')
    .execute();
  for (const r of rows) {
    if (r.class_id === null) continue;
    const list = byClass.get(r.class_id) ?? [];
    list.push({
      personId: r.id,
      telegramUserId: r.telegram_user_id,
      name: displayName(r.first_name, r.last_name),
      username: r.username,
      role: r.role,
    });
    byClass.set(r.class_id, list);
  }
  return byClass;
}

export function displayName(first: string, last: string | null): string {
  return last ? `${first} ${last}` : first;
}
