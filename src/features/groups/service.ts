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
  return { className: klass.name, liaisons: await classLiaisons(db, klass.id) };
}

export async function classLiaisons(db: Db, classId: number): Promise<ClassMember[]> {
  const members = (await classMembers(db, [classId])).get(classId) ?? [];
  return members.filter((m) => m.role === 'liaison');
}
