import type { Telegram } from 'telegraf';
import type { BotCommandScope } from 'telegraf/types';
import type { CommandSpec } from '../feature.js';
import { t } from '../i18n/i18n.js';
import { languages } from '../i18n/language.js';
import { visibleCommands } from './visible-commands.js';
import { cutText } from '../shared/text.js';

/**
 * The "/" menu Telegram shows (six calls, side by side): student commands in private and in groups. Role-specific commands (secretary) appear in /help, which knows the caller.
 */
export async function publishCommandMenu(telegram: Telegram, all: CommandSpec[]): Promise<void> {
  const scopes: Array<{ scope: BotCommandScope; commands: CommandSpec[] }> = [
    { scope: { type: 'all_private_chats' }, commands: visibleCommands(all, { chat: 'private', roles: [] }) },
    { scope: { type: 'all_group_chats' }, commands: visibleCommands(all, { chat: 'group', roles: [] }) },
    // Admins once had /bind here; binding now needs a class role, so they see what every member sees.
    { scope: { type: 'all_chat_administrators' }, commands: visibleCommands(all, { chat: 'group', roles: [] }) },
  ];
  await Promise.all(
    scopes.flatMap(({ scope, commands }) =>
      languages.map((language) =>
        telegram.setMyCommands(
          commands.map((c) => ({ command: c.command, description: plain(t(language, c.description)) })),
          { scope, ...(language === 'zh' ? {} : { language_code: language }) },
        ),
      ),
    ),
  );
}

const plain = (html: string) => cutText(html.replace(/<[^>]+>/g, ''), 256, '');
