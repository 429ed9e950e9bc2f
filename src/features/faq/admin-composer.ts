import { Composer } from 'telegraf';
import { escapeHtml, Html } from '../../i18n/html.js';
import type { MessageKey } from '../../i18n/i18n.js';
import type { AppDeps, BotContext } from '../../telegram/context.js';
import { commandArgs, privateOnly, secretaryOnly } from '../../telegram/guards.js';
import { replyHtml } from '../../telegram/reply.js';
import { secretaryBranch } from '../../people/access.js';
import { branchEntry } from './branch-kb.js';
import { addEntryDialogue, editEntryDialogue } from './entry-dialogue.js';
import { sendEntryText } from './entry-file.js';
import { faqBasis } from './queries.js';
import type { FaqEntry } from './schemas.js';
import { ENTRY_TEMPLATE, entryText, removeEntry, resetEntry, type FaqKnowledgeBase } from './service.js';
import { listUnanswered } from './unanswered.js';

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
    await editEntryDialogue.begin(ctx, { slug, branchId: branchOf(ctx) });
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
    await addEntryDialogue.begin(ctx, { branchId: branchOf(ctx) });
    await replyHtml(ctx, ctx.t('faq.add.prompt'));
    await replyHtml(ctx, `<pre>${escapeHtml(ENTRY_TEMPLATE)}</pre>`);
  });

  composer.command('unanswered', privateOnly, secretaryOnly, (ctx) => listUnanswered(deps, ctx));

  return composer;
}
