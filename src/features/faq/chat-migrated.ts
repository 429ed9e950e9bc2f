import { sql } from 'kysely';
import type { ChatMigratedHook } from '../../chats/migrate.js';

/**
 * A group's row merges into its supergroup's: its questions follow, so a liaison's answer and a
 * "did you mean" answer go to the supergroup; the auto-answer limit keeps the later of the two times.
 */
export const faqOnChatMigrated: ChatMigratedHook = async (trx, from, to) => {
  await trx.updateTable('faq_questions').set({ chat_id: to }).where('chat_id', '=', from).execute();
  await sql`insert into faq_group_auto (chat_id, last_at)
            select ${to}::integer, last_at from faq_group_auto where chat_id = ${from}
            on conflict (chat_id) do update set last_at = greatest(faq_group_auto.last_at, excluded.last_at)`.execute(trx);
  await trx.deleteFrom('faq_group_auto').where('chat_id', '=', from).execute();
};
