import { Composer } from 'telegraf';
import { z } from 'zod';
import { defineCallback } from '../../src/dialogue/callback.js';
import { defineDialogue } from '../../src/dialogue/define.js';
import type { Feature } from '../../src/feature.js';
import { createDialogueFeature } from '../../src/features/dialogue/index.js';
import type { BotContext } from '../../src/telegram/context.js';

/** Who the survey's scope lets through (a role taken away mid-dialogue: remove the id). */
export const allowed = new Set<number>();

const surveyButton = defineCallback('sv', z.object({ action: z.enum(['skip', 'yes', 'more', 'cancel']), n: z.number().int().positive().optional() }));

/** Three steps: a text, then a photo (or skip), then a confirmation that counts "more" presses. */
export const survey = defineDialogue({
  kind: 'test_survey',
  schema: z.object({ name: z.string(), photo: z.string().nullable(), likes: z.number().int() }),
  callback: surveyButton,
  cancelAction: 'cancel',
  scope: async (ctx: BotContext) => (ctx.from && allowed.has(ctx.from.id) ? { who: ctx.from.first_name } : null),
  start: 'name',
  steps: {
    name: {
      enter: (turn) => turn.reply(`name? (${turn.scope.who})`),
      message: { accepts: ['text'], unsupported: 'faq.liaison.textOnly', handle: (turn, { text }) => turn.goto('photo', { ...turn.data, name: text }) },
    },
    photo: {
      enter: (turn) => turn.ctx.reply('photo?', { reply_markup: { inline_keyboard: [[turn.button('skip', { action: 'skip' })]] } }),
      message: { accepts: ['photo'], unsupported: 'notice.unsupported', handle: (turn, { fileId }) => turn.goto('confirm', { ...turn.data, photo: fileId }) },
      buttons: { skip: (turn) => turn.goto('confirm', turn.data) },
    },
    confirm: {
      enter: (turn) =>
        turn.ctx.reply(`confirm ${turn.data.name} ${turn.data.photo ?? '-'}`, {
          reply_markup: {
            inline_keyboard: [
              [turn.button('yes', { action: 'yes' }), turn.button('more', { action: 'more', n: 2 })],
              [turn.button('cancel', { action: 'cancel' })],
            ],
          },
        }),
      buttons: {
        more: async (turn, { n }) => {
          await turn.save({ ...turn.data, likes: turn.data.likes + (n ?? 1) });
          await turn.answer(`likes ${turn.data.likes}`);
        },
        yes: async (turn) => {
          await turn.finish();
          await turn.reply(`saved ${turn.data.name} ${turn.data.likes}`);
        },
      },
    },
  },
});

/** The FAQ answer flow's shape: one step, started by another codec's button, that lives an hour. */
export const questionButton = defineCallback('tq', z.object({ action: z.literal('a'), id: z.number().int() }));
export const answer = defineDialogue({
  kind: 'test_answer',
  schema: z.object({ questionId: z.number().int() }),
  lifetimeMs: 3600_000,
  start: 'text',
  steps: {
    text: {
      enter: (turn) => turn.reply(`answer question ${turn.data.questionId}`),
      message: {
        accepts: ['text'],
        unsupported: 'faq.liaison.textOnly',
        handle: async (turn, { text }) => {
          await turn.finish();
          await turn.reply(`answered ${turn.data.questionId}: ${text}`);
        },
      },
    },
  },
});

/** The test's own feature: starts the dialogues, and answers whatever they pass on (messages at a button-only step). */
const testFeature: Feature = {
  name: 'test',
  commands: [],
  dialogues: [survey, answer],
  composer: () => {
    const composer = new Composer<BotContext>();
    composer.command('survey', async (ctx) => {
      if (!(await survey.begin(ctx, { name: '', photo: null, likes: 0 }))) await ctx.reply('not allowed');
    });
    composer.command('question', (ctx) =>
      ctx.reply('question 7', { reply_markup: { inline_keyboard: [[{ text: 'answer', callback_data: questionButton.encode({ action: 'a', id: 7 }) }]] } }),
    );
    composer.on('callback_query', async (ctx, next) => {
      const value = questionButton.decode('data' in ctx.callbackQuery ? ctx.callbackQuery.data : '');
      if (!value) return next();
      await answer.begin(ctx, { questionId: value.id });
      await ctx.answerCbQuery('go');
    });
    composer.on('message', (ctx) => ctx.reply('passed on'));
    composer.on('callback_query', (ctx) => ctx.answerCbQuery('nobody'));
    return composer;
  },
};

export function testFeatures(): Feature[] {
  const features = [testFeature];
  return [createDialogueFeature(() => features.flatMap((f) => f.dialogues ?? [])), ...features];
}
