import { sql } from 'kysely';
import type { Db, Executor } from '../../db/schema.js';
import { chatQuery, type ChatOfUpdate } from '../../chats/of-update.js';
import type { FaqBasis, FaqEntry } from './schemas.js';
import type { Routing } from '../../inbox/tables.js';
import { FAQ_ITEM, type FaqQuestionRow, type QuestionStatus } from './tables.js';

/** A row of faq_entries or faq_branch_entries as an entry. */
export const toEntry = (r: {
  slug: string;
  category: string;
  title: string;
  answer: string;
  answer_en: string | null;
  questions: string[];
  keywords: string[];
  live: boolean;
}): FaqEntry => ({
  slug: r.slug,
  category: r.category,
  title: r.title,
  answer: r.answer,
  answerEn: r.answer_en,
  questions: r.questions,
  keywords: r.keywords,
  live: r.live,
});

export const entryColumns = ['slug', 'category', 'title', 'answer', 'answer_en', 'questions', 'keywords', 'live'] as const;

/** The number the index was built from; null when the table of versions is empty (nothing imported). */
export async function faqVersion(db: Executor): Promise<number | null> {
  const row = await db.selectFrom('faq_meta').select('version').where('id', '=', 1).executeTakeFirst();
  return row ? Number(row.version) : null;
}

/** Call in the transaction that changed faq_entries: every process rebuilds its index on next use. */
export async function bumpFaqVersion(db: Executor): Promise<void> {
  await sql`insert into faq_meta (id, version) values (1, nextval('faq_version_seq'))
            on conflict (id) do update set version = excluded.version`.execute(db);
}

export async function faqBasis(db: Executor): Promise<FaqBasis | null> {
  const row = await db.selectFrom('faq_meta').select('basis').where('id', '=', 1).executeTakeFirst();
  return row?.basis ?? null;
}

/** Call with bumpFaqVersion (which makes the row if it is missing). */
export async function setFaqBasis(db: Executor, basis: FaqBasis): Promise<void> {
  await db
    .updateTable('faq_meta')
    .set({ basis: JSON.stringify(basis) })
    .where('id', '=', 1)
    .execute();
}

export async function allEntries(db: Executor): Promise<FaqEntry[]> {
  const rows = await db.selectFrom('faq_entries').select(entryColumns).orderBy('id').execute();
  return rows.map(toEntry);
}

export async function entryBySlug(db: Executor, slug: string): Promise<FaqEntry | undefined> {
  const row = await db.selectFrom('faq_entries').select(entryColumns).where('slug', '=', slug).executeTakeFirst();
  return row ? toEntry(row) : undefined;
}

/** The stored columns of an entry (shared by insert and update). */
const entryValues = (e: FaqEntry, now: Date, by: number | null) => ({
  category: e.category,
  title: e.title,
  answer: e.answer,
  answer_en: e.answerEn,
  questions: JSON.stringify(e.questions),
  keywords: JSON.stringify(e.keywords),
  live: e.live,
  updated_by: by,
  updated_at: now,
});

export async function insertEntry(db: Executor, e: FaqEntry, now: Date, by: number | null): Promise<void> {
  await db
    .insertInto('faq_entries')
    .values({ slug: e.slug, ...entryValues(e, now, by), created_at: now })
    .execute();
}

export async function updateEntry(db: Executor, e: FaqEntry, now: Date, by: number | null): Promise<boolean> {
  const result = await db
    .updateTable('faq_entries')
    .set(entryValues(e, now, by))
    .where('slug', '=', e.slug)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export interface NewQuestion {
  askerId: number;
  /** `chats.id`, not a Telegram chat id. */
  chatId: number;
  messageId: number;
  classId: number | null;
  branchId: number | null;
  question: string;
  matchedSlug: string | null;
  score: number;
  status: QuestionStatus;
}

export async function insertQuestion(db: Executor, q: NewQuestion, now: Date): Promise<number> {
  const row = await db
    .insertInto('faq_questions')
    .values({
      asker_id: q.askerId,
      chat_id: q.chatId,
      message_id: q.messageId,
      class_id: q.classId,
      branch_id: q.branchId,
      question: q.question,
      matched_slug: q.matchedSlug,
      score: q.score,
      status: q.status,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A question with the Telegram id its chat has now (after any supergroup upgrade). */
export type QuestionInChat = FaqQuestionRow & { telegram_chat_id: number };

export async function questionById(db: Executor, id: number): Promise<QuestionInChat | undefined> {
  return db
    .selectFrom('faq_questions as q')
    .innerJoin('chats as c', 'c.id', 'q.chat_id')
    .selectAll('q')
    .select('c.telegram_chat_id')
    .where('q.id', '=', id)
    .executeTakeFirst();
}

export async function setQuestionStatus(
  db: Executor,
  id: number,
  status: QuestionStatus,
  now: Date,
  extra: { matchedSlug?: string; answer?: string; answeredBy?: number; faqSlug?: string } = {},
): Promise<void> {
  await db
    .updateTable('faq_questions')
    .set({
      status,
      updated_at: now,
      ...(extra.matchedSlug !== undefined ? { matched_slug: extra.matchedSlug } : {}),
      ...(extra.answer !== undefined ? { answer: extra.answer } : {}),
      ...(extra.answeredBy !== undefined ? { answered_by: extra.answeredBy } : {}),
      ...(extra.faqSlug !== undefined ? { faq_slug: extra.faqSlug } : {}),
    })
    .where('id', '=', id)
    .execute();
}

export async function markSeen(db: Executor, personId: number, classId: number, now: Date): Promise<void> {
  await db
    .insertInto('class_members_seen')
    .values({ person_id: personId, class_id: classId, last_seen: now })
    .onConflict((oc) => oc.columns(['person_id', 'class_id']).doUpdateSet({ last_seen: now }))
    .execute();
}

/**
 * The chat's row (chatOfUpdate's read) and markSeen for its class, in one statement: the FAQ looks at
 * every group message addressed to the bot and notes who uses which bound group.
 */
export async function readChatMarkingSeen(db: Db, telegramChatId: number, personId: number, now: Date): Promise<ChatOfUpdate | null> {
  const row = await db
    .with('ch', (qb) => chatQuery(qb, telegramChatId))
    .with('seen', (qb) =>
      qb
        .insertInto('class_members_seen')
        .columns(['person_id', 'class_id', 'last_seen'])
        .expression((eb) =>
          eb
            .selectFrom('ch')
            .select((s) => [s.val(personId).as('person_id'), 'ch.classId', s.val(now).as('last_seen')])
            .where('ch.classId', 'is not', null),
        )
        .onConflict((oc) => oc.columns(['person_id', 'class_id']).doUpdateSet({ last_seen: now })),
    )
    .selectFrom('ch')
    .selectAll('ch')
    .executeTakeFirst();
  return row ?? null;
}

/**
 * The branch whose knowledge base answers an asker: their class's, or — when the bot does not know
 * their class — the only branch, if the database has exactly one (else the base set alone, null).
 */
export async function viewBranch(db: Executor, branchId: number | null): Promise<number | null> {
  if (branchId !== null) return branchId;
  const { rows } = await sql<{ id: number | null }>`select min(id) as id from branches having count(*) = 1`.execute(db);
  return rows[0]?.id ?? null;
}

/** The class a person belongs to as far as the bot can tell: the bound group they used last, else a class role. */
export async function classOfPerson(db: Executor, personId: number): Promise<number | null> {
  const seen = await db.selectFrom('class_members_seen').select('class_id').where('person_id', '=', personId).orderBy('last_seen', 'desc').executeTakeFirst();
  if (seen) return seen.class_id;
  const role = await db
    .selectFrom('role_assignments')
    .select('class_id')
    .where('person_id', '=', personId)
    .where('class_id', 'is not', null)
    .orderBy('id')
    .executeTakeFirst();
  return role?.class_id ?? null;
}

/**
 * One auto-answer per group per interval, shared by every process: the row is written only when the
 * previous auto-answer is older than the cutoff, so two racing updates cannot both win.
 */
export async function claimAutoAnswer(db: Executor, chatRowId: number, now: Date, intervalMs: number): Promise<boolean> {
  const cutoff = new Date(now.getTime() - intervalMs);
  const row = await db
    .insertInto('faq_group_auto')
    .values({ chat_id: chatRowId, last_at: now })
    .onConflict((oc) => oc.column('chat_id').doUpdateSet({ last_at: now }).where('faq_group_auto.last_at', '<=', cutoff))
    .returning('chat_id')
    .executeTakeFirst();
  return row !== undefined;
}

export interface OpenQuestion {
  id: number;
  question: string;
  /** routed: handed to a liaison; recorded: nobody could be told (over the limit, none reachable). */
  routing: Routing;
  createdAt: Date;
  className: string | null;
}

/** Questions of a branch still open in the liaison inbox (a question of no branch is nobody's to see). */
export async function openQuestions(
  db: Executor,
  branchId: number,
  limit: number,
): Promise<{ perClass: Array<{ className: string | null; count: number }>; latest: OpenQuestion[] }> {
  const base = db
    .selectFrom('faq_questions as q')
    .innerJoin('inbox_items as i', (join) => join.onRef('i.client_ref', '=', 'q.id').on('i.kind', '=', FAQ_ITEM))
    .leftJoin('classes as c', 'c.id', 'q.class_id')
    .where('i.state', 'in', ['open', 'claimed'])
    .where('i.branch_id', '=', branchId);
  const perClass = await base
    .select(['c.name as class_name', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('c.name')
    .orderBy('c.name')
    .execute();
  const latest = await base
    .select(['q.id', 'q.question', 'i.routing', 'q.created_at', 'c.name as class_name'])
    .orderBy('q.created_at', 'desc')
    .orderBy('q.id', 'desc')
    .limit(limit)
    .execute();
  return {
    perClass: perClass.map((r) => ({ className: r.class_name, count: Number(r.n) })),
    latest: latest.map((r) => ({ id: r.id, question: r.question, routing: r.routing, createdAt: r.created_at, className: r.class_name })),
  };
}
