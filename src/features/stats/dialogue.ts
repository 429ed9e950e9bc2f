import { Markup } from 'telegraf';
import { z } from 'zod';
import { defineCallback } from '../../dialogue/callback.js';
import { defineDialogue, type Turn } from '../../dialogue/define.js';
import { escapeHtml } from '../../i18n/html.js';
import { sendToChat } from '../../outbox/messages.js';
import { localIsoDate } from '../../shared/when.js';
import type { BotContext } from '../../telegram/context.js';
import { briefingHtml } from './briefing.js';

export const BRIEFING_DIALOGUE = 'briefing';
/** Telegram allows 4096 characters a message; an edited briefing is kept well inside. */
export const BRIEFING_MAX_LENGTH = 3500;

const briefingButton = defineCallback(
  'bf',
  z.object({ action: z.enum(['class', 'post', 'edit', 'cancel']), id: z.number().int().positive().max(2_147_483_647).optional() }),
);
type BriefingButton = NonNullable<ReturnType<typeof briefingButton.decode>>;

const schema = z.object({ classId: z.number().int().positive().nullable(), html: z.string().max(8000).nullable() });
type Data = z.output<typeof schema>;
interface Scope {
  classes: Array<{ id: number; name: string }>;
}
type Step = 'pick' | 'preview' | 'edit';
type BriefingTurn = Turn<Data, BriefingButton, Scope, Step>;

/** The classes the caller is a liaison of (the briefing is theirs to give). */
const liaisonClasses = (ctx: BotContext) =>
  ctx.roles.filter((r) => r.role === 'liaison' && r.classId !== null).map((r) => ({ id: r.classId!, name: r.className ?? '' }));

async function prepare(turn: BriefingTurn, classId: number): Promise<void> {
  if (!turn.scope.classes.some((c) => c.id === classId)) return turn.stale();
  const now = turn.deps.clock.now();
  const html = await briefingHtml(turn.deps.db, turn.ctx.t, classId, localIsoDate(now, turn.deps.config.timeZone), now);
  if (!html) return turn.stale();
  await turn.goto('preview', { classId, html });
}

/** The bound, active group of the class (chats row id), if any. */
async function groupOf(turn: BriefingTurn, classId: number) {
  return turn.deps.db
    .selectFrom('chats')
    .select('id')
    .where('class_id', '=', classId)
    .where('type', '<>', 'private')
    .where('active', '=', true)
    .orderBy('updated_at', 'desc')
    .executeTakeFirst();
}

async function post(turn: BriefingTurn): Promise<void> {
  const { deps, data, person } = turn;
  if (data.classId === null || data.html === null || !turn.scope.classes.some((c) => c.id === data.classId)) return turn.stale();
  const group = await groupOf(turn, data.classId);
  if (!group) return turn.reply(turn.t('briefing.noGroup'));
  const now = deps.clock.now();
  const queued = await deps.db.transaction().execute(async (trx) => {
    // Taking the dialogue row is the claim: two presses (two processes) post one message.
    const claimed = await trx
      .deleteFrom('dialogues')
      .where('person_id', '=', person.id)
      .where('kind', '=', BRIEFING_DIALOGUE)
      .where('step', '=', 'preview')
      .executeTakeFirst();
    if (Number(claimed.numDeletedRows) === 0) return false;
    return sendToChat(trx, group.id, data.html!, { dedupeKey: `briefing:${person.id}:${now.getTime()}`, now });
  });
  turn.ctx.dialogue = null;
  if (!queued) return turn.stale();
  deps.outbox.poke();
  deps.logger.info({ event: 'briefing_posted', classId: data.classId, personId: person.id }, 'briefing queued for the class group');
  await turn.ctx.editMessageReplyMarkup(undefined).catch(() => undefined);
  await turn.reply(turn.t('briefing.posted'));
}

/**
 * /briefing: a liaison prepares the class-meeting briefing from the records, the last report and
 * the branch's recent notices; they forward it as it is, post it to the class group from here, or
 * send an edited text first.
 */
export const briefingDialogue = defineDialogue({
  kind: BRIEFING_DIALOGUE,
  schema,
  callback: briefingButton,
  cancelAction: 'cancel',
  scope: async (ctx: BotContext): Promise<Scope | null> => {
    const classes = liaisonClasses(ctx);
    return classes.length > 0 ? { classes } : null;
  },
  start: 'pick',
  steps: {
    pick: {
      enter: async (turn) => {
        if (turn.scope.classes.length === 1) return prepare(turn, turn.scope.classes[0]!.id);
        const rows = turn.scope.classes.map((c) => [turn.button(c.name, { action: 'class', id: c.id })]);
        await turn.ctx.reply(turn.t('briefing.pick'), { parse_mode: 'HTML', ...Markup.inlineKeyboard(rows) });
      },
      buttons: {
        class: async (turn, { id }) => (id === undefined ? turn.stale() : prepare(turn, id)),
      },
    },
    preview: {
      enter: async (turn) => {
        await turn.reply(turn.t('briefing.intro'));
        await turn.ctx.reply(turn.data.html!, {
          parse_mode: 'HTML',
          link_preview_options: { is_disabled: true },
          ...Markup.inlineKeyboard([
            [turn.button(turn.t('briefing.btn.post'), { action: 'post' }), turn.button(turn.t('briefing.btn.edit'), { action: 'edit' })],
            [turn.button(turn.t('briefing.btn.cancel'), { action: 'cancel' })],
          ]),
        });
      },
      buttons: {
        post,
        edit: async (turn) => turn.goto('edit', turn.data),
      },
    },
    edit: {
      enter: async (turn) => {
        await turn.ctx.reply(turn.t('briefing.askEdit', { max: BRIEFING_MAX_LENGTH }), {
          parse_mode: 'HTML',
          ...Markup.inlineKeyboard([[turn.button(turn.t('briefing.btn.cancel'), { action: 'cancel' })]]),
        });
      },
      message: {
        accepts: ['text'],
        unsupported: 'briefing.textOnly',
        handle: async (turn, { text }) => {
          const trimmed = text.trim();
          if (trimmed.length === 0 || trimmed.length > BRIEFING_MAX_LENGTH)
            return turn.reply(turn.t('briefing.badLength', { length: trimmed.length, max: BRIEFING_MAX_LENGTH }));
          return turn.goto('preview', { classId: turn.data.classId, html: escapeHtml(trimmed) });
        },
      },
    },
  },
});
