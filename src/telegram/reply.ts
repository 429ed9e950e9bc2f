import type { InlineKeyboardButton } from 'telegraf/types';
import type { BotContext } from './context.js';
import type { ReplyExtras, ReplyOrigin, ReplyResult } from './replies.js';
import { cutText } from '../shared/text.js';
import { translator } from '../i18n/i18n.js';
import { languageFromTelegram } from '../i18n/language.js';

const TELEGRAM_TEXT_LIMIT = 4096;
const origins = new WeakMap<BotContext, ReplyOrigin>();

/** The update a reply answers, one per context (its replies are numbered for the outbox's dedupe key). */
export function originOf(ctx: BotContext): ReplyOrigin {
  const known = origins.get(ctx);
  if (known) return known;
  const chat = ctx.chat ? { id: ctx.chat.id, type: ctx.chat.type, ...('title' in ctx.chat ? { title: ctx.chat.title } : {}) } : undefined;
  const from = ctx.from ? { id: ctx.from.id, name: [ctx.from.first_name, ctx.from.last_name].filter(Boolean).join(' ') } : undefined;
  // ctx.t is set by claimAndLoadCaller; an update that failed before it still gets its apology
  const t = ctx.t ?? translator(languageFromTelegram(ctx.from?.language_code));
  const origin: ReplyOrigin = { updateId: ctx.update.update_id, chat, from, t };
  origins.set(ctx, origin);
  return origin;
}

/**
 * Reply in HTML; in groups as a reply to the command, so busy chats keep the thread. Goes through
 * the rate-aware reply path (src/telegram/replies.ts): never lost to a 429 or a busy group.
 */
export async function replyHtml(ctx: BotContext, text: string, extras: { keyboard?: InlineKeyboardButton[][] } = {}): Promise<void> {
  const inGroup = ctx.chat?.type === 'group' || ctx.chat?.type === 'supergroup';
  const messageId = ctx.message?.message_id;
  const chunks = splitForTelegram(text);
  for (const [i, chunk] of chunks.entries()) {
    const keyboard = i === chunks.length - 1 ? extras.keyboard : undefined;
    await ctx.deps.replies.send(originOf(ctx), ctx.chat!.id, chunk, {
      ...(inGroup && messageId ? { replyTo: messageId } : {}),
      ...(keyboard ? { keyboard } : {}),
    });
  }
}

/** replyHtml with an inline keyboard under the (last part of the) message. */
export const replyHtmlWithKeyboard = (ctx: BotContext, text: string, keyboard: InlineKeyboardButton[][]) => replyHtml(ctx, text, { keyboard });

/** Telegram refused the chat for good (the person blocked the bot, the bot was removed). */
export class NotDelivered extends Error {
  constructor() {
    super('the chat cannot be reached');
    this.name = 'NotDelivered';
  }
}

/**
 * One message to any chat while handling an update (e.g. to a liaison), through the same rate-aware
 * path. Throws NotDelivered when the chat cannot be reached, so callers can say so.
 */
export async function sendHtml(ctx: BotContext, chatId: number, html: string, extras: ReplyExtras = {}): Promise<Exclude<ReplyResult, 'failed'>> {
  const result = await ctx.deps.replies.send(originOf(ctx), chatId, html, extras);
  if (result === 'failed') throw new NotDelivered();
  return result;
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
