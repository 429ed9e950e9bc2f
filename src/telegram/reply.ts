import type { BotContext } from './context.js';
import { cutText } from '../shared/text.js';

const TELEGRAM_TEXT_LIMIT = 4096;

/** Reply in HTML; in groups as a reply to the command, so busy chats keep the thread. */
export async function replyHtml(ctx: BotContext, text: string): Promise<void> {
  const inGroup = ctx.chat?.type === 'group' || ctx.chat?.type === 'supergroup';
  const messageId = ctx.message?.message_id;
  for (const chunk of splitForTelegram(text)) {
    await ctx.reply(chunk, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(inGroup && messageId ? { reply_parameters: { message_id: messageId, allow_sending_without_reply: true } } : {}),
    });
  }
}

/** Splits on blank lines / line ends so no chunk passes Telegram's 4096-character limit or cuts a tag. */
export function splitForTelegram(text: string, limit = TELEGRAM_TEXT_LIMIT - 96): string[] {
  if (text.length <= limit) return [text];
  const chunks: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const candidate = current ? `${current}\n${line}` : line;
    if (candidate.length <= limit) {
      current = candidate;
      continue;
    }
    if (current) chunks.push(current);
    current = cutText(line, limit, '');
  }
  if (current) chunks.push(current);
  return chunks;
}
