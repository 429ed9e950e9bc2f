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
