import type { Db, Executor } from '../../db/schema.js';
import { t } from '../../i18n/i18n.js';
import type { Language } from '../../i18n/language.js';
import { sendToChat, sendToPerson } from '../../outbox/messages.js';
import type { Clock } from '../../shared/clock.js';
import { fail, ok, type Result } from '../../shared/result.js';
import { displayName, type RoleView } from '../../people/queries.js';
import { canMoveClass, classesUnderAuthority, matchClassRef } from './authority.js';
import { lockUsableBindCode } from './bind-codes.js';
import { upsertChat, type TelegramChatLike } from './queries.js';

export type BindError = 'not_allowed' | 'not_found' | 'ambiguous' | 'move_not_allowed' | 'chat_taken' | 'code_invalid';

export interface Bound {
  /** The `chats` row now bound to the class. */
  chatRowId: number;
  className: string;
  branchName: string;
  previousChatTitle: string | null;
  alreadyBound: boolean;
}

export interface Binder {
  personId: number | null;
  name: string;
  roles: RoleView[];
}

interface Target {
  id: number;
  name: string;
  branchId: number;
  branchName: string;
  canMove: boolean;
}

/**
 * `/bind CLASS` in a group: only a class the caller has authority over can be named, so a refusal
 * says nothing about which classes exist.
 */
export async function bindByClassRef(db: Db, clock: Clock, chat: TelegramChatLike, ref: string, binder: Binder): Promise<Result<Bound, BindError>> {
  const mine = await classesUnderAuthority(db, binder.roles);
  if (mine.length === 0) return fail('not_allowed');
  const matches = matchClassRef(mine, ref);
  if (matches.length === 0) return fail('not_found');
  if (matches.length > 1) return fail('ambiguous');
  const target = matches[0]!;
  return db.transaction().execute((trx) => attach(trx, clock, chat, target, binder));
}

/** The one-time code from a bind link: whoever holds it binds the class it was made for, once. */
export async function bindByCode(db: Db, clock: Clock, chat: TelegramChatLike, code: string, binder: Binder): Promise<Result<Bound, BindError>> {
  return db.transaction().execute(async (trx) => {
    const row = await lockUsableBindCode(trx, code, clock.now());
    if (!row) return fail('code_invalid');
    const klass = await trx
      .selectFrom('classes as c')
      .innerJoin('branches as b', 'b.id', 'c.branch_id')
      .select(['c.id', 'c.name', 'c.branch_id', 'b.name as branch_name'])
      .where('c.id', '=', row.class_id)
      .executeTakeFirstOrThrow();
    const canMove = row.can_move || canMoveClass(binder.roles, klass);
    const target = { id: klass.id, name: klass.name, branchId: klass.branch_id, branchName: klass.branch_name, canMove };
    const result = await attach(trx, clock, chat, target, binder);
    if (result.ok) {
      await trx.updateTable('bind_codes').set({ used_at: clock.now(), used_in_chat_id: result.value.chatRowId }).where('id', '=', row.id).execute();
    }
    return result;
  });
}

async function attach(trx: Executor, clock: Clock, chat: TelegramChatLike, target: Target, binder: Binder): Promise<Result<Bound, BindError>> {
  const now = clock.now();
  const row = await upsertChat(trx, chat, true, now);
  const bound = { chatRowId: row.id, className: target.name, branchName: target.branchName };
  if (row.class_id === target.id) return ok({ ...bound, previousChatTitle: null, alreadyBound: true });
  if (row.class_id !== null) {
    // This group belongs to another class: only someone who could move that class may take it.
    const other = await trx.selectFrom('classes').select(['id', 'branch_id']).where('id', '=', row.class_id).executeTakeFirstOrThrow();
    if (!canMoveClass(binder.roles, other)) return fail('chat_taken');
  }
  const previous = await trx.selectFrom('chats').select(['id', 'title', 'active']).where('class_id', '=', target.id).forUpdate().executeTakeFirst();
  if (previous?.active && !target.canMove) return fail('move_not_allowed');
  if (previous) await trx.updateTable('chats').set({ class_id: null, updated_at: now }).where('id', '=', previous.id).execute();
  await trx.updateTable('chats').set({ class_id: target.id, updated_at: now }).where('id', '=', row.id).execute();
  if (previous) await tellAboutMove(trx, now, target, { id: previous.id, title: previous.title, active: previous.active }, chat.title ?? '', binder);
  return ok({ ...bound, previousChatTitle: previous?.title ?? null, alreadyBound: false });
}

/** The old group learns it no longer gets the class's notices; the branch's secretaries learn who moved it. */
async function tellAboutMove(
  trx: Executor,
  now: Date,
  target: Target,
  previous: { id: number; title: string; active: boolean },
  currentTitle: string,
  binder: Binder,
): Promise<void> {
  const key = `class-moved:${target.id}:${previous.id}:${now.getTime()}`;
  if (previous.active) await sendToChat(trx, previous.id, t('zh', 'bind.movedAway', { class: target.name }), { dedupeKey: key, now });
  const secretaries = await trx
    .selectFrom('role_assignments')
    .select('person_id')
    .where('role', '=', 'secretary')
    .where('branch_id', '=', target.branchId)
    .execute();
  for (const { person_id } of secretaries) {
    if (person_id === binder.personId) continue;
    const render = (lang: Language) => t(lang, 'bind.movedReport', { class: target.name, who: binder.name, previous: previous.title, current: currentTitle });
    await sendToPerson(trx, person_id, render, { dedupeKey: key, now });
  }
}

export const binderName = (from: { first_name: string; last_name?: string | undefined } | undefined): string =>
  from ? displayName(from.first_name, from.last_name ?? null) : '';
