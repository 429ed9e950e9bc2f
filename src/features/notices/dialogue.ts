import { Composer } from 'telegraf';
import { defineDialogue } from '../../dialogue/define.js';
import type { MessageKey } from '../../i18n/i18n.js';
import { parseLocalDateTime } from '../../shared/local-time.js';
import type { BotContext } from '../../telegram/context.js';
import { liaisonOrSecretary, privateOnly } from '../../telegram/guards.js';
import { replyHtml, replyHtmlWithKeyboard } from '../../telegram/reply.js';
import { audienceOf, distinctTags } from './audience.js';
import {
  audienceKeyboard,
  draftSchema,
  noticeButton,
  optionsKeyboard,
  pickerKeyboard,
  sendDraft,
  showPreview,
  tagKeyboard,
  whenKeyboard,
  type Draft,
  type NoticeTurn,
} from './dialogue-views.js';
import { checkContent, type ContentError } from './service.js';

export const NOTICE_DIALOGUE = 'notice';

const emptyDraft: Draft = { content: null, classIds: [], pin: false, askAck: true, sendAt: null };

const contentErrors: Record<ContentError, MessageKey> = {
  too_long: 'notice.tooLong',
  caption_too_long: 'notice.captionTooLong',
  empty: 'notice.empty',
};

/** A liaison of one class skips the audience; a liaison of several picks among their own. */
async function enterAudience(turn: NoticeTurn): Promise<void> {
  const { classes, ownClassesOnly } = turn.scope;
  if (ownClassesOnly && classes.length === 1) return turn.goto('options', { ...turn.data, classIds: [classes[0]!.id] });
  if (ownClassesOnly) return turn.goto('classes', turn.data);
  await replyHtmlWithKeyboard(turn.ctx, turn.t('notice.audience'), audienceKeyboard(turn).reply_markup.inline_keyboard);
}

async function toggleClasses(turn: NoticeTurn, classIds: number[]): Promise<void> {
  await turn.save({ ...turn.data, classIds });
  await turn.answer();
  await turn.ctx.editMessageText(turn.t('notice.chooseClasses', { count: classIds.length }), pickerKeyboard(turn)).catch(() => undefined);
}

async function toggleOption(turn: NoticeTurn, option: 'pin' | 'askAck'): Promise<void> {
  await turn.save({ ...turn.data, [option]: !turn.data[option] });
  await turn.answer();
  await turn.ctx.editMessageReplyMarkup(optionsKeyboard(turn).reply_markup).catch(() => undefined);
}

/**
 * /notice: content → audience (all / by tag / picked classes) → options (pin, acknowledgement) →
 * when (now / a time) → preview with Send / Edit / Cancel. A secretary addresses the branch's
 * classes, a liaison only their own (the scope, loaded again on every turn).
 */
export const noticeDialogue = defineDialogue({
  kind: NOTICE_DIALOGUE,
  schema: draftSchema,
  callback: noticeButton,
  cancelAction: 'cancel',
  scope: (ctx: BotContext) => audienceOf(ctx.deps.db, ctx.roles),
  start: 'content',
  steps: {
    content: {
      enter: (turn) => turn.reply(turn.t('notice.start')),
      message: {
        accepts: ['text', 'photo', 'document'],
        unsupported: 'notice.unsupported',
        handle: async (turn, content) => {
          const checked = checkContent(content);
          if (!checked.ok) return turn.reply(turn.t(contentErrors[checked.error], checked.detail));
          const draft = { ...turn.data, content };
          return turn.goto(draft.classIds.length > 0 ? 'preview' : 'audience', draft);
        },
      },
    },
    audience: {
      enter: enterAudience,
      buttons: {
        all: (turn) => (turn.scope.ownClassesOnly ? turn.stale() : turn.goto('options', { ...turn.data, classIds: turn.scope.classes.map((c) => c.id) })),
        tags: async (turn) => {
          if (turn.scope.ownClassesOnly) return turn.stale();
          if (distinctTags(turn.scope).length === 0) return turn.answer(turn.t('notice.noTags'), { alert: true });
          return turn.goto('tags', turn.data);
        },
        pick: (turn) => turn.goto('classes', turn.data),
      },
    },
    tags: {
      enter: (turn) => replyHtmlWithKeyboard(turn.ctx, turn.t('notice.chooseTag'), tagKeyboard(turn, distinctTags(turn.scope)).reply_markup.inline_keyboard),
      buttons: {
        tag: (turn, { arg }) => {
          const tag = arg === undefined ? undefined : distinctTags(turn.scope)[arg];
          if (!tag) return turn.stale();
          return turn.goto('options', { ...turn.data, classIds: turn.scope.classes.filter((c) => c.tags.includes(tag)).map((c) => c.id) });
        },
      },
    },
    classes: {
      enter: (turn) =>
        replyHtmlWithKeyboard(
          turn.ctx,
          turn.t('notice.chooseClasses', { count: turn.data.classIds.length }),
          pickerKeyboard(turn).reply_markup.inline_keyboard,
        ),
      buttons: {
        t: (turn, { arg }) => {
          if (arg === undefined || !turn.scope.classes.some((c) => c.id === arg)) return turn.answer(turn.t('notice.notYourClass'), { alert: true });
          const ids = turn.data.classIds;
          return toggleClasses(turn, ids.includes(arg) ? ids.filter((id) => id !== arg) : [...ids, arg]);
        },
        sa: (turn) =>
          toggleClasses(
            turn,
            turn.scope.classes.map((c) => c.id),
          ),
        clr: (turn) => toggleClasses(turn, []),
        done: (turn) => (turn.data.classIds.length === 0 ? turn.answer(turn.t('notice.noneSelected'), { alert: true }) : turn.goto('options', turn.data)),
      },
    },
    options: {
      enter: (turn) => replyHtmlWithKeyboard(turn.ctx, turn.t('notice.options'), optionsKeyboard(turn).reply_markup.inline_keyboard),
      buttons: {
        pin: (turn) => toggleOption(turn, 'pin'),
        ack: (turn) => toggleOption(turn, 'askAck'),
        next: (turn) => turn.goto('when', turn.data),
      },
    },
    when: {
      enter: (turn) => replyHtmlWithKeyboard(turn.ctx, turn.t('notice.when'), whenKeyboard(turn).reply_markup.inline_keyboard),
      buttons: {
        now: (turn) => turn.goto('preview', { ...turn.data, sendAt: null }),
        later: (turn) => turn.goto('time', turn.data),
      },
    },
    time: {
      enter: (turn) => turn.reply(turn.t('notice.askTime', { tz: turn.deps.config.timeZone })),
      message: {
        accepts: ['text'],
        unsupported: 'notice.badTime',
        handle: async (turn, { text }) => {
          const now = turn.deps.clock.now();
          const sendAt = parseLocalDateTime(text, turn.deps.config.timeZone, now);
          if (!sendAt || sendAt.getTime() <= now.getTime()) return turn.reply(turn.t('notice.badTime'));
          return turn.goto('preview', { ...turn.data, sendAt: sendAt.toISOString() });
        },
      },
    },
    preview: {
      enter: showPreview,
      buttons: {
        edit: (turn) => turn.goto('content', turn.data),
        send: sendDraft,
      },
    },
  },
});

/** /notice opens the dialogue; its steps and buttons are routed by src/dialogue/. */
export function noticeCommand(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command('notice', privateOnly, liaisonOrSecretary, async (ctx) => {
    const audience = await audienceOf(ctx.deps.db, ctx.roles);
    if (!audience || audience.classes.length === 0) return replyHtml(ctx, ctx.t('notice.noClasses'));
    await noticeDialogue.begin(ctx, emptyDraft);
  });
  return composer;
}
