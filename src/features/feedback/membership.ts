import type { Telegram } from 'telegraf';
import type { Executor } from '../../db/schema.js';

export interface ClassRef {
  classId: number;
  branchId: number;
  name: string;
}

export async function classRef(db: Executor, classId: number): Promise<ClassRef | null> {
  const row = await db.selectFrom('classes').select(['id', 'branch_id', 'name']).where('id', '=', classId).executeTakeFirst();
  return row ? { classId: row.id, branchId: row.branch_id, name: row.name } : null;
}

/** The classes the bot links a person to: their class roles, and the bound groups where they used the bot (FAQ). */
export async function candidateClasses(db: Executor, personId: number): Promise<ClassRef[]> {
  const rows = await db
    .selectFrom('classes as c')
    .select(['c.id', 'c.branch_id', 'c.name'])
    .where((eb) =>
      eb.or([
        eb('c.id', 'in', eb.selectFrom('role_assignments').select('class_id').where('person_id', '=', personId).where('class_id', 'is not', null)),
        eb('c.id', 'in', eb.selectFrom('class_members_seen').select('class_id').where('person_id', '=', personId)),
      ]),
    )
    .orderBy('c.name')
    .execute();
  return rows.map((r) => ({ classId: r.id, branchId: r.branch_id, name: r.name }));
}

/** People the bot knows in a class: those with a role in it and those seen in its group. */
export async function registeredMembers(db: Executor, classId: number): Promise<number> {
  const row = await db
    .selectFrom((eb) =>
      eb
        .selectFrom('role_assignments')
        .select('person_id')
        .where('class_id', '=', classId)
        .union(eb.selectFrom('class_members_seen').select('person_id').where('class_id', '=', classId))
        .as('m'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The class's bound group that the bot is still in. */
export async function boundGroupOf(db: Executor, classId: number): Promise<{ id: number; telegramChatId: number } | undefined> {
  const row = await db
    .selectFrom('chats')
    .select(['id', 'telegram_chat_id'])
    .where('class_id', '=', classId)
    .where('active', '=', true)
    .where('type', 'in', ['group', 'supergroup'])
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row ? { id: row.id, telegramChatId: row.telegram_chat_id } : undefined;
}

export type Membership = 'member' | 'not_member' | 'unchecked';

/** Whether Telegram says the user is in the chat now. */
export async function memberOf(telegram: Telegram, telegramChatId: number, telegramUserId: number): Promise<Membership> {
  try {
    const member = await telegram.getChatMember(telegramChatId, telegramUserId);
    if (member.status === 'creator' || member.status === 'administrator' || member.status === 'member') return 'member';
    if (member.status === 'restricted') return member.is_member ? 'member' : 'not_member';
    return 'not_member';
  } catch {
    return 'unchecked';
  }
}

/**
 * The rule for writing to a class (and for a deep link naming one, which anyone can edit): the
 * writer holds a role in the class, or Telegram says they are a member of its bound group now.
 */
export async function mayWriteTo(db: Executor, telegram: Telegram, personId: number, telegramUserId: number, classId: number): Promise<Membership> {
  const role = await db.selectFrom('role_assignments').select('id').where('person_id', '=', personId).where('class_id', '=', classId).executeTakeFirst();
  if (role) return 'member';
  const group = await boundGroupOf(db, classId);
  if (!group) return 'not_member';
  return memberOf(telegram, group.telegramChatId, telegramUserId);
}
