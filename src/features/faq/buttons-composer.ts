import { localIsoDate } from '../../shared/when.js';
import { Composer } from 'telegraf';
import type { MessageKey } from '../../i18n/i18n.js';
import type { AppDeps, BotContext } from '../../telegram/context.js';
import { renderAnswer } from './answers.js';
import { addExample, makeEntry, startAnswer } from './answer-flow.js';
import { passOnLogged } from './asking.js';
import { answerContext, classById, notHelpfulButton, plain, replyTo } from './context.js';
import { proposeFromPress } from './learning.js';
import { questionById, setQuestionStatus, viewBranch, type QuestionInChat } from './queries.js';
import { faqButton, parseFaqButton } from './schemas.js';
import type { FaqKnowledgeBase } from './service.js';
import { dismissQuestion } from './unanswered.js';
import { onButton, type ButtonContext } from '../../telegram/buttons.js';

/** The FAQ's buttons: the asker's (a suggestion, "that didn't help"), the liaison's (answer, make an entry, file under an entry) and the secretary's (dismiss). */
export function buttonsComposer(deps: AppDeps, kb: FaqKnowledgeBase): Composer<BotContext> {
  const { db, clock, logger } = deps;
  const composer = new Composer<BotContext>();

  /** A suggested entry taken: answer with it, where the question was asked; the question is proposed as an example of it. */
  const showSuggestion = async (ctx: BotContext, q: QuestionInChat, slug: string): Promise<boolean> => {
    const entry = (await kb.current(await viewBranch(db, q.branch_id))).entries.get(slug);
    if (!entry || q.status === 'resolved') return !(await ctx.answerCbQuery(plain(ctx.t('faq.cb.invalid'))));
    await ctx.answerCbQuery();
    const now = clock.now();
    await setQuestionStatus(db, q.id, 'answered', now, { matchedSlug: entry.slug });
    const proposed =
      q.status === 'suggested' &&
      q.branch_id !== null &&
      !entry.questions.includes(q.question) &&
      (await proposeFromPress(db, { branchId: q.branch_id, question: q.question, slug: entry.slug, notSlug: null, source: 'suggestion', now }));
    logger.info({ event: 'faq_suggestion_taken', questionId: q.id, slug: entry.slug, proposed }, 'suggestion taken');
    const html = await renderAnswer(entry, answerContext(db, ctx.lang, await classById(db, q.class_id), localIsoDate(now, deps.config.timeZone)));
    await replyTo(ctx, q.telegram_chat_id, html, { replyTo: q.telegram_chat_id < 0 ? q.message_id : undefined, buttons: notHelpfulButton(ctx.lang, q.id) });
    return true;
  };

  /** "That didn't help" / "none of these": the question goes to the liaisons through the inbox, and is proposed as an example still to be filed. */
  const notHelpful = async (ctx: BotContext, q: QuestionInChat): Promise<boolean> => {
    if (q.status === 'routed' || q.status === 'recorded' || q.status === 'resolved') {
      return !(await ctx.answerCbQuery(plain(ctx.t('faq.cb.alreadyRouted'))));
    }
    const now = clock.now();
    const passed = await passOnLogged(deps, q.id, now);
    if (q.branch_id !== null) {
      const notSlug = q.status === 'answered' ? q.matched_slug : null;
      await proposeFromPress(db, { branchId: q.branch_id, question: q.question, slug: null, notSlug, source: 'not_helpful', now });
    }
    deps.outbox.poke();
    const key: MessageKey = passed === 'routed' ? 'faq.routed' : passed === 'recorded' ? 'faq.recorded' : 'faq.noClass.notHelpful';
    await ctx.answerCbQuery(plain(ctx.t(key)), passed === 'no_class' ? { show_alert: true } : undefined);
    if (q.telegram_chat_id > 0) await replyTo(ctx, q.telegram_chat_id, ctx.t(key));
    return true;
  };

  const refuse = (ctx: ButtonContext) => {
    logger.info({ event: 'faq_callback_invalid', personId: ctx.person?.id }, 'invalid FAQ button');
    return ctx.answerCbQuery(plain(ctx.t('faq.cb.invalid')));
  };
  onButton(
    composer,
    { prefix: faqButton.prefix, decode: parseFaqButton },
    async (ctx, cb, person) => {
      const q = await questionById(db, cb.questionId);
      if (!q) return refuse(ctx);
      if (cb.action === 'a') return startAnswer(deps, ctx, q.id);
      if (cb.action === 'm') return makeEntry(deps, ctx, q);
      if (cb.action === 'e') return addExample(deps, ctx, q, cb.slug);
      if (cb.action === 'd') return dismissQuestion(deps, ctx, q);
      if (q.asker_id !== person.id) return ctx.answerCbQuery(plain(ctx.t('faq.cb.notYours')), { show_alert: true });
      const done = cb.action === 's' ? await showSuggestion(ctx, q, cb.slug) : await notHelpful(ctx, q);
      // the buttons did their job; a failure to remove them is harmless
      if (done && ctx.callbackQuery.message) await ctx.editMessageReplyMarkup(undefined).catch(() => undefined);
    },
    { refuse },
  );

  return composer;
}
