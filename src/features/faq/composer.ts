import { Composer } from 'telegraf';
import type { InlineKeyboardButton, Message } from 'telegraf/types';
import { clearDialogue, saveDialogue } from '../../dialogue/store.js';
import { escapeHtml, mention } from '../../i18n/html.js';
import { t as translate, translator, type MessageKey } from '../../i18n/i18n.js';
import type { Language } from '../../i18n/language.js';
import { safeError } from '../../logging/logger.js';
import type { AppDeps, BotContext } from '../../telegram/context.js';
import { commandArgs, isGroupChat, isPrivateChat, privateOnly, secretaryOnly } from '../../telegram/guards.js';
import { replyHtml } from '../../telegram/reply.js';
import { chatByTelegramId, ensureChat } from '../groups/queries.js';
import { isLiaisonOf, isSecretaryOf, secretaryBranch } from '../people/access.js';
import { classMembers, displayName, upsertPerson } from '../people/queries.js';
import type { Person } from '../people/tables.js';
import { renderAnswer, type AnswerContext } from './answers.js';
import type { MatchResult } from './matcher.js';
import {
  claimAutoAnswer,
  classOfPerson,
  entryBySlug,
  insertQuestion,
  routedSince,
  bumpFaqVersion,
  markSeen,
  openQuestions,
  questionById,
  setQuestionStatus,
} from './queries.js';
import { callbackData, callbackSchema, type FaqEntry } from './schemas.js';
import {
  AUTO_ANSWER_INTERVAL_MS,
  ENTRY_TEMPLATE,
  entryFromAnsweredQuestion,
  entryText,
  FaqKnowledgeBase,
  MAX_ANSWER_LENGTH,
  MAX_QUESTION_LENGTH,
  saveEntryText,
  type SaveError,
} from './service.js';
import type { FaqQuestionRow } from './tables.js';
import { domainStrength } from './text.js';
import { cutText } from '../../shared/text.js';

type Mode = 'private' | 'explicit' | 'auto';
type Buttons = InlineKeyboardButton[][];
interface AskerClass {
  classId: number;
  branchId: number;
  name: string;
}

const DIALOGUE = { answer: 'faq_answer', edit: 'faq_edit', add: 'faq_add' } as const;
/** Short off-topic lines in private ("谢谢", "在吗") get a greeting, not a trip to the liaisons. */
const SMALLTALK_MAX_LENGTH = 8;

/** At most this many questions of one person are passed to the liaisons per window. */
export const ROUTE_LIMIT_PER_WINDOW = 5;
export const ROUTE_WINDOW_MS = 60 * 60 * 1000;

export function faqComposer(deps: AppDeps): Composer<BotContext> {
  const { db, clock, logger } = deps;
  const kb = new FaqKnowledgeBase(db);
  const composer = new Composer<BotContext>();

  // ---- helpers -------------------------------------------------------------------------------

  const send = (ctx: BotContext, chatId: number, html: string, opts: { replyTo?: number; buttons?: Buttons } = {}) =>
    ctx.telegram.sendMessage(chatId, html, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(opts.replyTo ? { reply_parameters: { message_id: opts.replyTo, allow_sending_without_reply: true } } : {}),
      ...(opts.buttons ? { reply_markup: { inline_keyboard: opts.buttons } } : {}),
    });

  const classById = async (classId: number | null): Promise<AskerClass | null> => {
    if (classId === null) return null;
    const row = await db.selectFrom('classes').select(['id', 'branch_id', 'name']).where('id', '=', classId).executeTakeFirst();
    return row ? { classId: row.id, branchId: row.branch_id, name: row.name } : null;
  };

  /** The asker's class: the group's class in a group; in private, the bound group they used last. */
  const askerClass = async (ctx: BotContext, personId: number): Promise<AskerClass | null> => {
    if (isGroupChat(ctx)) return classById((await chatByTelegramId(db, ctx.chat!.id))?.class_id ?? null);
    return classById(await classOfPerson(db, personId));
  };

  const answerContext = (lang: Language, klass: AskerClass | null): AnswerContext => {
    let cached: Promise<{ name: string; liaisons: Awaited<ReturnType<typeof classMembers>> extends Map<number, infer M> ? M : never } | null> | null = null;
    return {
      lang,
      t: translator(lang),
      klass: () =>
        (cached ??= (async () => {
          if (!klass) return null;
          const members = (await classMembers(db, [klass.classId])).get(klass.classId) ?? [];
          return { name: klass.name, liaisons: members.filter((m) => m.role === 'liaison') };
        })()),
    };
  };

  const notHelpfulButton = (lang: Language, questionId: number): Buttons => [
    [{ text: translate(lang, 'faq.button.notHelpful'), callback_data: callbackData.notHelpful(questionId) }],
  ];

  const sendAnswer = async (ctx: BotContext, entry: FaqEntry, q: { id: number; chatId: number; messageId: number }, klass: AskerClass | null) => {
    const html = await renderAnswer(entry, answerContext(ctx.lang, klass));
    await send(ctx, q.chatId, html, { replyTo: q.chatId < 0 ? q.messageId : undefined, buttons: notHelpfulButton(ctx.lang, q.id) });
  };

  const languageOf = async (personId: number): Promise<Language> =>
    (await db.selectFrom('people').select('language').where('id', '=', personId).executeTakeFirst())?.language ?? 'zh';

  /** Sends the question to the class's liaisons in private; a liaison who cannot be reached is skipped. */
  const routeToLiaisons = async (ctx: BotContext, q: FaqQuestionRow): Promise<'routed' | 'recorded'> => {
    const members = q.class_id ? ((await classMembers(db, [q.class_id])).get(q.class_id) ?? []) : [];
    const liaisons = members.filter((m) => m.role === 'liaison');
    const klass = await classById(q.class_id);
    const asker = await db.selectFrom('people').select(['telegram_user_id', 'first_name', 'last_name']).where('id', '=', q.asker_id).executeTakeFirstOrThrow();
    let delivered = 0;
    // One classmate cannot flood the liaisons: past the hourly limit a question is only recorded
    // (the secretary still sees it in /unanswered).
    const recent = await routedSince(db, q.asker_id, new Date(clock.now().getTime() - ROUTE_WINDOW_MS));
    const overLimit = recent >= ROUTE_LIMIT_PER_WINDOW;
    if (overLimit) logger.info({ event: 'faq_route_limited', questionId: q.id }, 'asker over the hourly limit; question recorded only');
    for (const liaison of overLimit ? [] : liaisons) {
      const lang = await languageOf(liaison.personId);
      const text = translate(lang, 'faq.liaison.question', {
        class: klass?.name ?? translate(lang, 'faq.liaison.unknownClass'),
        asker: mention(asker.telegram_user_id, displayName(asker.first_name, asker.last_name)),
        question: q.question,
      });
      try {
        await send(ctx, liaison.telegramUserId, text, {
          buttons: [[{ text: translate(lang, 'faq.liaison.button.answer'), callback_data: callbackData.answer(q.id) }]],
        });
        delivered++;
      } catch (error) {
        logger.warn({ event: 'faq_route_failed', questionId: q.id, personId: liaison.personId, err: safeError(error) }, 'liaison not reached');
      }
    }
    const status = delivered > 0 ? 'routed' : 'recorded';
    await setQuestionStatus(db, q.id, status, clock.now());
    logger.info({ event: 'faq_routed', questionId: q.id, classId: q.class_id, liaisons: liaisons.length, delivered }, 'question passed on');
    return status;
  };

  const personOf = async (ctx: BotContext): Promise<Person> => ctx.person ?? (ctx.person = await upsertPerson(db, ctx.from!, ctx.lang, clock.now()));

  /** A question from a person: answer, offer suggestions, or pass it on — depending on the match and where it was asked. */
  const ask = async (ctx: BotContext, rawText: string, mode: Mode, next?: () => Promise<void>): Promise<void> => {
    const message = ctx.message as Message.TextMessage;
    const text = cutText(rawText.trim(), MAX_QUESTION_LENGTH, '');
    const { result, snapshot } = await kb.match(text);
    logger.info(
      { event: 'faq_match', chatId: ctx.chat!.id, mode, outcome: result.outcome, slug: result.slug, score: result.score },
      'question matched',
    );
    const chatId = ctx.chat!.id;
    let chatRowId: Promise<number> | undefined;
    const chatRow = () => (chatRowId ??= ensureChat(db, ctx.chat!));
    const store = async (person: Person, klass: AskerClass | null, status: 'answered' | 'suggested' | 'recorded', r: MatchResult) =>
      insertQuestion(
        db,
        {
          askerId: person.id,
          chatId: await chatRow(),
          messageId: message.message_id,
          classId: klass?.classId ?? null,
          branchId: klass?.branchId ?? null,
          question: text,
          matchedSlug: r.slug,
          score: r.score,
          status,
        },
        clock.now(),
      );

    if (mode === 'auto') {
      if (result.outcome !== 'answer') return;
      if (!(await claimAutoAnswer(db, await chatRow(), clock.now(), AUTO_ANSWER_INTERVAL_MS))) {
        logger.debug({ event: 'faq_auto_rate_limited', chatId }, 'auto-answer skipped');
        return;
      }
    }
    const person = await personOf(ctx);
    const klass = await askerClass(ctx, person.id);

    if (result.outcome === 'answer') {
      const entry = snapshot.entries.get(result.slug!)!;
      const id = await store(person, klass, 'answered', result);
      await sendAnswer(ctx, entry, { id, chatId, messageId: message.message_id }, klass);
      return;
    }
    if (result.outcome === 'suggest') {
      const id = await store(person, klass, 'suggested', result);
      const buttons: Buttons = result.candidates
        .map((c) => snapshot.entries.get(c.slug))
        .filter((e): e is FaqEntry => e !== undefined)
        .map((e) => [{ text: cutText(e.title, 60), callback_data: callbackData.show(id, e.slug) }]);
      buttons.push([{ text: ctx.t('faq.button.noneOfThese'), callback_data: callbackData.notHelpful(id) }]);
      await send(ctx, chatId, ctx.t('faq.suggest.header'), { replyTo: mode === 'private' ? undefined : message.message_id, buttons });
      return;
    }
    // outcome none
    const domain = domainStrength(text);
    if (mode === 'private') {
      // "谢谢", "hello": not a question; help's private greeting answers it
      if (domain === 0 && [...text].length <= SMALLTALK_MAX_LENGTH) return next ? next() : replyHtml(ctx, ctx.t('private.freeText'));
      const id = await store(person, klass, 'recorded', result);
      const status = await routeToLiaisons(ctx, (await questionById(db, id))!);
      return replyHtml(ctx, ctx.t(status === 'routed' ? 'faq.outOfScope.routed' : 'faq.outOfScope.recorded'));
    }
    // explicitly asked in a group: quiet there; a question that looks like a Party question still reaches the liaisons
    if (domain > 0) {
      const id = await store(person, klass, 'recorded', result);
      await routeToLiaisons(ctx, (await questionById(db, id))!);
    }
  };

  const canAnswer = (ctx: BotContext, q: FaqQuestionRow): boolean =>
    (q.class_id !== null && isLiaisonOf(ctx.roles, q.class_id)) ||
    (q.branch_id !== null ? isSecretaryOf(ctx.roles, q.branch_id) : secretaryBranch(ctx.roles) !== undefined);

  // ---- middleware: which bound group a person uses (to know a private asker's class) ----------

  composer.use(async (ctx, next) => {
    if (ctx.person && isGroupChat(ctx) && ctx.message) {
      const chat = await chatByTelegramId(db, ctx.chat!.id);
      if (chat?.class_id) await markSeen(db, ctx.person.id, chat.class_id, clock.now());
    }
    return next();
  });

  // ---- commands ---------------------------------------------------------------------------------

  composer.command('ask', async (ctx) => {
    const question = commandArgs(ctx);
    if (!question) return replyHtml(ctx, ctx.t('faq.ask.usage'));
    await ask(ctx, question, isPrivateChat(ctx) ? 'private' : 'explicit');
  });

  composer.command('faq', privateOnly, secretaryOnly, async (ctx) => {
    const { entries } = await kb.current();
    const byCategory = new Map<string, FaqEntry[]>();
    for (const e of entries.values()) byCategory.set(e.category, [...(byCategory.get(e.category) ?? []), e]);
    const parts = [ctx.t('faq.list.header', { count: entries.size })];
    for (const [category, list] of byCategory) {
      parts.push(
        [
          ctx.t('faq.list.category', { category }),
          ...list.map((e) => ctx.t('faq.list.line', { slug: e.slug, title: e.title, live: e.live ? ctx.t('faq.list.live') : '' })),
        ].join('\n'),
      );
    }
    return replyHtml(ctx, parts.join('\n\n'));
  });

  composer.command('faq_edit', privateOnly, secretaryOnly, async (ctx) => {
    const slug = commandArgs(ctx).toLowerCase();
    if (!slug || slug.length > 64) return replyHtml(ctx, ctx.t('faq.edit.usage'));
    const entry = await entryBySlug(db, slug);
    if (!entry) return replyHtml(ctx, ctx.t('faq.edit.notFound', { slug }));
    await saveDialogue(db, ctx.person!.id, { kind: DIALOGUE.edit, step: 'entry', data: { slug } }, clock.now());
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
    await saveDialogue(db, ctx.person!.id, { kind: DIALOGUE.add, step: 'entry', data: {} }, clock.now());
    await replyHtml(ctx, ctx.t('faq.add.prompt'));
    await replyHtml(ctx, `<pre>${escapeHtml(ENTRY_TEMPLATE)}</pre>`);
  });

  composer.command('unanswered', privateOnly, secretaryOnly, async (ctx) => {
    const branch = secretaryBranch(ctx.roles)!;
    const { perClass, latest } = await openQuestions(db, branch.branchId, 10);
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
          status: ctx.t(q.status === 'routed' ? 'faq.status.routed' : 'faq.status.recorded'),
          question: cutText(q.question, 200),
        }),
      ),
    ].join('\n');
    return replyHtml(ctx, text);
  });

  // ---- buttons ------------------------------------------------------------------------------------

  composer.action(/^faq:/, async (ctx) => {
    const data = 'data' in ctx.callbackQuery ? ctx.callbackQuery.data : '';
    const parsed = callbackSchema.safeParse(data);
    const q = parsed.success ? await questionById(db, parsed.data.questionId) : undefined;
    if (!parsed.success || !q || !ctx.person) {
      logger.info({ event: 'faq_callback_invalid', personId: ctx.person?.id }, 'invalid FAQ button');
      return ctx.answerCbQuery(plain(ctx.t('faq.cb.invalid')));
    }
    const cb = parsed.data;
    const person = ctx.person;

    if (cb.action === 's' || cb.action === 'n') {
      if (q.asker_id !== person.id) return ctx.answerCbQuery(plain(ctx.t('faq.cb.notYours')), { show_alert: true });
      const sourceMessage = ctx.callbackQuery.message;
      if (cb.action === 's') {
        const { entries } = await kb.current();
        const entry = entries.get(cb.slug);
        if (!entry || q.status === 'resolved') return ctx.answerCbQuery(plain(ctx.t('faq.cb.invalid')));
        await ctx.answerCbQuery();
        await setQuestionStatus(db, q.id, 'answered', clock.now(), { matchedSlug: entry.slug });
        logger.info({ event: 'faq_suggestion_taken', questionId: q.id, slug: entry.slug }, 'suggestion taken');
        await sendAnswer(ctx, entry, { id: q.id, chatId: q.telegram_chat_id, messageId: q.message_id }, await classById(q.class_id));
      } else {
        if (q.status === 'routed' || q.status === 'recorded' || q.status === 'resolved') {
          return ctx.answerCbQuery(plain(ctx.t('faq.cb.alreadyRouted')));
        }
        const status = await routeToLiaisons(ctx, q);
        const key: MessageKey = status === 'routed' ? 'faq.routed' : 'faq.recorded';
        await ctx.answerCbQuery(plain(ctx.t(key)));
        if (q.telegram_chat_id > 0) await send(ctx, q.telegram_chat_id, ctx.t(key));
      }
      // the buttons did their job; a failure to remove them is harmless
      if (sourceMessage) await ctx.editMessageReplyMarkup(undefined).catch(() => undefined);
      return;
    }

    if (cb.action === 'a') {
      if (!canAnswer(ctx, q)) return ctx.answerCbQuery(plain(ctx.t('faq.liaison.notAllowed')), { show_alert: true });
      if (q.status === 'resolved') return ctx.answerCbQuery(plain(ctx.t('faq.liaison.alreadyAnswered')), { show_alert: true });
      await saveDialogue(db, person.id, { kind: DIALOGUE.answer, step: 'text', data: { questionId: q.id } }, clock.now());
      await ctx.answerCbQuery();
      await send(ctx, ctx.from.id, ctx.t('faq.liaison.prompt', { question: q.question }));
      return;
    }

    // m: make an entry of the answer
    if (q.answered_by !== person.id && !(q.branch_id !== null && isSecretaryOf(ctx.roles, q.branch_id))) {
      return ctx.answerCbQuery(plain(ctx.t('faq.liaison.notAllowed')), { show_alert: true });
    }
    const made = await entryFromAnsweredQuestion(db, clock, q.id, person.id);
    await ctx.answerCbQuery();
    if (!made.ok) {
      if (made.error === 'exists') return send(ctx, ctx.from.id, ctx.t('faq.liaison.entryExists', { slug: String(made.detail?.slug ?? '') })).then(() => undefined);
      return send(ctx, ctx.from.id, ctx.t('faq.cb.invalid')).then(() => undefined);
    }
    logger.info({ event: 'faq_entry_from_answer', questionId: q.id, slug: made.value.slug }, 'FAQ entry made from an answer');
    await ctx.editMessageReplyMarkup(undefined).catch(() => undefined);
    await send(ctx, ctx.from.id, ctx.t('faq.liaison.entryMade', { slug: made.value.slug }));
  });

  // ---- dialogues (private) and free text ------------------------------------------------------------

  const saveErrors: Record<Exclude<SaveError, 'invalid'>, MessageKey> = {
    duplicate: 'faq.add.duplicate',
    not_found: 'faq.edit.gone',
    slug_changed: 'faq.edit.slugChanged',
  };

  const continueDialogue = async (ctx: BotContext, text: string | null): Promise<void> => {
    const dialogue = ctx.dialogue!;
    const person = ctx.person!;
    if (text === null) return replyHtml(ctx, ctx.t('faq.liaison.textOnly'));

    if (dialogue.kind === DIALOGUE.answer) {
      const questionId = Number((dialogue.data as { questionId?: unknown }).questionId);
      const q = Number.isInteger(questionId) ? await questionById(db, questionId) : undefined;
      if (!q || !canAnswer(ctx, q)) {
        await clearDialogue(db, person.id);
        return replyHtml(ctx, ctx.t('faq.cb.invalid'));
      }
      if (q.status === 'resolved') {
        await clearDialogue(db, person.id);
        return replyHtml(ctx, ctx.t('faq.liaison.alreadyAnswered'));
      }
      const answer = text.trim();
      if ([...answer].length > MAX_ANSWER_LENGTH) return replyHtml(ctx, ctx.t('faq.liaison.tooLong', { max: MAX_ANSWER_LENGTH }));
      const askerLang = await languageOf(q.asker_id);
      let delivered = true;
      try {
        await send(ctx, q.telegram_chat_id, translate(askerLang, 'faq.reply.toAsker', { question: q.question, name: displayName(person.first_name, person.last_name), answer }), {
          replyTo: q.message_id,
        });
      } catch (error) {
        delivered = false;
        logger.warn({ event: 'faq_answer_undelivered', questionId: q.id, err: safeError(error) }, 'answer not delivered');
      }
      await setQuestionStatus(db, q.id, 'resolved', clock.now(), { answer, answeredBy: person.id });
      await clearDialogue(db, person.id);
      logger.info({ event: 'faq_answered', questionId: q.id, personId: person.id, delivered }, 'liaison answered');
      await send(ctx, ctx.chat!.id, ctx.t(delivered ? 'faq.liaison.sent' : 'faq.liaison.sendFailed'), {
        buttons: [[{ text: ctx.t('faq.liaison.button.makeEntry'), callback_data: callbackData.makeEntry(q.id) }]],
      });
      return;
    }

    // faq_edit / faq_add: the secretary sends the entry's YAML
    if (!secretaryBranch(ctx.roles)) {
      await clearDialogue(db, person.id);
      return replyHtml(ctx, ctx.t('error.notAllowed', { who: ctx.t('role.secretary') }));
    }
    const slug = String((dialogue.data as { slug?: unknown }).slug ?? '');
    const saved = await saveEntryText(db, clock, text, dialogue.kind === DIALOGUE.edit ? { kind: 'edit', slug } : { kind: 'add' }, person.id);
    if (!saved.ok) {
      if (saved.error === 'invalid') {
        const errors = (saved.errors ?? []).map((e) => `line ${e.line}: ${e.message}`).join('\n');
        return replyHtml(ctx, ctx.t('faq.edit.invalid', { errors }));
      }
      if (saved.error === 'not_found') await clearDialogue(db, person.id);
      return replyHtml(ctx, ctx.t(saveErrors[saved.error], { slug: String(saved.detail?.slug ?? slug) }));
    }
    await clearDialogue(db, person.id);
    logger.info({ event: dialogue.kind === DIALOGUE.edit ? 'faq_entry_edited' : 'faq_entry_added', slug: saved.value.slug, personId: person.id }, 'FAQ entry saved');
    return replyHtml(ctx, ctx.t(dialogue.kind === DIALOGUE.edit ? 'faq.edit.saved' : 'faq.add.saved', { slug: saved.value.slug }));
  };

  const isFaqDialogue = (ctx: BotContext) => ctx.dialogue !== null && Object.values(DIALOGUE).includes(ctx.dialogue.kind as never);

  composer.on('message', async (ctx, next) => {
    const text = 'text' in ctx.message ? ctx.message.text : null;
    if (text?.startsWith('/')) return next();

    if (isPrivateChat(ctx)) {
      if (isFaqDialogue(ctx)) return continueDialogue(ctx, text);
      if (ctx.dialogue || text === null || !ctx.from) return next();
      return ask(ctx, text, 'private', next);
    }

    if (!isGroupChat(ctx) || text === null || !ctx.from || ctx.from.is_bot) return next();
    const botId = ctx.botInfo?.id;
    const replyTo = 'reply_to_message' in ctx.message ? ctx.message.reply_to_message : undefined;
    const replyToBot = botId !== undefined && replyTo?.from?.id === botId;
    const username = deps.botUsername();
    const entities = 'entities' in ctx.message ? (ctx.message.entities ?? []) : [];
    const mentioned =
      username !== '' &&
      entities.some((e) => e.type === 'mention' && text.slice(e.offset, e.offset + e.length).toLowerCase() === `@${username.toLowerCase()}`);
    const question = mentioned ? text.replace(new RegExp(`@${username}`, 'ig'), ' ').trim() : text;
    if (!question) return next();
    return ask(ctx, question, replyToBot || mentioned ? 'explicit' : 'auto');
  });

  return composer;
}

/** answerCbQuery takes plain text. */
const plain = (html: string) => cutText(html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&'), 200, '');
