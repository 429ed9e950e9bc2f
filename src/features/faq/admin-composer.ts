import { Composer } from 'telegraf';
import type { Message } from 'telegraf/types';
import { clearDialogue, saveDialogue } from '../../dialogue/store.js';
import { escapeHtml, Html } from '../../i18n/html.js';
import type { MessageKey } from '../../i18n/i18n.js';
import type { AppDeps, BotContext } from '../../telegram/context.js';
import { commandArgs, privateOnly, secretaryOnly } from '../../telegram/guards.js';
import { replyHtml } from '../../telegram/reply.js';
import { isSecretaryOf, secretaryBranch } from '../../people/access.js';
import { branchEntry } from './branch-kb.js';
import { entryFromMessage, sendEntryText } from './entry-file.js';
import { faqBasis } from './queries.js';
import type { FaqEntry } from './schemas.js';
import { ENTRY_TEMPLATE, entryText, removeEntry, resetEntry, saveEntryText, type FaqKnowledgeBase, type SaveError } from './service.js';
import { listUnanswered } from './unanswered.js';

/** The secretary's dialogues: the next private message is an entry's YAML. */
export const ENTRY_DIALOGUES = { edit: 'faq_edit', add: 'faq_add' } as const;

/** The branch a secretary's commands act on (their current one, for a secretary of several). */
const branchOf = (ctx: BotContext) => secretaryBranch(ctx.roles)!.branchId;

/** The slug after the command, or null (the usage is answered). */
const slugArg = (ctx: BotContext): string | null => {
  const slug = commandArgs(ctx).toLowerCase();
  return slug && slug.length <= 64 ? slug : null;
};

/**
 * The secretary's commands, on their branch's knowledge base only: list, edit, add, delete and
 * reset entries (a base entry changed or deleted here stays as it is for every other branch); the
 * branch's open questions.
 */
export function adminComposer(deps: AppDeps, kb: FaqKnowledgeBase): Composer<BotContext> {
  const { db, clock, logger } = deps;
  const composer = new Composer<BotContext>();

  composer.command('faq', privateOnly, secretaryOnly, async (ctx) => {
    const { entries, origins } = await kb.current(branchOf(ctx));
    const byCategory = new Map<string, FaqEntry[]>();
    for (const e of entries.values()) byCategory.set(e.category, [...(byCategory.get(e.category) ?? []), e]);
    const basis = await faqBasis(db);
    const parts = [
      `${ctx.t('faq.list.header', { count: entries.size })}\n${ctx.t('faq.list.branchNote')}`,
      basis
        ? ctx.t('faq.list.basis', {
            reviewed: basis.reviewed,
            texts: [...basis.texts.map((text) => `• ${text}`), ...(basis.note ? [basis.note] : [])].join('\n'),
          })
        : ctx.t('faq.list.noBasis'),
    ];
    const marks: Record<string, MessageKey | null> = { base: null, changed: 'faq.list.changed', own: 'faq.list.own' };
    for (const [category, list] of byCategory) {
      const lines = list.map((e) => {
        const mark = marks[origins.get(e.slug) ?? 'base'];
        const tail = (e.live ? ctx.t('faq.list.live') : '') + (mark ? ctx.t(mark) : '');
        return ctx.t('faq.list.line', { slug: e.slug, title: e.title, live: new Html(tail) });
      });
      parts.push([ctx.t('faq.list.category', { category }), ...lines].join('\n'));
    }
    return replyHtml(ctx, parts.join('\n\n'));
  });

  composer.command('faq_edit', privateOnly, secretaryOnly, async (ctx) => {
    const slug = slugArg(ctx);
    if (!slug) return replyHtml(ctx, ctx.t('faq.edit.usage'));
    const found = await branchEntry(db, branchOf(ctx), slug);
    if (!found) return replyHtml(ctx, ctx.t('faq.edit.notFound', { slug }));
    await saveDialogue(db, ctx.person!.id, { kind: ENTRY_DIALOGUES.edit, step: 'entry', data: { slug, branchId: branchOf(ctx) } }, clock.now());
    await sendEntryText(ctx, slug, entryText(found.entry), 'faq.edit.prompt');
  });

  composer.command('faq_delete', privateOnly, secretaryOnly, async (ctx) => {
    const slug = slugArg(ctx);
    if (!slug) return replyHtml(ctx, ctx.t('faq.delete.usage'));
    const branchId = branchOf(ctx);
    const before = await branchEntry(db, branchId, slug);
    const outcome = await removeEntry(db, clock, slug, { personId: ctx.person!.id, branchId });
    if (outcome === 'not_found') return replyHtml(ctx, ctx.t('faq.edit.notFound', { slug }));
    if (outcome === 'live') return replyHtml(ctx, ctx.t('faq.delete.live', { slug }));
    logger.info({ event: 'faq_entry_deleted', slug, branchId }, 'FAQ entry deleted');
    return replyHtml(ctx, ctx.t(before?.origin === 'own' ? 'faq.delete.done' : 'faq.delete.hidden', { slug }));
  });

  composer.command('faq_reset', privateOnly, secretaryOnly, async (ctx) => {
    const slug = slugArg(ctx);
    if (!slug) return replyHtml(ctx, ctx.t('faq.reset.usage'));
    const branchId = branchOf(ctx);
    const outcome = await resetEntry(db, slug, branchId);
    if (outcome === 'reset') logger.info({ event: 'faq_entry_reset', slug, branchId }, 'FAQ entry back to the base version');
    const keys: Record<typeof outcome, MessageKey> = { reset: 'faq.reset.done', not_base: 'faq.reset.notBase', unchanged: 'faq.reset.unchanged' };
    return replyHtml(ctx, ctx.t(keys[outcome], { slug }));
  });

  composer.command('faq_add', privateOnly, secretaryOnly, async (ctx) => {
    await saveDialogue(db, ctx.person!.id, { kind: ENTRY_DIALOGUES.add, step: 'entry', data: { branchId: branchOf(ctx) } }, clock.now());
    await replyHtml(ctx, ctx.t('faq.add.prompt'));
    await replyHtml(ctx, `<pre>${escapeHtml(ENTRY_TEMPLATE)}</pre>`);
  });

  composer.command('unanswered', privateOnly, secretaryOnly, (ctx) => listUnanswered(deps, ctx));

  return composer;
}

const saveErrors: Record<Exclude<SaveError, 'invalid'>, MessageKey> = {
  duplicate: 'faq.add.duplicate',
  not_found: 'faq.edit.gone',
  slug_changed: 'faq.edit.slugChanged',
};

/** faq_edit / faq_add: the secretary sends the entry's YAML (text, or a file for a long one); it is saved for their branch. */
export async function continueEntryEdit(deps: AppDeps, ctx: BotContext, message: Message): Promise<void> {
  const dialogue = ctx.dialogue!;
  const person = ctx.person!;
  const input = await entryFromMessage(ctx, message);
  if (!input.ok) return replyHtml(ctx, ctx.t(input.key, input.params));
  const text = input.text;
  // the branch the dialogue was opened for (a secretary of several may have switched since)
  const data = dialogue.data as { slug?: unknown; branchId?: unknown };
  const branchId = typeof data.branchId === 'number' ? data.branchId : secretaryBranch(ctx.roles)?.branchId;
  if (branchId === undefined || !isSecretaryOf(ctx.roles, branchId)) {
    await clearDialogue(deps.db, person.id);
    return replyHtml(ctx, ctx.t('error.notAllowed', { who: ctx.t('role.secretary') }));
  }
  const editing = dialogue.kind === ENTRY_DIALOGUES.edit;
  const slug = String(data.slug ?? '');
  const saved = await saveEntryText(deps.db, deps.clock, text, editing ? { kind: 'edit', slug } : { kind: 'add' }, { personId: person.id, branchId });
  if (!saved.ok) {
    if (saved.error === 'invalid') {
      const errors = (saved.errors ?? []).map((e) => `line ${e.line}: ${e.message}`).join('\n');
      return replyHtml(ctx, ctx.t('faq.edit.invalid', { errors }));
    }
    if (saved.error === 'not_found') await clearDialogue(deps.db, person.id);
    return replyHtml(ctx, ctx.t(saveErrors[saved.error], { slug: String(saved.detail?.slug ?? slug) }));
  }
  await clearDialogue(deps.db, person.id);
  deps.logger.info({ event: editing ? 'faq_entry_edited' : 'faq_entry_added', slug: saved.value.slug, personId: person.id, branchId }, 'FAQ entry saved');
  return replyHtml(ctx, ctx.t(editing ? 'faq.edit.saved' : 'faq.add.saved', { slug: saved.value.slug }));
}
