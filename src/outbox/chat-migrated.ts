import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

/** Two `chats` rows merge (a group became a supergroup the bot already knew): its jobs follow. */
export async function outboxOnChatMigrated(trx: Transaction<Database>, from: number, to: number): Promise<void> {
  await trx.updateTable('outbox').set({ chat_id: to }).where('chat_id', '=', from).execute();
}
