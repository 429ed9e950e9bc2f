import type { Db } from '../../db/schema.js';
import { classMembers, type ClassMember } from '../../people/queries.js';
import { chatByTelegramId } from './queries.js';

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
