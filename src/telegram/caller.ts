import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db } from '../db/schema.js';
import type { Language } from '../i18n/language.js';
import { currentBranchFirst, personUpsert, roleView, type RoleView, type TelegramUserLike } from '../people/queries.js';
import type { Person } from '../people/tables.js';

/**
 * Claims an update in processed_updates (once per update_id, across processes); false: another
 * delivery of it was handled already.
 */
export async function claimUpdate(db: Db, updateId: number, now: Date): Promise<boolean> {
  const inserted = await db
    .insertInto('processed_updates')
    .values({ update_id: updateId, processed_at: now })
    .onConflict((oc) => oc.column('update_id').doNothing())
    .returning('update_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/**
 * claimUpdate, the caller's person row (added or brought up to date) and their roles, in one
 * statement: every update addressed to the bot needs all three. A duplicate delivery also refreshes
 * the profile (the same values its first delivery wrote) and is then left alone ('duplicate').
 */
export async function claimUpdateLoadingCaller(
  db: Db,
  updateId: number,
  user: TelegramUserLike,
  language: Language,
  now: Date,
): Promise<{ person: Person; roles: RoleView[] } | 'duplicate'> {
  const row = await db
    .with('p', (qb) => personUpsert(qb, user, language, now).returningAll())
    .with('claimed', (qb) =>
      qb
        .insertInto('processed_updates')
        .values({ update_id: updateId, processed_at: now })
        .onConflict((oc) => oc.column('update_id').doNothing())
        .returning('update_id'),
    )
    .selectFrom('p')
    .selectAll('p')
    .select((eb) => [
      eb.exists(eb.selectFrom('claimed').select('update_id')).as('claimed'),
      jsonArrayFrom(
        eb
          .selectFrom('role_assignments as r')
          .innerJoin('branches as b', 'b.id', 'r.branch_id')
          .leftJoin('classes as c', 'c.id', 'r.class_id')
          .whereRef('r.person_id', '=', 'p.id')
          .select(['r.id', 'r.role', 'r.branch_id', 'b.name as branch_name', 'r.class_id', 'c.name as class_name', 'c.code as class_code']),
      ).as('roles'),
    ])
    .executeTakeFirstOrThrow();
  const { claimed, roles, ...person } = row;
  if (claimed !== true) return 'duplicate';
  // (json_agg keeps no order of its own: sorted here, as rolesOf's `order by r.id`)
  const sorted = [...roles].sort((a, b) => a.id - b.id);
  return { person, roles: currentBranchFirst(sorted.map(roleView), person.current_branch_id) };
}
