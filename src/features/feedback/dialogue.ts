import { Markup } from 'telegraf';
import { z } from 'zod';
import { defineCallback } from '../../dialogue/callback.js';
import { defineDialogue, type Turn } from '../../dialogue/define.js';
import type { DialogueInput } from '../../dialogue/input.js';
import { openText, parseSealKey, sealText, type SealKey } from '../../inbox/sealed.js';
import type { BotContext } from '../../telegram/context.js';
import { takeLimit, DAILY_LIMITS } from './limits.js';
import { candidateClasses, classRef, mayWriteTo, type Membership } from './membership.js';
import { categoryLabel, MAX_TEXT, queueFeedback } from './queue.js';
import { categories } from './tables.js';

export const FEEDBACK_DIALOGUE = 'feedback';
const HOUR_MS = 3600_000;

export const keyOf = (ctx: BotContext): SealKey | null => (ctx.deps.config.inboxKey ? parseSealKey(ctx.deps.config.inboxKey) : null);

/**
 * The draft's text (and photo) while the writer composes: sealed under the key, bound to the person,
 * so a reader of the `dialogues` table cannot match a draft with the item it becomes. Without a key
 * it is stored as it is until Send / Cancel / expiry (1 h).
 */
const draftContent = z.object({ text: z.string(), photo: z.string().nullable() });
type DraftContent = z.infer<typeof draftContent>;
const draftContext = (personId: number) => `feedback-draft:${personId}`;

function packDraft(key: SealKey | null, personId: number, content: DraftContent): string {
  const json = JSON.stringify(content);
  return key ? `s:${sealText(key, draftContext(personId), json)}` : `p:${json}`;
}

function unpackDraft(key: SealKey | null, personId: number, packed: string): DraftContent | null {
  const json = packed.startsWith('s:')
    ? key
      ? openText(key, draftContext(personId), packed.slice(2))
      : null
    : packed.startsWith('p:')
      ? packed.slice(2)
      : null;
  if (json === null) return null;
  try {
    const parsed = draftContent.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const dataSchema = z.object({
  classId: z.number().int().nullable(),
  category: z.enum(categories).nullable(),
  draft: z.string().nullable(),
  allowReply: z.boolean(),
});
type Data = z.infer<typeof dataSchema>;

const buttonSchema = z.object({
  action: z.enum(['cls', 'cat', 'yes', 'no', 'send', 'cancel']),
  arg: z.number().int().nonnegative().optional(),
});
const composeButton = defineCallback('fw', buttonSchema);
type ComposeTurn = Turn<Data, z.output<typeof buttonSchema>, undefined, Step>;
type Step = 'class' | 'category' | 'text' | 'reply' | 'preview';

export const emptyDraft: Data = { classId: null, category: null, draft: null, allowReply: false };

const membershipRefusal: Record<Exclude<Membership, 'member'>, 'feedback.notMember' | 'feedback.unchecked'> = {
  not_member: 'feedback.notMember',
  unchecked: 'feedback.unchecked',
};

/** Checks the writer against the class (role or group membership); answers the refusal itself. */
export async function checkWriter(ctx: BotContext, classId: number): Promise<boolean> {
  const membership = await mayWriteTo(ctx.deps.db, ctx.telegram, ctx.person!.id, ctx.from!.id, classId);
  if (membership === 'member') return true;
  await ctx.reply(ctx.t(membershipRefusal[membership]), { parse_mode: 'HTML' });
  return false;
}

async function takeText(turn: ComposeTurn, input: DialogueInput): Promise<void> {
  const text = input.text.trim();
  if (text === '') return turn.reply(turn.t('feedback.empty'));
  const length = [...text].length;
  if (length > MAX_TEXT) return turn.reply(turn.t('feedback.tooLong', { length }));
  const draft = packDraft(keyOf(turn.ctx), turn.person.id, { text, photo: input.kind === 'photo' ? input.fileId : null });
  return turn.goto('reply', { ...turn.data, draft });
}

async function showPreview(turn: ComposeTurn): Promise<void> {
  const content = turn.data.draft ? unpackDraft(keyOf(turn.ctx), turn.person.id, turn.data.draft) : null;
  const klass = turn.data.classId !== null ? await classRef(turn.deps.db, turn.data.classId) : null;
  if (!content || !klass || !turn.data.category) {
    await turn.finish();
    return turn.reply(turn.t('feedback.stale'));
  }
  const html = turn.t('feedback.preview', {
    class: klass.name,
    category: categoryLabel(turn.ctx.lang, turn.data.category),
    reply: turn.t(turn.data.allowReply ? 'feedback.yes' : 'feedback.no'),
    photo: content.photo ? turn.t('feedback.preview.photo') : '',
    text: content.text,
  });
  await turn.ctx.reply(html, {
    parse_mode: 'HTML',
    ...Markup.inlineKeyboard([
      [turn.button(turn.t('feedback.btn.send'), { action: 'send' }), turn.button(turn.t('feedback.btn.cancel'), { action: 'cancel' })],
    ]),
  });
}

async function send(turn: ComposeTurn): Promise<void> {
  const { ctx, deps, data } = turn;
  const key = keyOf(ctx);
  const content = data.draft ? unpackDraft(key, turn.person.id, data.draft) : null;
  const klass = data.classId !== null ? await classRef(deps.db, data.classId) : null;
  if (!content || !klass || !data.category) {
    await turn.finish();
    return turn.reply(turn.t('feedback.stale'));
  }
  if (!(await checkWriter(ctx, klass.classId))) return turn.finish();
  const now = deps.clock.now();
  const queued = await deps.db.transaction().execute(async (trx) => {
    // Taking the dialogue row is the claim: two presses of Send (two processes) queue one item.
    const claimed = await trx
      .deleteFrom('dialogues')
      .where('person_id', '=', turn.person.id)
      .where('kind', '=', FEEDBACK_DIALOGUE)
      .where('step', '=', 'preview')
      .executeTakeFirst();
    if (Number(claimed.numDeletedRows) === 0) return 'stale' as const;
    const allowed = await takeLimit(trx, { key, purpose: 'feedback', telegramUserId: ctx.from!.id, now, timeZone: deps.config.timeZone });
    if (!allowed) return 'over_limit' as const;
    await queueFeedback(trx, key, {
      classId: klass.classId,
      branchId: klass.branchId,
      category: data.category!,
      body: content.text,
      photoFileId: content.photo,
      returnTo: data.allowReply && key ? { chatId: ctx.chat!.id, language: ctx.lang } : null,
    });
    return 'queued' as const;
  });
  await turn.finish();
  await turn.ctx.editMessageReplyMarkup(undefined).catch(() => undefined);
  if (queued === 'stale') return turn.stale();
  if (queued === 'over_limit') return turn.reply(turn.t('feedback.overLimit', { max: DAILY_LIMITS.feedback }));
  await turn.reply(turn.t('feedback.queued', { reply: data.allowReply ? turn.t('feedback.queued.reply') : '' }));
}

const useButtons = { accepts: [] as const, unsupported: 'feedback.useButtons' as const, handle: async () => undefined };

/**
 * The writer's side: class (when not known) → category → text (optionally one photo) → whether the
 * liaisons may reply → preview with Send / Cancel and what the liaisons will and will not see.
 */
export const feedbackDialogue = defineDialogue({
  kind: FEEDBACK_DIALOGUE,
  schema: dataSchema,
  callback: composeButton,
  cancelAction: 'cancel',
  lifetimeMs: HOUR_MS,
  start: 'class' as Step,
  steps: {
    class: {
      enter: async (turn) => {
        const classes = await candidateClasses(turn.deps.db, turn.person.id);
        await turn.ctx.reply(
          turn.t('feedback.chooseClass'),
          Markup.inlineKeyboard(classes.map((c) => [turn.button(c.name, { action: 'cls', arg: c.classId })])),
        );
      },
      message: useButtons,
      buttons: {
        cls: async (turn, { arg }) => {
          const classes = await candidateClasses(turn.deps.db, turn.person.id);
          if (arg === undefined || !classes.some((c) => c.classId === arg)) return turn.stale();
          if (!(await checkWriter(turn.ctx, arg))) return turn.finish();
          return turn.goto('category', { ...turn.data, classId: arg });
        },
      },
    },
    category: {
      enter: async (turn) => {
        const klass = turn.data.classId !== null ? await classRef(turn.deps.db, turn.data.classId) : null;
        const buttons = categories.map((c, i) => turn.button(categoryLabel(turn.ctx.lang, c), { action: 'cat', arg: i }));
        await turn.ctx.reply(turn.t('feedback.chooseCategory', { class: klass?.name ?? '' }), {
          parse_mode: 'HTML',
          ...Markup.inlineKeyboard([buttons.slice(0, 2), buttons.slice(2, 4), buttons.slice(4)]),
        });
      },
      message: useButtons,
      buttons: {
        cat: (turn, { arg }) => {
          const category = arg === undefined ? undefined : categories[arg];
          return category ? turn.goto('text', { ...turn.data, category }) : turn.stale();
        },
      },
    },
    text: {
      enter: (turn) => turn.reply(turn.t('feedback.askText')),
      message: { accepts: ['text', 'photo'], unsupported: 'feedback.unsupported', handle: takeText },
    },
    reply: {
      enter: async (turn) => {
        if (!keyOf(turn.ctx)) {
          await turn.reply(turn.t('feedback.noReplies'));
          return turn.goto('preview', { ...turn.data, allowReply: false });
        }
        await turn.ctx.reply(
          turn.t('feedback.askReply'),
          Markup.inlineKeyboard([
            [turn.button(turn.t('feedback.btn.allowReply'), { action: 'yes' }), turn.button(turn.t('feedback.btn.noReply'), { action: 'no' })],
          ]),
        );
      },
      message: useButtons,
      buttons: {
        yes: (turn) => turn.goto('preview', { ...turn.data, allowReply: keyOf(turn.ctx) !== null }),
        no: (turn) => turn.goto('preview', { ...turn.data, allowReply: false }),
      },
    },
    preview: { enter: showPreview, message: useButtons, buttons: { send } },
  },
});
