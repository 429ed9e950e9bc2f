import type { InlineKeyboardButton } from 'telegraf/types';
import { sendHtml } from '../../telegram/reply.js';
import type { Executor } from '../../db/schema.js';
import { t as translate, translator } from '../../i18n/i18n.js';
import type { Language } from '../../i18n/language.js';
import type { BotContext } from '../../telegram/context.js';
import { cutText } from '../../shared/text.js';
import { classMembers, type ClassMember } from '../people/queries.js';
import { pipelineCounts } from '../records/counts.js';
import type { AnswerContext } from './answers.js';
import { callbackData } from './schemas.js';

export type Buttons = InlineKeyboardButton[][];

export interface AskerClass {
  classId: number;
  branchId: number;
  name: string;
}

export async function classById(db: Executor, classId: number | null): Promise<AskerClass | null> {
  if (classId === null) return null;
  const row = await db.selectFrom('classes').select(['id', 'branch_id', 'name']).where('id', '=', classId).executeTakeFirst();
  return row ? { classId: row.id, branchId: row.branch_id, name: row.name } : null;
}

/** What a live answer may look up about the asker's class (once, and only when asked for). */
export function answerContext(db: Executor, lang: Language, klass: AskerClass | null, today: string): AnswerContext {
  let cached: Promise<{ name: string; liaisons: ClassMember[] } | null> | null = null;
  return {
    lang,
    t: translator(lang),
    klass: () =>
      (cached ??= (async () => {
        if (!klass) return null;
        const members = (await classMembers(db, [klass.classId])).get(klass.classId) ?? [];
        return { name: klass.name, liaisons: members.filter((m) => m.role === 'liaison') };
      })()),
    classCounts: async () => (klass ? { name: klass.name, counts: (await pipelineCounts(db, [klass.classId], today)).get(klass.classId)! } : null),
  };
}

export const notHelpfulButton = (lang: Language, questionId: number): Buttons => [
  [{ text: translate(lang, 'faq.button.notHelpful'), callback_data: callbackData.notHelpful(questionId) }],
];

/**
 * A direct reply to what the person just did (a question, a button), through the rate-aware reply
 * path (short 429s waited out, long ones queued, a full group answered privately). Messages to
 * anyone else go through the inbox and the outbox.
 */
export const replyTo = (ctx: BotContext, chatId: number, html: string, opts: { replyTo?: number | undefined; buttons?: Buttons } = {}) =>
  sendHtml(ctx, chatId, html, { ...(opts.replyTo ? { replyTo: opts.replyTo } : {}), ...(opts.buttons ? { keyboard: opts.buttons } : {}) });

export async function languageOf(db: Executor, personId: number): Promise<Language> {
  return (await db.selectFrom('people').select('language').where('id', '=', personId).executeTakeFirst())?.language ?? 'zh';
}

/** answerCbQuery takes plain text. */
export const plain = (html: string) =>
  cutText(
    html
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&'),
    200,
    '',
  );
