import type { MiddlewareFn } from 'telegraf';
import { t, translator } from '../i18n/i18n.js';
import { safeError } from '../logging/logger.js';
import { languageFromTelegram } from '../i18n/language.js';
import { claimUpdate, claimUpdateLoadingCaller } from './caller.js';
import { openDialogue, undeclaredRules, type DialogueRules, type DroppedDialogue } from '../dialogue/store.js';
import { escapeHtml } from '../i18n/html.js';
import { originOf, replyHtml } from './reply.js';
import type { AppDeps, BotContext } from './context.js';

/**
 * The error boundary: an unexpected failure is logged without user text and answered with a short
 * apology where the user was talking to the bot; nothing reaches the chat but that apology.
 */
export function errorBoundary(deps: AppDeps): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const started = performance.now();
    const direct = ctx.telegram;
    // Whatever a handler sends through ctx.telegram (ctx.reply, a photo, …) passes the same send gate as replyHtml.
    (ctx as { telegram: BotContext['telegram'] }).telegram = deps.replies.client(ctx.telegram);
    try {
      await next();
    } catch (error) {
      deps.logger.error({ event: 'update_failed', updateId: ctx.update.update_id, err: safeError(error) }, 'update failed');
      await apologise(ctx, deps, direct);
    } finally {
      deps.logger.debug({ event: 'update_handled', updateId: ctx.update.update_id, ms: Math.round(performance.now() - started) }, 'update handled');
    }
  };
}

/**
 * Each step on its own: the handler may already have answered the button (Telegram then refuses a
 * second answer), and that must not cost the user the apology.
 */
async function apologise(ctx: BotContext, deps: AppDeps, direct: BotContext['telegram']): Promise<void> {
  const apology = t(languageFromTelegram(ctx.from?.language_code), 'error.generic');
  if (ctx.callbackQuery) {
    await ctx.answerCbQuery(apology).catch(() => undefined);
  }
  const chatId = ctx.chat?.id;
  const text = ctx.message && 'text' in ctx.message ? ctx.message.text : '';
  if (chatId === undefined || (ctx.chat?.type !== 'private' && !text.startsWith('/'))) return;
  try {
    // the rate-aware path: a busy chat gets the apology from the outbox instead of losing it too
    await deps.replies.send(originOf(ctx), chatId, escapeHtml(apology), {}, false);
  } catch (replyError) {
    // the outbox is in the database, which may be what failed the update: then the apology goes at once, past our own pace
    // (one message beyond it; Telegram's limit is higher), rather than not at all
    try {
      await direct.sendMessage(chatId, escapeHtml(apology), { parse_mode: 'HTML' });
      deps.logger.warn({ event: 'apology_direct', err: safeError(replyError) }, 'apology sent past the outbox');
    } catch (directError) {
      deps.logger.warn({ event: 'apology_failed', err: safeError(directError) }, 'could not send apology');
    }
  }
}

const addressedToBot = (ctx: BotContext): boolean => {
  if (ctx.callbackQuery) return true;
  if (ctx.chat?.type === 'private') return true;
  const text = ctx.message && 'text' in ctx.message ? ctx.message.text : undefined;
  return typeof text === 'string' && text.startsWith('/');
};

/**
 * Telegram may deliver an update twice (webhook retries, two processes): each is claimed in
 * processed_updates and handled once, by whoever claimed it. Then language, translator, and — for
 * updates addressed to the bot — the caller's person row and roles, read with the claim in one statement.
 */
export function claimAndLoadCaller(deps: AppDeps, dialogueRules: DialogueRules = undeclaredRules): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    ctx.deps = deps;
    ctx.lang = languageFromTelegram(ctx.from?.language_code);
    ctx.t = translator(ctx.lang);
    ctx.person = null;
    ctx.roles = [];
    ctx.dialogue = null;
    const updateId = ctx.update.update_id;
    const now = deps.clock.now();
    const caller = ctx.from && !ctx.from.is_bot && addressedToBot(ctx) ? ctx.from : null;
    const loaded = caller
      ? await claimUpdateLoadingCaller(deps.db, updateId, caller, ctx.lang, now)
      : (await claimUpdate(deps.db, updateId, now))
        ? null
        : 'duplicate';
    if (loaded === 'duplicate') {
      deps.logger.debug({ event: 'duplicate_update', updateId }, 'update already handled');
      return;
    }
    if (loaded) {
      ctx.person = loaded.person;
      ctx.roles = loaded.roles;
    }
    if (ctx.person && ctx.chat?.type === 'private') {
      const open = await openDialogue(deps.db, ctx.person.id, deps.clock.now(), dialogueRules);
      ctx.dialogue = open.dialogue;
      if (open.expired && (await noteExpiredDialogue(ctx, open.expired)) === 'consumed') return;
      // Everyone who writes in private has a private chat row from their first message on (so a
      // reply to an anonymous writer never creates one that would date them), and someone who
      // blocked the bot and is back is reachable again.
      await deps.db
        .insertInto('chats')
        .values({ telegram_chat_id: ctx.chat.id, type: 'private', title: '', active: true, class_id: null })
        .onConflict((oc) => oc.column('telegram_chat_id').doUpdateSet({ active: true, updated_at: deps.clock.now() }).where('chats.active', '=', false))
        .execute();
    }
    return next();
  };
}

/**
 * Tells the person their stale dialogue (left too long, or stored by an older version that no longer
 * fits) was dropped. A plain message was meant for that dialogue, so it is not handled as something
 * new ('consumed'); a command or a button goes on as usual.
 */
async function noteExpiredDialogue(ctx: BotContext, dropped: DroppedDialogue): Promise<'consumed' | 'continue'> {
  const text = ctx.message && 'text' in ctx.message ? ctx.message.text : undefined;
  const consumed = ctx.message !== undefined && !text?.startsWith('/');
  const note = dropped.reason === 'invalid' ? ctx.t('dialogue.outdated') : ctx.t('dialogue.expired', { hours: Math.round(dropped.lifetimeMs / 3600_000) });
  await replyHtml(ctx, consumed ? `${note}\n${ctx.t('dialogue.expiredUnused')}` : note);
  return consumed ? 'consumed' : 'continue';
}
