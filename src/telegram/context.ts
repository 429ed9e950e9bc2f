import type { Context } from 'telegraf';
import type { ChatMigrator } from '../chats/migrate.js';
import type { Config } from '../config/config.js';
import type { Db } from '../db/schema.js';
import type { Translate } from '../i18n/i18n.js';
import type { Language } from '../i18n/language.js';
import type { Logger } from '../logging/logger.js';
import type { Clock } from '../shared/clock.js';
import type { Person } from '../people/tables.js';
import type { RoleView } from '../people/queries.js';
import type { Dialogue } from '../dialogue/store.js';
import type { Replies } from './replies.js';

/** Everything a feature may use; passed in explicitly, never imported as a singleton. */
export interface AppDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  config: Config;
  botUsername: () => string;
  /** Wakes the outbox dispatcher after something was enqueued. */
  outbox: { poke(): void };
  /** Follows a group upgraded to a supergroup, with every feature's `onChatMigrated` hook. */
  migrateChat: ChatMigrator;
  /** The rate-aware path of answers to commands (use replyHtml / sendHtml from reply.ts). */
  replies: Replies;
}

export interface BotContext extends Context {
  deps: AppDeps;
  lang: Language;
  t: Translate;
  /** The caller's person row when the update is addressed to the bot (command, private message, button). */
  person: Person | null;
  roles: RoleView[];
  /** The caller's open dialogue (private chats and button presses only). */
  dialogue: Dialogue | null;
}
