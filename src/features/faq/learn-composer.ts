import { Composer } from 'telegraf';
import { Html } from '../../i18n/html.js';
import type { MessageKey } from '../../i18n/i18n.js';
import { cutText } from '../../shared/text.js';
import type { AppDeps, BotContext } from '../../telegram/context.js';
import { privateOnly, secretaryOnly } from '../../telegram/guards.js';
import { replyHtml } from '../../telegram/reply.js';
import { isSecretaryOf, secretaryBranch } from '../../people/access.js';
import { plain, replyTo, type Buttons } from './context.js';
import { decideEntry, decideExample, pendingForBranch, type DecideOutcome, type PendingEntry, type PendingExample } from './learning.js';
import { learnButton } from './schemas.js';
import type { FaqKnowledgeBase, Snapshot } from './service.js';
import { onButton, type ButtonContext } from '../../telegram/buttons.js';

/** How many items of each kind one /faq_learn shows (one message each, with its buttons). */
const PAGE = 5;
const ANSWER_PREVIEW = 600;

/**
 * /faq_learn: the branch's secretary decides on what classmates' presses and liaisons proposed —
 * a question as one more way of asking an entry, or a liaison's new entry. An approval takes effect
 * on the next question in every process (the branch's version number changes).
 */
export function learnComposer(deps: AppDeps, kb: FaqKnowledgeBase): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command('faq_learn', privateOnly, secretaryOnly, async (ctx) => {
    const branchId = secretaryBranch(ctx.roles)!.branchId;
    const pending = await pendingForBranch(deps.db, branchId, PAGE);
    if (pending.exampleCount + pending.entryCount === 0) return replyHtml(ctx, ctx.t('faq.learn.none'));
    await replyHtml(ctx, ctx.t('faq.learn.header', { examples: pending.exampleCount, entries: pending.entryCount }));
    const snapshot = await kb.current(branchId);
    for (const item of pending.entries) await replyTo(ctx, ctx.chat!.id, ...entryMessage(ctx, item));
    for (const item of pending.examples) await replyTo(ctx, ctx.chat!.id, ...(await exampleMessage(ctx, kb, snapshot, branchId, item)));
  });

  const refuse = (ctx: ButtonContext) => {
    deps.logger.info({ event: 'faq_learn_invalid', personId: ctx.person?.id }, 'invalid FAQ learning button');
    return ctx.answerCbQuery(plain(ctx.t('faq.cb.invalid')));
  };
  onButton(
    composer,
    learnButton,
    async (ctx, value, person) => {
      if ((value.action === 'ok') !== (value.slug !== undefined)) return refuse(ctx);
      const common = { id: value.id, by: person.id, mayDecide: (branchId: number) => isSecretaryOf(ctx.roles, branchId), now: deps.clock.now() };
      const outcome =
        value.action === 'ok' || value.action === 'no'
          ? await decideExample(deps.db, { ...common, approveAs: value.action === 'ok' ? value.slug! : null })
          : await decideEntry(deps.db, { ...common, publish: value.action === 'pub' });
      deps.logger.info({ event: 'faq_learn_decided', action: value.action, id: value.id, outcome: outcome.kind, personId: person.id }, 'FAQ proposal decided');
      const html = outcomeText(ctx, outcome);
      if (outcome.kind === 'invalid' || outcome.kind === 'decided_before' || outcome.kind === 'no_entry') return ctx.answerCbQuery(plain(html));
      await ctx.answerCbQuery();
      await ctx.editMessageText(html, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } }).catch(() => undefined);
    },
    { refuse },
  );

  return composer;
}

function outcomeText(ctx: BotContext, outcome: DecideOutcome): string {
  switch (outcome.kind) {
    case 'approved':
      return ctx.t('faq.learn.approved', { question: outcome.question, title: outcome.entry.title });
    case 'rejected':
      return ctx.t('faq.learn.rejected', { question: outcome.question });
    case 'published':
      return ctx.t('faq.learn.published', { slug: outcome.entry.slug, title: outcome.entry.title });
    case 'dropped':
      return ctx.t('faq.learn.dropped', { slug: outcome.entry.slug, title: outcome.entry.title });
    case 'decided_before':
      return ctx.t('faq.learn.decidedBefore');
    case 'no_entry':
      return ctx.t('faq.liaison.noEntry');
    case 'invalid':
      return ctx.t('faq.cb.invalid');
  }
}

type Message = [html: string, options: { buttons: Buttons }];

const button = (text: string, value: Parameters<typeof learnButton.encode>[0]) => ({ text, callback_data: learnButton.encode(value) });

function entryMessage(ctx: BotContext, item: PendingEntry): Message {
  const html = ctx.t('faq.learn.entry', {
    slug: item.entry.slug,
    name: item.proposedBy ?? ctx.t('faq.learn.someone'),
    title: item.entry.title,
    answer: cutText(item.entry.answer, ANSWER_PREVIEW),
  });
  return [
    html,
    {
      buttons: [
        [button(ctx.t('faq.learn.button.publish'), { action: 'pub', id: item.id }), button(ctx.t('faq.learn.button.reject'), { action: 'drop', id: item.id })],
      ],
    },
  ];
}

/** An example with its entry (approve or reject), or, when nobody chose one yet, the branch's closest entries to choose from. */
async function exampleMessage(ctx: BotContext, kb: FaqKnowledgeBase, snapshot: Snapshot, branchId: number, item: PendingExample): Promise<Message> {
  const titleOf = (slug: string | null) => (slug === null ? undefined : snapshot.entries.get(slug)?.title);
  const sources: Record<PendingExample['source'], () => string> = {
    suggestion: () => ctx.t('faq.learn.source.suggestion'),
    not_helpful: () => {
      const title = titleOf(item.notSlug);
      return title ? ctx.t('faq.learn.source.not_helpful', { title }) : ctx.t('faq.learn.source.none');
    },
    liaison: () => ctx.t('faq.learn.source.liaison', { name: item.proposedBy ?? ctx.t('faq.learn.someone') }),
  };
  const reject = button(ctx.t('faq.learn.button.reject'), { action: 'no', id: item.id });
  const target = titleOf(item.slug);
  if (item.slug !== null && target !== undefined) {
    const html = ctx.t('faq.learn.example', {
      source: sources[item.source](),
      question: item.question,
      target: new Html(ctx.t('faq.learn.target', { title: target, slug: item.slug })),
    });
    return [html, { buttons: [[button(ctx.t('faq.learn.button.approve'), { action: 'ok', id: item.id, slug: item.slug }), reject]] }];
  }
  const { result } = await kb.match(item.question, branchId);
  const choices = result.candidates.filter((c) => c.slug !== item.notSlug && snapshot.entries.has(c.slug));
  const prompt: MessageKey = choices.length > 0 ? 'faq.learn.chooseTarget' : 'faq.learn.noTarget';
  const html = ctx.t('faq.learn.example', { source: sources[item.source](), question: item.question, target: new Html(ctx.t(prompt)) });
  const buttons: Buttons = choices.map((c) => [
    button(ctx.t('faq.learn.button.asPrefix') + cutText(snapshot.entries.get(c.slug)!.title, 40), { action: 'ok', id: item.id, slug: c.slug }),
  ]);
  buttons.push([reject]);
  return [html, { buttons }];
}
