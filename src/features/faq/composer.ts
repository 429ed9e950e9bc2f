import { Composer } from 'telegraf';
import type { AppDeps, BotContext } from '../../telegram/context.js';
import { isGroupChat, isPrivateChat } from '../../telegram/guards.js';
import { adminComposer } from './admin-composer.js';
import { askComposer, type Ask } from './ask-composer.js';
import { buttonsComposer } from './buttons-composer.js';
import { learnComposer } from './learn-composer.js';
import { knowledgeBaseOf } from './service.js';

/**
 * The FAQ's handlers: asking (ask-composer), the buttons (buttons-composer, answer-flow), the
 * secretary's commands (admin-composer, learn-composer), and the private free text that is a
 * question (entry edits and the liaison's answer are declared dialogues: entry-dialogue, answer-flow). Rules live in asking.ts / passing-on.ts / service.ts; hand-offs go through the inbox.
 */
export function faqComposer(deps: AppDeps): Composer<BotContext> {
  const kb = knowledgeBaseOf(deps);
  const composer = new Composer<BotContext>();
  const asking = askComposer(deps, kb);
  composer.use(asking.composer, adminComposer(deps, kb), learnComposer(deps, kb), buttonsComposer(deps, kb));
  composer.on('message', (ctx, next) => onMessage(deps, ctx, next, asking.ask));
  return composer;
}

async function onMessage(deps: AppDeps, ctx: BotContext, next: () => Promise<void>, ask: Ask): Promise<void> {
  const message = ctx.message!;
  const text = 'text' in message ? message.text : null;
  if (text?.startsWith('/')) return next();

  if (isPrivateChat(ctx)) {
    if (ctx.dialogue || text === null || !ctx.from) return next();
    return ask(ctx, text, 'private', next);
  }

  if (!isGroupChat(ctx) || text === null || !ctx.from || ctx.from.is_bot) return next();
  const botId = ctx.botInfo?.id;
  const replyTo = 'reply_to_message' in message ? message.reply_to_message : undefined;
  const replyToBot = botId !== undefined && replyTo?.from?.id === botId;
  const username = deps.botUsername();
  const entities = 'entities' in message ? (message.entities ?? []) : [];
  const mentioned =
    username !== '' && entities.some((e) => e.type === 'mention' && text.slice(e.offset, e.offset + e.length).toLowerCase() === `@${username.toLowerCase()}`);
  const question = mentioned ? text.replace(new RegExp(`@${username}`, 'ig'), ' ').trim() : text;
  if (!question) return next();
  return ask(ctx, question, replyToBot || mentioned ? 'explicit' : 'auto');
}
