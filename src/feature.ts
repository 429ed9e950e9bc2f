import type { Composer } from 'telegraf';
import type { MessageKey } from './i18n/i18n.js';
import type { AppDeps, BotContext } from './telegram/context.js';
import type { JobHandler } from './outbox/dispatcher.js';
import type { ChatMigratedHook } from './chats/migrate.js';
import type { Schedule } from './scheduler/schedule.js';
import type { Config } from './config/config.js';
import type { DeclaredDialogue } from './dialogue/define.js';

/**
 * Who a command is for; /help and the Telegram command menu are built from this. 'liaison' includes
 * the secretary (who can act for a class); 'liaison_only' is a class liaison's own work (e.g. /report).
 */
export type Audience = 'everyone' | 'secretary' | 'liaison' | 'liaison_only' | 'class_officer';

export interface CommandSpec {
  command: string;
  where: 'private' | 'group' | 'both';
  audience: Audience;
  description: MessageKey;
}

export interface Feature {
  name: string;
  commands: CommandSpec[];
  composer(deps: AppDeps): Composer<BotContext>;
  /** Outbox jobs this feature owns, by kind. */
  jobs?: Record<string, JobHandler>;
  /**
   * Two `chats` rows merge (a group became a supergroup the bot had already seen): move this
   * feature's rows from chat row `from` to `to`. Runs inside the one transaction of the migration.
   */
  onChatMigrated?: ChatMigratedHook;
  /** Work done on a schedule (reminders, digests): ticked once a minute and at start, see src/scheduler/. A function when they depend on the config. */
  schedules?: Schedule[] | ((config: Config) => Schedule[]);
  /** Dialogues declared with `defineDialogue` (src/dialogue/): routed, validated and expired in one place. */
  dialogues?: DeclaredDialogue[];
  /**
   * Run once after ready, in the background: build what the first update would otherwise wait for
   * (indexes, lazily loaded tables), so a restart during a busy hour does not start with a backlog.
   */
  warmUp?(deps: AppDeps): Promise<void>;
}
