import { Composer } from 'telegraf';
import type { BotContext } from '../telegram/context.js';
import { privateOnly } from '../telegram/guards.js';
import { replyHtml } from '../telegram/reply.js';
import type { DeclaredDialogue } from './define.js';
import { clearDialogue, dialogueLifetimeMs, type DialogueRules } from './store.js';

/** Two dialogues with one kind or one button prefix would steal each other's rows or buttons. */
function checkUnique(dialogues: readonly DeclaredDialogue[]): void {
  const kinds = new Set<string>();
  const prefixes = new Set<string>();
  for (const d of dialogues) {
    if (kinds.has(d.kind)) throw new Error(`two dialogues declare the kind "${d.kind}"`);
    kinds.add(d.kind);
    const prefix = d.callback?.prefix;
    if (prefix === undefined) continue;
    if (prefixes.has(prefix)) throw new Error(`two dialogues declare the button prefix "${prefix}"`);
    prefixes.add(prefix);
  }
}

/** The store's view of the declarations: each kind's lifetime, and whether a row still fits. Undeclared kinds keep the defaults. */
export function dialogueRules(dialogues: readonly DeclaredDialogue[]): DialogueRules {
  const byKind = new Map(dialogues.map((d) => [d.kind, d]));
  return {
    lifetimeMs: (kind) => byKind.get(kind)?.lifetimeMs ?? dialogueLifetimeMs(kind),
    accepts: (dialogue) => byKind.get(dialogue.kind)?.accepts(dialogue.step, dialogue.data) ?? true,
  };
}

/**
 * Everything the declared dialogues share, in one place and first in the chain: `/cancel` at any
 * step, a private message routed to the open dialogue's step, a button routed by its codec's
 * prefix, and the "expired" answer for a button whose dialogue is gone or elsewhere.
 */
export function dialogueRouter(dialogues: readonly DeclaredDialogue[]): Composer<BotContext> {
  checkUnique(dialogues);
  const byKind = new Map(dialogues.map((d) => [d.kind, d]));
  const composer = new Composer<BotContext>();

  composer.command('cancel', privateOnly, async (ctx) => {
    const open = ctx.dialogue ? byKind.get(ctx.dialogue.kind) : undefined;
    const cleared = ctx.person ? await clearDialogue(ctx.deps.db, ctx.person.id) : false;
    ctx.dialogue = null;
    await replyHtml(ctx, ctx.t(cleared ? (open?.cancelled ?? 'dialogue.cancelled') : 'dialogue.nothingToCancel'));
  });

  // Commands pass through (/cancel, /help …), and so does every dialogue that is not declared.
  composer.on('message', async (ctx, next) => {
    const dialogue = ctx.dialogue ? byKind.get(ctx.dialogue.kind) : undefined;
    const text = 'text' in ctx.message ? ctx.message.text : undefined;
    if (!dialogue || ctx.chat.type !== 'private' || text?.startsWith('/')) return next();
    if ((await dialogue.onMessage(ctx, ctx.message)) === 'pass') return next();
  });

  composer.on('callback_query', async (ctx, next) => {
    const data = 'data' in ctx.callbackQuery ? ctx.callbackQuery.data : undefined;
    const dialogue = data === undefined ? undefined : dialogues.find((d) => d.callback?.owns(data));
    if (!dialogue || data === undefined) return next();
    await dialogue.onButton(ctx, data);
  });

  return composer;
}
