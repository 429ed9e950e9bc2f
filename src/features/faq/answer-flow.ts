import { z } from 'zod';
import { defineDialogue } from '../../dialogue/define.js';
import type { AppDeps, BotContext } from '../../telegram/context.js';
import { cutText } from '../../shared/text.js';
import { isSecretaryOf } from '../../people/access.js';
import { displayName } from '../../people/queries.js';
import { plain, replyTo, type Buttons } from './context.js';
import { branchEntry } from './branch-kb.js';
import { proposeFromLiaison } from './learning.js';
import { mayHandle } from '../../inbox/service.js';
import { answerQuestion, claimQuestion } from './passing-on.js';
import { questionById, type QuestionInChat } from './queries.js';
import { callbackData } from './schemas.js';
import { entryFromAnsweredQuestion, knowledgeBaseOf } from './service.js';

const HOUR_MS = 3600_000;

/**
 * A liaison answering a question: "answer" under a hand-off opens it, the next private text message
 * is the answer. It waits one hour (a forgotten answer must not catch a later, unrelated message).
 */
export const answerDialogue = defineDialogue({
  kind: 'faq_answer',
  schema: z.object({ questionId: z.number().int().positive() }),
  lifetimeMs: HOUR_MS,
  start: 'text',
  steps: {
    text: {
      enter: async (turn) => {
        const q = await questionById(turn.deps.db, turn.data.questionId);
        await turn.reply(turn.t('faq.liaison.prompt', { question: q?.question ?? '' }));
      },
      message: {
        accepts: ['text'],
        unsupported: 'faq.liaison.textOnly',
        handle: async (turn, { text }) => {
          const { ctx, deps, person } = turn;
          const result = await answerQuestion(deps.db, {
            questionId: turn.data.questionId,
            by: { personId: person.id, roles: ctx.roles, name: displayName(person.first_name, person.last_name) },
            text,
            now: deps.clock.now(),
          });
          if (result.kind === 'too_long') return turn.reply(turn.t('faq.liaison.tooLong', { max: result.max }));
          await turn.finish();
          if (result.kind === 'invalid') return turn.reply(turn.t('faq.cb.invalid'));
          if (result.kind === 'answered_before') return turn.reply(turn.t('faq.liaison.alreadyAnswered'));
          deps.outbox.poke();
          deps.logger.info(
            { event: 'faq_answered', questionId: result.questionId, itemId: result.itemId, personId: person.id, delivered: result.delivered },
            'liaison answered',
          );
          await offerLearning(deps, ctx, result.questionId, result.delivered);
        },
      },
    },
  },
});

/** How many existing entries the liaison is offered to file the question under. */
const EXAMPLE_CHOICES = 3;

/**
 * After an answer: "sent", and the ways to teach the knowledge base — a new entry from the answer,
 * or the question as one more way of asking one of the branch's closest entries.
 */
async function offerLearning(deps: AppDeps, ctx: BotContext, questionId: number, delivered: boolean): Promise<void> {
  const q = await questionById(deps.db, questionId);
  const buttons: Buttons = [[{ text: ctx.t('faq.liaison.button.makeEntry'), callback_data: callbackData.makeEntry(questionId) }]];
  if (q?.branch_id != null) {
    const { result, snapshot } = await knowledgeBaseOf(deps).match(q.question, q.branch_id);
    for (const c of result.candidates.slice(0, EXAMPLE_CHOICES)) {
      const entry = snapshot.entries.get(c.slug);
      if (entry)
        buttons.push([
          { text: ctx.t('faq.liaison.button.examplePrefix') + cutText(entry.title, 40), callback_data: callbackData.example(questionId, entry.slug) },
        ]);
    }
  }
  const secretary = q?.branch_id != null && isSecretaryOf(ctx.roles, q.branch_id);
  const html = `${ctx.t(delivered ? 'faq.liaison.sent' : 'faq.liaison.sendFailed')}\n\n${ctx.t(secretary ? 'faq.liaison.learnHintSecretary' : 'faq.liaison.learnHint')}`;
  await replyTo(ctx, ctx.chat!.id, html, { buttons });
}

/** "answer" pressed under a hand-off: claim the inbox item and ask for the text. */
export async function startAnswer(deps: AppDeps, ctx: BotContext, questionId: number): Promise<void> {
  const person = ctx.person!;
  const claimed = await claimQuestion(deps.db, questionId, { personId: person.id, roles: ctx.roles }, deps.clock.now());
  if (claimed.kind === 'not_allowed') return void (await ctx.answerCbQuery(plain(ctx.t('faq.liaison.notAllowed')), { show_alert: true }));
  if (claimed.kind === 'answered_before') return void (await ctx.answerCbQuery(plain(ctx.t('faq.liaison.alreadyAnswered')), { show_alert: true }));
  if (claimed.kind === 'invalid') return void (await ctx.answerCbQuery(plain(ctx.t('faq.cb.invalid'))));
  await ctx.answerCbQuery();
  await answerDialogue.begin(ctx, { questionId });
}

/** Who may teach the knowledge base from an answered question: the one who answered it (still its class's liaison), or a secretary of its branch. */
function mayTeach(ctx: BotContext, q: QuestionInChat): 'secretary' | 'liaison' | null {
  if (q.branch_id !== null && isSecretaryOf(ctx.roles, q.branch_id)) return 'secretary';
  if (q.answered_by === ctx.person!.id && mayHandle(ctx.roles, q)) return 'liaison';
  return null;
}

/** "make an entry" under the confirmation: the answer becomes an entry of the branch (pending when a liaison makes it). */
export async function makeEntry(deps: AppDeps, ctx: BotContext, q: QuestionInChat): Promise<void> {
  const who = mayTeach(ctx, q);
  if (!who) return void (await ctx.answerCbQuery(plain(ctx.t('faq.liaison.notAllowed')), { show_alert: true }));
  const made = await entryFromAnsweredQuestion(deps.db, deps.clock, q.id, { personId: ctx.person!.id, publish: who === 'secretary' });
  await ctx.answerCbQuery();
  if (!made.ok) {
    const html = made.error === 'exists' ? ctx.t('faq.liaison.entryExists', { slug: String(made.detail?.slug ?? '') }) : ctx.t('faq.cb.invalid');
    await replyTo(ctx, ctx.from!.id, html);
    return;
  }
  const { entry, published } = made.value;
  deps.logger.info({ event: 'faq_entry_from_answer', questionId: q.id, slug: entry.slug, published }, 'FAQ entry made from an answer');
  await replyTo(ctx, ctx.from!.id, ctx.t(published ? 'faq.liaison.entryMade' : 'faq.liaison.entryPending', { slug: entry.slug }));
}

/** "file under <entry>" under the confirmation: the question becomes an example of that entry (pending when a liaison files it). */
export async function addExample(deps: AppDeps, ctx: BotContext, q: QuestionInChat, slug: string): Promise<void> {
  const who = mayTeach(ctx, q);
  if (!who) return void (await ctx.answerCbQuery(plain(ctx.t('faq.liaison.notAllowed')), { show_alert: true }));
  if (q.status !== 'resolved' || q.branch_id === null) return void (await ctx.answerCbQuery(plain(ctx.t('faq.cb.invalid'))));
  const target = await branchEntry(deps.db, q.branch_id, slug);
  if (!target) return void (await ctx.answerCbQuery(plain(ctx.t('faq.liaison.noEntry')), { show_alert: true }));
  const outcome = await proposeFromLiaison(deps.db, {
    branchId: q.branch_id,
    question: q.question,
    slug,
    by: ctx.person!.id,
    approve: who === 'secretary',
    now: deps.clock.now(),
  });
  deps.logger.info({ event: 'faq_example_proposed', questionId: q.id, slug, outcome }, 'question filed under an entry');
  const key = outcome === 'approved' ? 'faq.liaison.exampleAdded' : outcome === 'pending' ? 'faq.liaison.examplePending' : 'faq.liaison.exampleAlready';
  await ctx.answerCbQuery();
  await replyTo(ctx, ctx.from!.id, ctx.t(key, { title: target.entry.title }));
}
