import type { Db } from '../../db/schema.js';
import { fail, ok, type Result } from '../../shared/result.js';
import { findClassesAnywhere } from '../classes/queries.js';
import { isLiaisonOf, isSecretaryOf } from '../people/access.js';
import { classMembers, type ClassMember, type RoleView } from '../people/queries.js';
import { chatByTelegramId, upsertChat, type TelegramChatLike } from './queries.js';

/**
 * A group upgraded to a supergroup gets a new id; the binding follows it. Telegram sends two service
 * messages (one in each chat) and either may come first or twice, so this is idempotent.
 */
export async function migrateChat(db: Db, oldTelegramId: number, newTelegramId: number, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const old = await trx.selectFrom('chats').selectAll().where('telegram_chat_id', '=', oldTelegramId).forUpdate().executeTakeFirst();
    if (!old) return;
    const current = await trx.selectFrom('chats').selectAll().where('telegram_chat_id', '=', newTelegramId).forUpdate().executeTakeFirst();
    if (!current) {
      await trx
        .updateTable('chats')
        .set({ telegram_chat_id: newTelegramId, type: 'supergroup', updated_at: now })
        .where('id', '=', old.id)
        .execute();
      return;
    }
    // Both rows exist (the new supergroup was seen first): keep the new row, carry the binding over.
    const classId = current.class_id ?? old.class_id;
    await trx.deleteFrom('chats').where('id', '=', old.id).execute();
    await trx
      .updateTable('chats')
      .set({ class_id: classId, active: true, type: 'supergroup', updated_at: now })
      .where('id', '=', current.id)
      .execute();
  });
}

export type BindError = 'not_found' | 'ambiguous' | 'not_allowed';
export interface Bound {
  className: string;
  branchName: string;
  previousChatTitle: string | null;
  alreadyBound: boolean;
}

export async function bindChat(
  db: Db,
  chat: TelegramChatLike,
  classRef: string,
  caller: { roles: RoleView[]; isGroupAdmin: boolean },
  now: Date,
): Promise<Result<Bound, BindError>> {
  const matches = await findClassesAnywhere(db, classRef);
  if (matches.length === 0) return fail('not_found');
  const own = matches.filter((m) => isLiaisonOf(caller.roles, m.id) || isSecretaryOf(caller.roles, m.branch_id));
  const candidates = own.length > 0 ? own : matches;
  if (candidates.length > 1) return fail('ambiguous');
  const klass = candidates[0]!;
  const allowed = caller.isGroupAdmin || isLiaisonOf(caller.roles, klass.id) || isSecretaryOf(caller.roles, klass.branch_id);
  if (!allowed) return fail('not_allowed');

  return db.transaction().execute(async (trx) => {
    const row = await upsertChat(trx, chat, true, now);
    if (row.class_id === klass.id) {
      return ok({ className: klass.name, branchName: klass.branch_name, previousChatTitle: null, alreadyBound: true });
    }
    const previous = await trx
      .selectFrom('chats')
      .select(['id', 'title'])
      .where('class_id', '=', klass.id)
      .forUpdate()
      .executeTakeFirst();
    if (previous) await trx.updateTable('chats').set({ class_id: null, updated_at: now }).where('id', '=', previous.id).execute();
    await trx.updateTable('chats').set({ class_id: klass.id, updated_at: now }).where('id', '=', row.id).execute();
    return ok({ className: klass.name, branchName: klass.branch_name, previousChatTitle: previous?.title ?? null, alreadyBound: false });
  });
}

export interface ChatClass {
  className: string;
  liaisons: ClassMember[];
}

export async function classOfChat(db: Db, telegramChatId: number): Promise<ChatClass | null> {
  const chat = await chatByTelegramId(db, telegramChatId);
  if (!chat?.class_id) return null;
  const klass = await db.selectFrom('classes').select(['id', 'name']).where('id', '=', chat.class_id).executeTakeFirstOrThrow();
  const members = (await classMembers(db, [klass.id])).get(klass.id) ?? [];
  return { className: klass.name, liaisons: members.filter((m) => m.role === 'liaison') };
}
