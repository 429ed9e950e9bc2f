import { Composer } from 'telegraf';
import { clearDialogue, saveDialogue } from '../../dialogue/store.js';
import { escapeHtml } from '../../i18n/html.js';
import type { MessageKey } from '../../i18n/i18n.js';
import type { AppDeps, BotContext } from '../../telegram/context.js';
import { commandArgs, privateOnly, secretaryOnly } from '../../telegram/guards.js';
import { replyHtml } from '../../telegram/reply.js';
import { cutText } from '../../shared/text.js';
import { secretaryBranch } from '../people/access.js';
import { bumpFaqVersion, entryBySlug, faqBasis, openQuestions } from './queries.js';
import type { FaqEntry } from './schemas.js';
import { ENTRY_TEMPLATE, entryText, saveEntryText, type FaqKnowledgeBase, type SaveError } from './service.js';

/** The secretary's dialogues: the next private message is an entry's YAML. */
export const ENTRY_DIALOGUES = { edit: 'faq_edit', add: 'faq_add' } as const;

/** The secretary's commands: list, edit, add and delete entries; the open questions per class. */
export function adminComposer(deps: AppDeps, kb: FaqKnowledgeBase): Composer<BotContext> {
  const { db, clock, logger } = deps;
  const composer = new Composer<BotContext>();

  composer.command('faq', privateOnly, secretaryOnly, async (ctx) => {
    const { entries } = await kb.current();
    const byCategory = new Map<string, FaqEntry[]>();
    for (const e of entries.values()) byCategory.set(e.category, [...(byCategory.get(e.category) ?? []), e]);
    const basis = await faqBasis(db);
    const parts = [
      ctx.t('faq.list.header', { count: entries.size }),
      basis
        ? ctx.t('faq.list.basis', {
            reviewed: basis.reviewed,
            texts: [...basis.texts.map((text) => `• ${text}`), ...(basis.note ? [basis.note] : [])].join('\n'),
          })
        : ctx.t('faq.list.noBasis'),
    ];
    for (const [category, list] of byCategory) {
      const lines = list.map((e) => ctx.t('faq.list.line', { slug: e.slug, title: e.title, live: e.live ? ctx.t('faq.list.live') : '' }));
      parts.push([ctx.t('faq.list.category', { category }), ...lines].join('\n'));
    }
    return replyHtml(ctx, parts.join('\n\n'));
  });

  composer.command('faq_edit', privateOnly, secretaryOnly, async (ctx) => {
    const slug = commandArgs(ctx).toLowerCase();
    if (!slug || slug.length > 64) return replyHtml(ctx, ctx.t('faq.edit.usage'));
    const entry = await entryBySlug(db, slug);
    if (!entry) return replyHtml(ctx, ctx.t('faq.edit.notFound', { slug }));
    await saveDialogue(db, ctx.person!.id, { kind: ENTRY_DIALOGUES.edit, step: 'entry', data: { slug } }, clock.now());
    await replyHtml(ctx, ctx.t('faq.edit.prompt', { slug }));
    await replyHtml(ctx, `<pre>${escapeHtml(entryText(entry))}</pre>`);
  });

  composer.command('faq_delete', privateOnly, secretaryOnly, async (ctx) => {
    const slug = commandArgs(ctx).toLowerCase();
    if (!slug || slug.length > 64) return replyHtml(ctx, ctx.t('faq.delete.usage'));
    const entry = await entryBySlug(db, slug);
    if (!entry) return replyHtml(ctx, ctx.t('faq.edit.notFound', { slug }));
    if (entry.live) return replyHtml(ctx, ctx.t('faq.delete.live', { slug }));
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('faq_entries').where('slug', '=', slug).execute();
      await bumpFaqVersion(trx);
    });
    logger.info({ event: 'faq_entry_deleted', slug }, 'FAQ entry deleted');
    return replyHtml(ctx, ctx.t('faq.delete.done', { slug }));
  });

  composer.command('faq_add', privateOnly, secretaryOnly, async (ctx) => {
    await saveDialogue(db, ctx.person!.id, { kind: ENTRY_DIALOGUES.add, step: 'entry', data: {} }, clock.now());
    await replyHtml(ctx, ctx.t('faq.add.prompt'));
    await replyHtml(ctx, `<pre>${escapeHtml(ENTRY_TEMPLATE)}</pre>`);
  });

  composer.command('unanswered', privateOnly, secretaryOnly, (ctx) => listUnanswered(deps, ctx));

  return composer;
}

/** The questions still waiting in the liaison inbox, per class, and the latest ten. */
async function listUnanswered(deps: AppDeps, ctx: BotContext): Promise<void> {
  const branch = secretaryBranch(ctx.roles)!;
  const { perClass, latest } = await openQuestions(deps.db, branch.branchId, 10);
  const total = perClass.reduce((n, c) => n + c.count, 0);
  if (total === 0) return replyHtml(ctx, ctx.t('faq.unanswered.none'));
  const unknown = ctx.t('faq.liaison.unknownClass');
  const date = (d: Date) => d.toLocaleString('sv-SE', { timeZone: deps.config.timeZone }).slice(0, 16);
  const text = [
    ctx.t('faq.unanswered.header', { count: total }),
    ...perClass.map((c) => ctx.t('faq.unanswered.classLine', { class: c.className ?? unknown, count: c.count })),
    '',
    ctx.t('faq.unanswered.latest'),
    ...latest.map((q) =>
      ctx.t('faq.unanswered.item', {
        date: date(q.createdAt),
        class: q.className ?? unknown,
        status: ctx.t(q.routing === 'routed' ? 'faq.status.routed' : 'faq.status.recorded'),
        question: cutText(q.question, 200),
      }),
    ),
  ].join('\n');
  return replyHtml(ctx, text);
}

const saveErrors: Record<Exclude<SaveError, 'invalid'>, MessageKey> = {
  duplicate: 'faq.add.duplicate',
  not_found: 'faq.edit.gone',
  slug_changed: 'faq.edit.slugChanged',
};

/** faq_edit / faq_add: the secretary sends the entry's YAML. */
export async function continueEntryEdit(deps: AppDeps, ctx: BotContext, text: string | null): Promise<void> {
  const dialogue = ctx.dialogue!;
  const person = ctx.person!;
  if (text === null) return replyHtml(ctx, ctx.t('faq.liaison.textOnly'));
  if (!secretaryBranch(ctx.roles)) {
    await clearDialogue(deps.db, person.id);
    return replyHtml(ctx, ctx.t('error.notAllowed', { who: ctx.t('role.secretary') }));
  }
  const editing = dialogue.kind === ENTRY_DIALOGUES.edit;
  const slug = String((dialogue.data as { slug?: unknown }).slug ?? '');
  const saved = await saveEntryText(deps.db, deps.clock, text, editing ? { kind: 'edit', slug } : { kind: 'add' }, person.id);
  if (!saved.ok) {
    if (saved.error === 'invalid') {
      const errors = (saved.errors ?? []).map((e) => `line ${e.line}: ${e.message}`).join('\n');
      return replyHtml(ctx, ctx.t('faq.edit.invalid', { errors }));
    }
    if (saved.error === 'not_found') await clearDialogue(deps.db, person.id);
    return replyHtml(ctx, ctx.t(saveErrors[saved.error], { slug: String(saved.detail?.slug ?? slug) }));
  }
  await clearDialogue(deps.db, person.id);
  deps.logger.info({ event: editing ? 'faq_entry_edited' : 'faq_entry_added', slug: saved.value.slug, personId: person.id }, 'FAQ entry saved');
  return replyHtml(ctx, ctx.t(editing ? 'faq.edit.saved' : 'faq.add.saved', { slug: saved.value.slug }));
}
