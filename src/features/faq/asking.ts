import type { Db } from '../../db/schema.js';
import type { Logger } from '../../logging/logger.js';
import { cutText } from '../../shared/text.js';
import type { TelegramChatLike } from '../groups/queries.js';
import type { Person } from '../../people/tables.js';
import type { AskerClass } from './context.js';
import type { MatchResult } from './matcher.js';
import { passOn } from './passing-on.js';
import { claimAutoAnswer, insertQuestion, questionById, viewBranch } from './queries.js';
import type { FaqEntry } from './schemas.js';
import { AUTO_ANSWER_INTERVAL_MS, MAX_QUESTION_LENGTH, type FaqKnowledgeBase } from './service.js';
import type { QuestionStatus } from './tables.js';
import { domainStrength } from './text.js';

/** private: any text in private; explicit: /ask, a reply to the bot or an @mention; auto: any group message. */
export type AskMode = 'private' | 'explicit' | 'auto';

/** Short off-topic lines in private ("谢谢", "在吗") get a greeting, not a trip to the liaisons. */
const SMALLTALK_MAX_LENGTH = 8;

export interface AskInput {
  text: string;
  mode: AskMode;
  chat: TelegramChatLike;
  /** The chat's row id (added if the bot has not recorded the chat yet), asked for only when needed. */
  chatRowId: () => Promise<number>;
  messageId: number;
  /** The asker (created on first need: an auto-mode miss stores nothing). */
  person: () => Promise<Person>;
  /** The asker's class, which names the branch whose knowledge base answers (in a group, the group's class). */
  classOf: () => Promise<AskerClass | null>;
  now: Date;
}

export type AskOutcome =
  /** Nothing to say: unsure or rate-limited unasked, or off-topic in a group. */
  | { kind: 'quiet' }
  | { kind: 'smalltalk' }
  | { kind: 'answer'; questionId: number; entry: FaqEntry; klass: AskerClass | null }
  | { kind: 'suggest'; questionId: number; entries: FaqEntry[] }
  /** Passed to the liaisons (routed) or only recorded for the branch; `party`: a Party question no entry answers, not an off-topic one. */
  | { kind: 'passed_on'; routed: boolean; party: boolean }
  /** Off-topic in private from someone whose class (so branch) is unknown: nobody could read it, so nothing is stored. */
  | { kind: 'no_class' };

/** A question from a person: answer, offer suggestions, or pass it on — by the match and where it was asked. */
export async function askQuestion(deps: { db: Db; logger: Logger; kb: FaqKnowledgeBase }, input: AskInput): Promise<AskOutcome> {
  const { db, logger, kb } = deps;
  const text = cutText(input.text.trim(), MAX_QUESTION_LENGTH, '');
  const klass = await input.classOf();
  const { result, snapshot } = await kb.match(text, await viewBranch(db, klass?.branchId ?? null));
  logger.info(
    { event: 'faq_match', chatId: input.chat.id, mode: input.mode, outcome: result.outcome, slug: result.slug, score: result.score },
    'question matched',
  );
  let chatRow: Promise<number> | undefined;
  const chatRowId = () => (chatRow ??= input.chatRowId());

  if (input.mode === 'auto') {
    if (result.outcome !== 'answer') return { kind: 'quiet' };
    if (!(await claimAutoAnswer(db, await chatRowId(), input.now, AUTO_ANSWER_INTERVAL_MS))) {
      logger.debug({ event: 'faq_auto_rate_limited', chatId: input.chat.id }, 'auto-answer skipped');
      return { kind: 'quiet' };
    }
  }
  const person = await input.person();
  const store = async (status: QuestionStatus, r: MatchResult) =>
    insertQuestion(
      db,
      {
        askerId: person.id,
        chatId: await chatRowId(),
        messageId: input.messageId,
        classId: klass?.classId ?? null,
        branchId: klass?.branchId ?? null,
        question: text,
        matchedSlug: r.slug,
        score: r.score,
        status,
      },
      input.now,
    );

  if (result.outcome === 'answer') {
    return { kind: 'answer', questionId: await store('answered', result), entry: snapshot.entries.get(result.slug!)!, klass };
  }
  if (result.outcome === 'suggest') {
    const entries = result.candidates.map((c) => snapshot.entries.get(c.slug)).filter((e): e is FaqEntry => e !== undefined);
    return { kind: 'suggest', questionId: await store('suggested', result), entries };
  }
  // no answer: in private, smalltalk gets a greeting and the rest goes to the liaisons; in a group,
  // only a question that looks like a Party question reaches them (the asker is told when they asked the bot)
  const domain = domainStrength(text);
  if (input.mode === 'private' && domain === 0 && [...text].length <= SMALLTALK_MAX_LENGTH) return { kind: 'smalltalk' };
  if (input.mode !== 'private' && domain === 0) return { kind: 'quiet' };
  if (!klass) return input.mode === 'private' ? { kind: 'no_class' } : { kind: 'quiet' };
  const id = await store('recorded', result);
  const passed = await passOnLogged(deps, id, input.now);
  return input.mode === 'auto' ? { kind: 'quiet' } : { kind: 'passed_on', routed: passed === 'routed', party: domain > 0 };
}

/**
 * passOn with the log lines the branch's operator reads (ids and counts only, never the text). A
 * question of no branch goes nowhere: no branch's secretary or liaison may see it.
 */
export async function passOnLogged(deps: { db: Db; logger: Logger }, questionId: number, now: Date): Promise<'routed' | 'recorded' | 'no_class'> {
  const q = (await questionById(deps.db, questionId))!;
  if (q.branch_id === null) return 'no_class';
  const outcome = await passOn(deps.db, q, now);
  if (outcome.kind === 'recorded' && outcome.reason === 'over_limit') {
    deps.logger.info({ event: 'faq_route_limited', questionId }, 'asker over the hourly limit; question recorded only');
  }
  const routed = outcome.kind === 'routed' || (outcome.kind === 'exists' && outcome.routing === 'routed');
  deps.logger.info(
    { event: 'faq_routed', questionId, classId: q.class_id, itemId: outcome.itemId, liaisons: outcome.kind === 'routed' ? outcome.liaisons : 0, routed },
    'question passed on',
  );
  return routed ? 'routed' : 'recorded';
}
