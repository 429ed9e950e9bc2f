import { localIsoDate } from '../../shared/when.js';
import { Composer } from 'telegraf';
import type { Message } from 'telegraf/types';
import type { AppDeps, BotContext } from '../../telegram/context.js';
import { commandArgs, isGroupChat, isPrivateChat } from '../../telegram/guards.js';
import { replyHtml } from '../../telegram/reply.js';
import { cutText } from '../../shared/text.js';
import { ensureChat } from '../groups/queries.js';
import { chatOfUpdate } from '../../chats/of-update.js';
import { upsertPerson } from '../../people/queries.js';
import type { Person } from '../../people/tables.js';
import { renderAnswer } from './answers.js';
import { askQuestion, type AskMode, type AskOutcome } from './asking.js';
import { answerContext, classById, notHelpfulButton, replyTo, type AskerClass, type Buttons } from './context.js';
import { classOfPerson, markSeen, readChatMarkingSeen } from './queries.js';
import { callbackData, type FaqEntry } from './schemas.js';
import type { FaqKnowledgeBase } from './service.js';

export type Ask = (ctx: BotContext, text: string, mode: AskMode, next?: () => Promise<void>) => Promise<void>;

/** Asking: /ask, and (through the returned `ask`) free text routed here by the FAQ's message handler. */
export function askComposer(deps: AppDeps, kb: FaqKnowledgeBase): { composer: Composer<BotContext>; ask: Ask } {
  const { db, clock } = deps;
  const composer = new Composer<BotContext>();

  const personOf = async (ctx: BotContext): Promise<Person> => ctx.person ?? (ctx.person = await upsertPerson(db, ctx.from!, ctx.lang, clock.now()));

  /** The asker's class: the group's class in a group; in private, the bound group they used last. */
  const classOf = async (ctx: BotContext): Promise<AskerClass | null> => {
    if (isGroupChat(ctx)) {
      const chat = await chatOfUpdate(ctx);
      return chat?.classId ? { classId: chat.classId, branchId: chat.branchId!, name: chat.className! } : null;
    }
    return classById(db, await classOfPerson(db, (await personOf(ctx)).id));
  };

  const ask: Ask = async (ctx, text, mode, next) => {
    const message = ctx.message as Message.TextMessage;
    const outcome = await askQuestion(
      { db, logger: deps.logger, kb },
      {
        text,
        mode,
        chat: ctx.chat!,
        chatRowId: async () => (await chatOfUpdate(ctx))?.id ?? ensureChat(db, ctx.chat!),
        messageId: message.message_id,
        person: () => personOf(ctx),
        classOf: () => classOf(ctx),
        now: clock.now(),
      },
    );
    await showOutcome(ctx, outcome, mode, message.message_id, next);
  };

  const showOutcome = async (ctx: BotContext, outcome: AskOutcome, mode: AskMode, messageId: number, next?: () => Promise<void>) => {
    const chatId = ctx.chat!.id;
    switch (outcome.kind) {
      case 'quiet':
        return;
      case 'smalltalk':
        return next ? next() : replyHtml(ctx, ctx.t('private.freeText'));
      case 'answer': {
        const html = await renderAnswer(outcome.entry, answerContext(db, ctx.lang, outcome.klass, localIsoDate(clock.now(), deps.config.timeZone)));
        await replyTo(ctx, chatId, html, { replyTo: chatId < 0 ? messageId : undefined, buttons: notHelpfulButton(ctx.lang, outcome.questionId) });
        return;
      }
      case 'suggest': {
        const buttons: Buttons = outcome.entries.map((e: FaqEntry) => [
          { text: cutText(e.title, 60), callback_data: callbackData.show(outcome.questionId, e.slug) },
        ]);
        buttons.push([{ text: ctx.t('faq.button.noneOfThese'), callback_data: callbackData.notHelpful(outcome.questionId) }]);
        await replyTo(ctx, chatId, ctx.t('faq.suggest.header'), { replyTo: mode === 'private' ? undefined : messageId, buttons });
        return;
      }
      case 'passed_on': {
        const text = ctx.t(`faq.${outcome.party ? 'unanswered' : 'outOfScope'}.${outcome.routed ? 'routed' : 'recorded'}`);
        return mode === 'private' ? replyHtml(ctx, text) : replyTo(ctx, chatId, text, { replyTo: messageId });
      }
      case 'no_class':
        return replyHtml(ctx, ctx.t('faq.noClass.outOfScope'));
    }
  };

  // which bound group a person uses (to know a private asker's class)
  composer.use(async (ctx, next) => {
    if (ctx.person && isGroupChat(ctx) && ctx.message) {
      const person = ctx.person;
      let marked = false;
      const chat = await chatOfUpdate(ctx, (reader, chatId) => ((marked = true), readChatMarkingSeen(reader, chatId, person.id, clock.now())));
      if (!marked && chat?.classId) await markSeen(db, person.id, chat.classId, clock.now());
    }
    return next();
  });

  composer.command('ask', async (ctx) => {
    const question = commandArgs(ctx);
    if (!question) return replyHtml(ctx, ctx.t('faq.ask.usage'));
    await ask(ctx, question, isPrivateChat(ctx) ? 'private' : 'explicit');
  });

  return { composer, ask };
}
