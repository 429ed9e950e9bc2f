import type { ChatMigratedHook } from '../../chats/migrate.js';

/**
 * A class group's row merges into its supergroup's: deliveries follow (otherwise `on delete set null`
 * would orphan them, and acknowledgements, edits and retractions would lose the group).
 */
export const noticesOnChatMigrated: ChatMigratedHook = async (trx, from, to) => {
  await trx.updateTable('deliveries').set({ chat_id: to }).where('chat_id', '=', from).execute();
};
