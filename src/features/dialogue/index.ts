import { Composer } from 'telegraf';
import { clearDialogue } from '../../dialogue/store.js';
import type { AppDeps, BotContext } from '../../telegram/context.js';
import { privateOnly } from '../../telegram/guards.js';
import { replyHtml } from '../../telegram/reply.js';
import type { Feature } from '../feature.js';

/** /cancel leaves whatever dialogue is open, at any step. Registered first. */
export const dialogueFeature: Feature = {
  name: 'dialogue',
  commands: [{ command: 'cancel', where: 'private', audience: 'everyone', description: 'cmd.cancel' }],
  composer: (deps: AppDeps) => {
    const composer = new Composer<BotContext>();
    composer.command('cancel', privateOnly, async (ctx) => {
      const cleared = ctx.person ? await clearDialogue(deps.db, ctx.person.id) : false;
      ctx.dialogue = null;
      await replyHtml(ctx, ctx.t(cleared ? 'dialogue.cancelled' : 'dialogue.nothingToCancel'));
    });
    return composer;
  },
};
