import type { Db } from '../../db/schema.js';
import { mention } from '../../i18n/html.js';
import { t as translate } from '../../i18n/i18n.js';
import { answer as answerItem, claim, mayHandle, route, type RoleLike, type RouteOutcome } from '../../inbox/service.js';
import { itemOf } from '../../inbox/queries.js';
import { displayName } from '../../people/queries.js';
import { classById, languageOf } from './context.js';
import { questionById, setQuestionStatus, type QuestionInChat } from './queries.js';
import { callbackData } from './schemas.js';
import { FAQ_ITEM } from './tables.js';
import { MAX_ANSWER_LENGTH } from './service.js';

// The FAQ as a client of the liaison inbox: a question the bot could not answer (or whose answer
// did not help) becomes an inbox item of kind FAQ_ITEM, whose client row is the question.

/** At most this many questions of one person are passed to the liaisons per window. */
export const ROUTE_LIMIT_PER_WINDOW = 5;
export const ROUTE_WINDOW_MS = 60 * 60 * 1000;

export type PassOnOutcome = Exclude<RouteOutcome, { kind: 'no_key' }>;

/** Hands the question to the class's liaisons through the inbox (named asker, hourly limit). */
export async function passOn(db: Db, q: QuestionInChat, now: Date): Promise<PassOnOutcome> {
  return db.transaction().execute(async (trx) => {
    const asker = await trx.selectFrom('people').select(['telegram_user_id', 'first_name', 'last_name']).where('id', '=', q.asker_id).executeTakeFirstOrThrow();
    const klass = await classById(trx, q.class_id);
    const outcome = await route(trx, {
      kind: FAQ_ITEM,
      clientRef: q.id,
      classId: q.class_id,
      branchId: q.branch_id,
      asker: { anonymous: false, personId: q.asker_id },
      handoff: (lang) => ({
        html: translate(lang, 'faq.liaison.question', {
          class: klass?.name ?? translate(lang, 'faq.liaison.unknownClass'),
          asker: mention(asker.telegram_user_id, displayName(asker.first_name, asker.last_name)),
          question: q.question,
        }),
        buttons: [[{ text: translate(lang, 'faq.liaison.button.answer'), callback_data: callbackData.answer(q.id) }]],
      }),
      limit: { max: ROUTE_LIMIT_PER_WINDOW, windowMs: ROUTE_WINDOW_MS },
      key: null,
      now,
    });
    if (outcome.kind === 'no_key') throw new Error('a named asker needs no key');
    const routed = outcome.kind === 'routed' || (outcome.kind === 'exists' && outcome.routing === 'routed');
    await setQuestionStatus(trx, q.id, routed ? 'routed' : 'recorded', now);
    return outcome;
  });
}

type Caller = { personId: number; roles: RoleLike[] };

export type ClaimResult = { kind: 'claimed'; question: QuestionInChat } | { kind: 'invalid' } | { kind: 'not_allowed' } | { kind: 'answered_before' };

/** A liaison pressed "answer": the item is theirs to answer (unless someone answered first). */
export async function claimQuestion(db: Db, questionId: number, by: Caller, now: Date): Promise<ClaimResult> {
  return db.transaction().execute(async (trx) => {
    const q = await questionById(trx, questionId);
    if (!q) return { kind: 'invalid' };
    if (!mayHandle(by.roles, q)) return { kind: 'not_allowed' };
    const item = await itemOf(trx, FAQ_ITEM, q.id);
    if (!item) return { kind: 'invalid' };
    const claimed = await claim(trx, item.id, by, now);
    if (claimed.kind === 'claimed') return { kind: 'claimed', question: q };
    if (claimed.kind === 'answered' || claimed.kind === 'closed') return { kind: 'answered_before' };
    return { kind: claimed.kind === 'not_allowed' ? 'not_allowed' : 'invalid' };
  });
}

export type AnswerResult =
  | { kind: 'answered'; questionId: number; delivered: boolean; itemId: number }
  | { kind: 'invalid' }
  | { kind: 'answered_before' }
  | { kind: 'too_long'; max: number };

/**
 * The liaison's answer: stored on the question (it can become an entry) and in the inbox thread,
 * and queued through the outbox as a reply to the question, in the chat it was asked in.
 */
export async function answerQuestion(db: Db, input: { questionId: number; by: Caller & { name: string }; text: string; now: Date }): Promise<AnswerResult> {
  const body = input.text.trim();
  return db.transaction().execute(async (trx) => {
    const q = await questionById(trx, input.questionId);
    const item = q ? await itemOf(trx, FAQ_ITEM, q.id) : undefined;
    if (!q || !item || !mayHandle(input.by.roles, q)) return { kind: 'invalid' };
    if (item.state === 'answered' || item.state === 'closed') return { kind: 'answered_before' };
    if ([...body].length > MAX_ANSWER_LENGTH) return { kind: 'too_long', max: MAX_ANSWER_LENGTH };
    const askerLang = await languageOf(trx, q.asker_id);
    const html = translate(askerLang, 'faq.reply.toAsker', { question: q.question, name: input.by.name, answer: body });
    const answered = await answerItem(trx, {
      itemId: item.id,
      by: input.by,
      body,
      to: { kind: 'chat', chatRowId: q.chat_id, replyTo: q.message_id, html },
      once: true,
      key: null,
      now: input.now,
    });
    if (answered.kind !== 'answered') return { kind: answered.kind === 'answered_before' || answered.kind === 'closed' ? 'answered_before' : 'invalid' };
    await setQuestionStatus(trx, q.id, 'resolved', input.now, { answer: body, answeredBy: input.by.personId });
    return { kind: 'answered', questionId: q.id, delivered: answered.delivery === 'sent', itemId: item.id };
  });
}
