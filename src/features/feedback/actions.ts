import { z } from 'zod';
import type { Db, Executor } from '../../db/schema.js';
import { defineDialogue } from '../../dialogue/define.js';
import { t } from '../../i18n/i18n.js';
import type { Language } from '../../i18n/language.js';
import { sendToAsker } from '../../inbox/asker.js';
import { itemOf, returnRoute } from '../../inbox/queries.js';
import { answer, close, mayHandle } from '../../inbox/service.js';
import { sendToPerson, type Rendered } from '../../outbox/messages.js';
import type { BotContext } from '../../telegram/context.js';
import type { FeedbackButton } from './buttons.js';
import { keyOf } from './dialogue.js';
import { registeredMembers } from './membership.js';
import { categoryLabel, itemButtons, MAX_TEXT } from './queue.js';
import { groupTitle, renderReport } from './report-views.js';
import { FEEDBACK_ITEM, REPORT_ITEM, type FeedbackItem, type Report } from './tables.js';
import { shownTime } from './time.js';
import { threadButton } from './thread-button.js';

const HOUR_MS = 3600_000;
const MAX_NOTE = 500;

const actSchema = z.object({ target: z.enum(['feedback', 'report']), id: z.number().int().positive(), action: z.enum(['reply', 'handled', 'escalate']) });
type Act = z.infer<typeof actSchema>;

const prompts = { reply: 'feedback.act.askReply', handled: 'feedback.act.askNote', escalate: 'feedback.act.askEscalateNote' } as const;

export async function branchSecretaries(db: Executor, branchId: number | null): Promise<number[]> {
  if (branchId === null) return [];
  const rows = await db
    .selectFrom('role_assignments')
    .select('person_id')
    .distinct()
    .where('role', '=', 'secretary')
    .where('branch_id', '=', branchId)
    .execute();
  return rows.map((r) => r.person_id);
}

const className = async (db: Executor, classId: number | null) =>
  classId === null ? '' : ((await db.selectFrom('classes').select('name').where('id', '=', classId).executeTakeFirst())?.name ?? '');

type Outcome = Parameters<BotContext['t']>[0];

/** A liaison's (or secretary's) text for an item: a reply to the writer, or the note of handled / passed on. */
async function act(ctx: BotContext, a: Act, text: string): Promise<Outcome> {
  const { db, clock } = ctx.deps;
  const key = keyOf(ctx);
  const now = clock.now();
  const by = { personId: ctx.person!.id, roles: ctx.roles };
  const note = text.trim() === '-' ? null : text.trim();
  return db.transaction().execute(async (trx): Promise<Outcome> => {
    const row =
      a.target === 'feedback'
        ? await trx.selectFrom('feedback_items').selectAll().where('id', '=', a.id).forUpdate().executeTakeFirst()
        : await trx.selectFrom('reports').selectAll().where('id', '=', a.id).forUpdate().executeTakeFirst();
    const item = row ? await itemOf(trx, a.target === 'feedback' ? FEEDBACK_ITEM : REPORT_ITEM, row.id) : undefined;
    if (!row || !item) return 'feedback.act.gone';
    if (!mayHandle(ctx.roles, row)) return 'feedback.act.notYours';
    if (row.status === 'handled') return 'feedback.act.closed';
    if (a.action === 'reply') {
      if (a.target !== 'feedback') return 'feedback.act.gone';
      const feedback = row as FeedbackItem;
      const answered = await answer(trx, {
        itemId: item.id,
        by,
        body: text.trim(),
        to: {
          kind: 'asker',
          render: (lang: Language): Rendered => ({
            html: t(lang, 'feedback.toWriter.reply', { id: feedback.id, category: categoryLabel(lang, feedback.category), text: text.trim() }),
            buttons: threadButton(lang, feedback.id),
          }),
        },
        once: false,
        key,
        now,
      });
      if (answered.kind === 'closed') return 'feedback.act.closed';
      if (answered.kind !== 'answered') return 'feedback.act.notYours';
      if (answered.delivery === 'no_route') throw new NoRoute();
      return answered.delivery === 'sent' ? 'feedback.act.replied' : 'feedback.act.repliedUnreachable';
    }
    const table = a.target === 'feedback' ? 'feedback_items' : 'reports';
    if (a.action === 'handled') {
      await trx.updateTable(table).set({ status: 'handled', note, handled_by: by.personId, handled_at: now }).where('id', '=', row.id).execute();
      if (a.target === 'feedback' && item.anonymous) {
        const feedback = row as FeedbackItem;
        await sendToAsker(
          trx,
          item,
          {
            kind: 'asker',
            render: (lang) =>
              t(lang, 'feedback.toWriter.handled', {
                id: feedback.id,
                category: categoryLabel(lang, feedback.category),
                note: note ?? t(lang, 'feedback.toWriter.noNote'),
              }),
          },
          key,
          `feedback:${feedback.id}:handled`,
          now,
        );
      }
      await close(trx, item.id, by, now);
      return 'feedback.act.handled';
    }
    const secretaries = await branchSecretaries(trx, row.branch_id);
    if (secretaries.length === 0) return 'feedback.act.noSecretary';
    await trx.updateTable(table).set({ status: 'escalated', note, handled_by: by.personId }).where('id', '=', row.id).execute();
    const klass = await className(trx, row.class_id);
    const where = { className: klass, groupTitle: a.target === 'report' ? await groupTitle(trx, (row as Report).chat_id) : '' };
    const render =
      a.target === 'feedback'
        ? await escalatedFeedback(trx, row as FeedbackItem, klass, note, ctx.deps.config.timeZone)
        : (lang: Language) => renderReport(lang, row as Report, where, note);
    for (const personId of secretaries) await sendToPerson(trx, personId, render, { dedupeKey: `${a.target}:${row.id}:escalated`, now });
    return 'feedback.act.escalated';
  });
}

class NoRoute extends Error {}

async function escalatedFeedback(db: Executor, item: FeedbackItem, klass: string, note: string | null, timeZone: string) {
  const members = item.class_id === null ? 0 : await registeredMembers(db, item.class_id);
  return (lang: Language): Rendered => ({
    html: t(lang, 'feedback.escalated', {
      id: item.id,
      class: klass,
      category: categoryLabel(lang, item.category),
      time: shownTime(item.batch_at, timeZone, members),
      note: note ?? t(lang, 'feedback.toWriter.noNote'),
      text: item.body,
    }),
    buttons: itemButtons(lang, item).filter((row) => !row.some((b) => 'callback_data' in b && b.callback_data.startsWith('fb:e:'))),
  });
}

/** The one-message dialogue behind reply / handled / pass on: the text is the reply or the note. */
export const actDialogue = defineDialogue({
  kind: 'feedback_act',
  schema: actSchema,
  lifetimeMs: HOUR_MS,
  start: 'text',
  steps: {
    text: {
      enter: (turn) => turn.reply(turn.t(prompts[turn.data.action])),
      message: {
        accepts: ['text'],
        unsupported: 'feedback.act.textOnly',
        handle: async (turn, { text }) => {
          const max = turn.data.action === 'reply' ? MAX_TEXT : MAX_NOTE;
          if (text.trim() === '') return turn.reply(turn.t('feedback.empty'));
          if ([...text.trim()].length > max) return turn.reply(turn.t('feedback.act.tooLong'));
          let outcome: Outcome;
          try {
            outcome = await act(turn.ctx, turn.data, text);
          } catch (error) {
            if (!(error instanceof NoRoute)) throw error;
            outcome = 'feedback.act.noReply';
          }
          await turn.finish();
          turn.deps.outbox.poke();
          turn.deps.logger.info({ event: 'feedback_acted', target: turn.data.target, id: turn.data.id, action: turn.data.action }, 'liaison acted');
          return turn.reply(turn.t(outcome));
        },
      },
    },
  },
});

const alert = (ctx: BotContext, key: Outcome) => ctx.answerCbQuery(ctx.t(key), { show_alert: true });

/** A liaison's or secretary's button under an item or a report (fb:<action>:<id>), checked against their classes. */
export async function onItemButton(db: Db, ctx: BotContext, button: FeedbackButton): Promise<unknown> {
  const report = button.action === 'rh' || button.action === 're';
  const row = report
    ? await db.selectFrom('reports').selectAll().where('id', '=', button.id).executeTakeFirst()
    : await db.selectFrom('feedback_items').selectAll().where('id', '=', button.id).executeTakeFirst();
  if (!row) return alert(ctx, 'feedback.act.gone');
  if (!mayHandle(ctx.roles, row)) {
    ctx.deps.logger.info({ event: 'feedback_button_refused', action: button.action, id: button.id }, 'button for an item of another class');
    return alert(ctx, 'feedback.act.notYours');
  }
  if (row.status === 'handled') return alert(ctx, 'feedback.act.closed');
  const begin = async (a: Act) => {
    await ctx.answerCbQuery();
    await actDialogue.begin(ctx, a);
  };
  switch (button.action) {
    case 'rh':
      return begin({ target: 'report', id: row.id, action: 'handled' });
    case 're':
      return begin({ target: 'report', id: row.id, action: 'escalate' });
    case 'h':
      return begin({ target: 'feedback', id: row.id, action: 'handled' });
    case 'e':
      return begin({ target: 'feedback', id: row.id, action: 'escalate' });
    case 'r': {
      if (!keyOf(ctx)) return alert(ctx, 'feedback.act.noKey');
      const item = await itemOf(db, FEEDBACK_ITEM, row.id);
      if (!item || !(row as FeedbackItem).allow_reply || !(await returnRoute(db, item.id))) return alert(ctx, 'feedback.act.noReply');
      return begin({ target: 'feedback', id: row.id, action: 'reply' });
    }
    case 'm':
      await db.updateTable('feedback_items').set({ muted: true }).where('id', '=', row.id).execute();
      return alert(ctx, 'feedback.act.muted');
    case 'p': {
      const photo = (row as FeedbackItem).photo_file_id;
      if (!photo) return alert(ctx, 'feedback.act.noPhoto');
      await ctx.answerCbQuery();
      return ctx.replyWithPhoto(photo, { caption: `#${row.id}` });
    }
    case 's':
      return undefined;
  }
}
