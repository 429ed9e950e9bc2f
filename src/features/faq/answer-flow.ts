import { clearDialogue, saveDialogue } from '../../dialogue/store.js';
import type { AppDeps, BotContext } from '../../telegram/context.js';
import { replyHtml } from '../../telegram/reply.js';
import { isSecretaryOf } from '../people/access.js';
import { displayName } from '../people/queries.js';
import { plain, replyTo } from './context.js';
import { answerQuestion, claimQuestion } from './passing-on.js';
import type { QuestionInChat } from './queries.js';
import { callbackData } from './schemas.js';
import { entryFromAnsweredQuestion } from './service.js';

/** The dialogue of a liaison answering a question (its kind has a short lifetime in src/dialogue/store.ts). */
export const ANSWER_DIALOGUE = 'faq_answer';

/** "answer" pressed under a hand-off: claim the inbox item and ask for the text. */
export async function startAnswer(deps: AppDeps, ctx: BotContext, questionId: number): Promise<void> {
  const person = ctx.person!;
  const claimed = await claimQuestion(deps.db, questionId, { personId: person.id, roles: ctx.roles }, deps.clock.now());
  if (claimed.kind === 'not_allowed') return void (await ctx.answerCbQuery(plain(ctx.t('faq.liaison.notAllowed')), { show_alert: true }));
  if (claimed.kind === 'answered_before') return void (await ctx.answerCbQuery(plain(ctx.t('faq.liaison.alreadyAnswered')), { show_alert: true }));
  if (claimed.kind === 'invalid') return void (await ctx.answerCbQuery(plain(ctx.t('faq.cb.invalid'))));
  await saveDialogue(deps.db, person.id, { kind: ANSWER_DIALOGUE, step: 'text', data: { questionId } }, deps.clock.now());
  await ctx.answerCbQuery();
  await replyTo(ctx, ctx.from!.id, ctx.t('faq.liaison.prompt', { question: claimed.question.question }));
}

/** The liaison's next private message is the answer; it goes back to the asker through the inbox. */
export async function continueAnswer(deps: AppDeps, ctx: BotContext, text: string | null): Promise<void> {
  const person = ctx.person!;
  if (text === null) return replyHtml(ctx, ctx.t('faq.liaison.textOnly'));
  const questionId = Number((ctx.dialogue!.data as { questionId?: unknown }).questionId);
  const result = Number.isInteger(questionId)
    ? await answerQuestion(deps.db, {
        questionId,
        by: { personId: person.id, roles: ctx.roles, name: displayName(person.first_name, person.last_name) },
        text,
        now: deps.clock.now(),
      })
    : ({ kind: 'invalid' } as const);
  switch (result.kind) {
    case 'invalid':
      await clearDialogue(deps.db, person.id);
      return replyHtml(ctx, ctx.t('faq.cb.invalid'));
    case 'answered_before':
      await clearDialogue(deps.db, person.id);
      return replyHtml(ctx, ctx.t('faq.liaison.alreadyAnswered'));
    case 'too_long':
      return replyHtml(ctx, ctx.t('faq.liaison.tooLong', { max: result.max }));
    case 'answered':
      break;
  }
  deps.outbox.poke();
  await clearDialogue(deps.db, person.id);
  deps.logger.info(
    { event: 'faq_answered', questionId: result.questionId, itemId: result.itemId, personId: person.id, delivered: result.delivered },
    'liaison answered',
  );
  await replyTo(ctx, ctx.chat!.id, ctx.t(result.delivered ? 'faq.liaison.sent' : 'faq.liaison.sendFailed'), {
    buttons: [[{ text: ctx.t('faq.liaison.button.makeEntry'), callback_data: callbackData.makeEntry(result.questionId) }]],
  });
}

/** "make an entry" under the confirmation: the answer becomes an FAQ entry. */
export async function makeEntry(deps: AppDeps, ctx: BotContext, q: QuestionInChat): Promise<void> {
  const person = ctx.person!;
  if (q.answered_by !== person.id && !(q.branch_id !== null && isSecretaryOf(ctx.roles, q.branch_id))) {
    return void (await ctx.answerCbQuery(plain(ctx.t('faq.liaison.notAllowed')), { show_alert: true }));
  }
  const made = await entryFromAnsweredQuestion(deps.db, deps.clock, q.id, person.id);
  await ctx.answerCbQuery();
  if (!made.ok) {
    const html = made.error === 'exists' ? ctx.t('faq.liaison.entryExists', { slug: String(made.detail?.slug ?? '') }) : ctx.t('faq.cb.invalid');
    await replyTo(ctx, ctx.from!.id, html);
    return;
  }
  deps.logger.info({ event: 'faq_entry_from_answer', questionId: q.id, slug: made.value.slug }, 'FAQ entry made from an answer');
  await ctx.editMessageReplyMarkup(undefined).catch(() => undefined);
  await replyTo(ctx, ctx.from!.id, ctx.t('faq.liaison.entryMade', { slug: made.value.slug }));
}
