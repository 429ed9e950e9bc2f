import type { ColumnType, Generated, Selectable } from 'kysely';
import type { FaqBasis } from './schemas.js';

type JsonList = ColumnType<string[], string, string>;

export interface FaqEntriesTable {
  id: Generated<number>;
  slug: string;
  category: string;
  title: string;
  answer: string;
  answer_en: string | null;
  questions: JsonList;
  keywords: JsonList;
  live: Generated<boolean>;
  updated_by: number | null;
  created_at: Date;
  updated_at: Date;
}

export interface FaqMetaTable {
  id: number;
  version: number;
  /** Which texts the knowledge base follows and when it was reviewed (FaqBasis as JSON); null when never imported with one. */
  basis: ColumnType<FaqBasis | null, string | null, string | null>;
}

/** published: the branch's own entry or its version of a base entry; hidden: a base entry it removed; pending: a liaison's proposal. */
export const branchEntryStates = ['published', 'hidden', 'pending'] as const;
export type BranchEntryState = (typeof branchEntryStates)[number];

/** A branch's entries, on top of the shared base set (faq_entries): only that branch sees or edits them. */
export interface FaqBranchEntriesTable {
  id: Generated<number>;
  branch_id: number;
  slug: string;
  state: BranchEntryState;
  category: string;
  title: string;
  answer: string;
  answer_en: string | null;
  questions: JsonList;
  keywords: JsonList;
  live: Generated<boolean>;
  /** The liaison who proposed a pending entry. */
  proposed_by: number | null;
  updated_by: number | null;
  created_at: Date;
  updated_at: Date;
}

/** A branch's version number: changed with its entries or examples, so every process rebuilds that branch's index. */
export interface FaqBranchMetaTable {
  branch_id: number;
  version: number;
}

export const exampleSources = ['suggestion', 'not_helpful', 'liaison'] as const;
export type ExampleSource = (typeof exampleSources)[number];
export type ExampleState = 'pending' | 'approved' | 'rejected';

/**
 * A classmate's question proposed as one more way of asking an entry of the branch. The question
 * text only: no asker, no question id (the press that proposed it is not recorded).
 */
export interface FaqExamplesTable {
  id: Generated<number>;
  branch_id: number;
  question: string;
  /** The entry it is proposed for; null when nobody knows yet ("that didn't help"). */
  slug: string | null;
  /** The entry that did not help (not offered for it again). */
  not_slug: string | null;
  source: ExampleSource;
  state: ExampleState;
  /** The liaison who proposed it (source liaison); never the asker. */
  proposed_by: number | null;
  decided_by: number | null;
  created_at: Date;
  decided_at: Date | null;
}

export const questionStatuses = ['answered', 'suggested', 'routed', 'recorded', 'resolved'] as const;
export type QuestionStatus = (typeof questionStatuses)[number];

export interface FaqQuestionsTable {
  id: Generated<number>;
  asker_id: number;
  /** `chats.id` of the chat the question was asked in (it follows a supergroup upgrade). */
  chat_id: number;
  message_id: number;
  class_id: number | null;
  branch_id: number | null;
  /** User text: stored because liaisons and the secretary need it; never logged. */
  question: string;
  matched_slug: string | null;
  score: Generated<number>;
  status: QuestionStatus;
  answer: string | null;
  answered_by: number | null;
  faq_slug: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface ClassMembersSeenTable {
  person_id: number;
  class_id: number;
  last_seen: Date;
}

export interface FaqGroupAutoTable {
  /** `chats.id` */
  chat_id: number;
  last_at: Date;
}

export type FaqQuestionRow = Selectable<FaqQuestionsTable>;

/** The FAQ's kind of liaison-inbox item: a question the bot could not answer; its client row is the question. */
export const FAQ_ITEM = 'faq_question';
