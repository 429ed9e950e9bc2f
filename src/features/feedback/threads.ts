import { Markup } from 'telegraf';
import { z } from 'zod';
import { defineDialogue } from '../../dialogue/define.js';
import { isAsker } from '../../inbox/asker.js';
import { itemOf } from '../../inbox/queries.js';
import { openText, sealText, unseal, type SealKey } from '../../inbox/sealed.js';
import { replyFromAsker } from '../../inbox/service.js';
import type { InboxItem } from '../../inbox/tables.js';
import type { Db, Executor } from '../../db/schema.js';
import { t } from '../../i18n/i18n.js';
import type { BotContext } from '../../telegram/context.js';
import { replyHtml } from '../../telegram/reply.js';
import { cutText } from '../../shared/text.js';
import { feedbackButton } from './buttons.js';
import { keyOf } from './dialogue.js';
import { takeLimit, underLimit } from './limits.js';
import { categoryLabel, itemButtons, MAX_TEXT } from './queue.js';
import { FEEDBACK_ITEM, type FeedbackItem } from './tables.js';
import { formatLocalDate } from './time.js';

const HOUR_MS = 3600_000;
const threadContext = (personId: number) => `feedback-thread:${personId}`;

/**
 * The writer's open threads: found by opening the sealed ways back (nothing else links a person to
 * an item), so it works only with the key, and only for items whose writer allowed replies.
 */
export async function openThreadsOf(db: Executor, key: SealKey, telegramUserId: number): Promise<FeedbackItem[]> {
  const rows = await db
    .selectFrom('inbox_items as i')
    .innerJoin('inbox_return_routes as r', 'r.item_id', 'i.id')
    .innerJoin('feedback_items as f', 'f.id', 'i.client_ref')
    .selectAll('f')
    .select(['i.id as item_id', 'r.sealed'])
    .where('i.kind', '=', FEEDBACK_ITEM)
    .where('i.state', '<>', 'closed')
    .where('f.muted', '=', false)
    .orderBy('f.id')
    .execute();
  return rows.filter((r) => unseal(key, r.item_id, r.sealed)?.chatId === telegramUserId).map(({ item_id: _i, sealed: _s, ...item }) => item);
}

/** The list of the writer's open threads (nothing when there are none or no key). */
export async function listThreads(ctx: BotContext): Promise<void> {
  const key = keyOf(ctx);
  if (!key) return;
  const threads = await openThreadsOf(ctx.deps.db, key, ctx.from!.id);
  if (threads.length === 0) return;
  const lines = threads.map((f) =>
    ctx.t('feedback.threads.line', {
      id: f.id,
      category: categoryLabel(ctx.lang, f.category),
      date: formatLocalDate(f.batch_at, ctx.deps.config.timeZone),
      excerpt: cutText(f.body.replace(/\s+/g, ' '), 40),
    }),
  );
  const buttons = threads
    .slice(0, 20)
    .map((f) => [Markup.button.callback(ctx.t('feedback.threads.button', { id: f.id }), feedbackButton.encode({ action: 's', id: f.id }))]);
  await ctx.reply([ctx.t('feedback.threads.header'), ...lines].join('\n'), { parse_mode: 'HTML', ...Markup.inlineKeyboard(buttons) });
}

type ThreadState = { kind: 'ok'; feedback: FeedbackItem; item: InboxItem } | { kind: 'closed' | 'muted' | 'not_yours' };

async function threadFor(db: Executor, key: SealKey, feedbackId: number, telegramUserId: number): Promise<ThreadState> {
  const feedback = await db.selectFrom('feedback_items').selectAll().where('id', '=', feedbackId).executeTakeFirst();
  const item = feedback ? await itemOf(db, FEEDBACK_ITEM, feedback.id) : undefined;
  if (!feedback || !item) return { kind: 'not_yours' };
  // A closed thread's way back is gone, so "closed" cannot be told apart from "not yours" by the route; say closed.
  if (item.state === 'closed') return { kind: 'closed' };
  if (!(await isAsker(db, item, telegramUserId, key))) return { kind: 'not_yours' };
  if (feedback.muted) return { kind: 'muted' };
  return { kind: 'ok', feedback, item };
}

const refusals = { closed: 'feedback.thread.closed', muted: 'feedback.thread.muted', not_yours: 'feedback.thread.notYours' } as const;

/** The writer answers back: one message, sealed reference to the thread in the dialogue row. */
export const threadDialogue = defineDialogue({
  kind: 'feedback_thread',
  schema: z.object({ ref: z.string() }),
  lifetimeMs: HOUR_MS,
  start: 'text',
  steps: {
    text: {
      enter: (turn) => turn.reply(turn.t('feedback.thread.ask')),
      message: {
        accepts: ['text'],
        unsupported: 'feedback.act.textOnly',
        handle: async (turn, { text }) => {
          const { ctx, deps } = turn;
          const key = keyOf(ctx);
          const id = key ? Number(openText(key, threadContext(turn.person.id), turn.data.ref)) : NaN;
          if (!key || !Number.isSafeInteger(id) || id <= 0) {
            await turn.finish();
            return turn.reply(turn.t('dialogue.stale'));
          }
          const body = text.trim();
          if (body === '') return turn.reply(turn.t('feedback.empty'));
          if ([...body].length > MAX_TEXT) return turn.reply(turn.t('feedback.act.tooLong'));
          const now = deps.clock.now();
          const limit = { key, purpose: 'reply' as const, telegramUserId: ctx.from!.id, now, timeZone: deps.config.timeZone };
          const outcome = await deps.db.transaction().execute(async (trx) => {
            const thread = await threadFor(trx, key, id, ctx.from!.id);
            if (thread.kind !== 'ok') return thread.kind;
            if (!(await underLimit(trx, limit))) return 'over_limit' as const;
            const klass = thread.feedback.class_id
              ? await trx.selectFrom('classes').select('name').where('id', '=', thread.feedback.class_id).executeTakeFirst()
              : undefined;
            const sent = await replyFromAsker(trx, {
              itemId: thread.item.id,
              telegramUserId: ctx.from!.id,
              body,
              render: (lang) => ({
                html: t(lang, 'feedback.toLiaisons.writerReply', {
                  id,
                  category: categoryLabel(lang, thread.feedback.category),
                  class: klass?.name ?? '',
                  text: body,
                }),
                buttons: itemButtons(lang, thread.feedback),
              }),
              key,
              now,
            });
            if (sent.kind !== 'sent') return sent.kind === 'closed' ? 'closed' : 'not_yours';
            await takeLimit(trx, limit);
            return 'sent' as const;
          });
          await turn.finish();
          deps.outbox.poke();
          if (outcome === 'sent') return turn.reply(turn.t('feedback.thread.sent'));
          if (outcome === 'over_limit') return turn.reply(turn.t('feedback.thread.overLimit'));
          return turn.reply(turn.t(refusals[outcome]));
        },
      },
    },
  },
});

/** "Answer" pressed by a writer: checked against the sealed way back, then the dialogue waits for the text. */
export async function startThreadReply(db: Db, ctx: BotContext, feedbackId: number): Promise<void> {
  const key = keyOf(ctx);
  if (!key) return void (await ctx.answerCbQuery(ctx.t('feedback.act.noKey'), { show_alert: true }));
  const thread = await threadFor(db, key, feedbackId, ctx.from!.id);
  if (thread.kind !== 'ok') {
    await ctx.answerCbQuery();
    return replyHtml(ctx, ctx.t(refusals[thread.kind]));
  }
  await ctx.answerCbQuery();
  await threadDialogue.begin(ctx, { ref: sealText(key, threadContext(ctx.person!.id), String(feedbackId)) });
}
