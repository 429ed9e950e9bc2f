import { Composer } from 'telegraf';
import type { MessageKey } from '../../i18n/i18n.js';
import type { AppDeps, BotContext } from '../../telegram/context.js';
import { renderAnswer } from './answers.js';
import { makeEntry, startAnswer } from './answer-flow.js';
import { passOnLogged } from './asking.js';
import { answerContext, classById, notHelpfulButton, plain, replyTo } from './context.js';
import { questionById, setQuestionStatus, type QuestionInChat } from './queries.js';
import { callbackSchema } from './schemas.js';
import type { FaqKnowledgeBase } from './service.js';

/** The FAQ's buttons: the asker's (a suggestion, "that didn't help") and the liaison's (answer, make an entry). */
export function buttonsComposer(deps: AppDeps, kb: FaqKnowledgeBase): Composer<BotContext> {
  const { db, clock, logger } = deps;
  const composer = new Composer<BotContext>();

  /** A suggested entry taken: answer with it, where the question was asked. */
  const showSuggestion = async (ctx: BotContext, q: QuestionInChat, slug: string): Promise<boolean> => {
    const entry = (await kb.current()).entries.get(slug);
    if (!entry || q.status === 'resolved') return !(await ctx.answerCbQuery(plain(ctx.t('faq.cb.invalid'))));
    await ctx.answerCbQuery();
    await setQuestionStatus(db, q.id, 'answered', clock.now(), { matchedSlug: entry.slug });
    logger.info({ event: 'faq_suggestion_taken', questionId: q.id, slug: entry.slug }, 'suggestion taken');
    const html = await renderAnswer(entry, answerContext(db, ctx.lang, await classById(db, q.class_id)));
    await replyTo(ctx, q.telegram_chat_id, html, { replyTo: q.telegram_chat_id < 0 ? q.message_id : undefined, buttons: notHelpfulButton(ctx.lang, q.id) });
    return true;
  };

  /** "That didn't help" / "none of these": the question goes to the liaisons through the inbox. */
  const notHelpful = async (ctx: BotContext, q: QuestionInChat): Promise<boolean> => {
    if (q.status === 'routed' || q.status === 'recorded' || q.status === 'resolved') {
      return !(await ctx.answerCbQuery(plain(ctx.t('faq.cb.alreadyRouted'))));
    }
    const routed = await passOnLogged(deps, q.id, clock.now());
    deps.outbox.poke();
    const key: MessageKey = routed ? 'faq.routed' : 'faq.recorded';
    await ctx.answerCbQuery(plain(ctx.t(key)));
    if (q.telegram_chat_id > 0) await replyTo(ctx, q.telegram_chat_id, ctx.t(key));
    return true;
  };

  composer.action(/^faq:/, async (ctx) => {
    const data = 'data' in ctx.callbackQuery ? ctx.callbackQuery.data : '';
    const parsed = callbackSchema.safeParse(data);
    const q = parsed.success ? await questionById(db, parsed.data.questionId) : undefined;
    if (!parsed.success || !q || !ctx.person) {
      logger.info({ event: 'faq_callback_invalid', personId: ctx.person?.id }, 'invalid FAQ button');
      return ctx.answerCbQuery(plain(ctx.t('faq.cb.invalid')));
    }
    const cb = parsed.data;
    if (cb.action === 'a') return startAnswer(deps, ctx, q.id);
    if (cb.action === 'm') return makeEntry(deps, ctx, q);
    if (q.asker_id !== ctx.person.id) return ctx.answerCbQuery(plain(ctx.t('faq.cb.notYours')), { show_alert: true });
    const done = cb.action === 's' ? await showSuggestion(ctx, q, cb.slug) : await notHelpful(ctx, q);
    // the buttons did their job; a failure to remove them is harmless
    if (done && ctx.callbackQuery.message) await ctx.editMessageReplyMarkup(undefined).catch(() => undefined);
  });

  return composer;
}
