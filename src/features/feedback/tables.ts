import type { Generated, Selectable } from 'kysely';

export const categories = ['study', 'life', 'college', 'party', 'other'] as const;
export type Category = (typeof categories)[number];

export type ItemStatus = 'open' | 'handled' | 'escalated';

/** Feedback written and waiting for its class's next batch: a random id, no time, nothing naming the writer. */
export interface FeedbackQueueTable {
  id: string;
  class_id: number;
  branch_id: number;
  category: Category;
  /** User text: stored for the liaisons; never logged. */
  body: string;
  photo_file_id: string | null;
  allow_reply: boolean;
  /** Collected by a liaison on a dormitory visit (migration 310), not a classmate's own message. */
  passed_on: Generated<boolean>;
}

/** The writer's way back while the item waits (AES-256-GCM, bound to the queue row); moved into the inbox at delivery. */
export interface FeedbackQueueRoutesTable {
  queue_id: string;
  sealed: string;
}

/** Delivered feedback: the inbox item of kind 'feedback' points here; ids follow the shuffled delivery order. */
export interface FeedbackItemsTable {
  id: Generated<number>;
  class_id: number | null;
  branch_id: number | null;
  category: Category;
  body: string;
  photo_file_id: string | null;
  allow_reply: boolean;
  muted: Generated<boolean>;
  /** Collected by a liaison on a dormitory visit (migration 310), not a classmate's own message. */
  passed_on: Generated<boolean>;
  status: ItemStatus;
  /** The liaison's note when marking handled or passing on to the secretary. */
  note: string | null;
  handled_by: number | null;
  /** When its batch was delivered: the only time stored. */
  batch_at: Date;
  handled_at: Date | null;
}

/** Today's salt of the abuse-limit hashes; replaced (and the counts emptied) at each daily rotation. */
export interface FeedbackLimitKeysTable {
  day: string;
  salt: string;
}

export interface FeedbackLimitsTable {
  hash: string;
  count: number;
}

/** A reported group message (one row per message); the reporters are never stored. */
export interface ReportsTable {
  id: Generated<number>;
  class_id: number | null;
  branch_id: number | null;
  /** `chats.id` of the group. */
  chat_id: number;
  message_id: number;
  link: string | null;
  /** The reported message's text (or a note of its kind), for the branch's record. */
  excerpt: string;
  author_name: string | null;
  /** Reasons given, one a line. */
  reasons: Generated<string>;
  /** How many times it was reported. */
  times: Generated<number>;
  status: ItemStatus;
  note: string | null;
  handled_by: number | null;
  created_at: Date;
  handled_at: Date | null;
}

export interface ReportHintsTable {
  person_id: number;
}

export type FeedbackItem = Selectable<FeedbackItemsTable>;
export type Report = Selectable<ReportsTable>;

/** The inbox kinds of this feature. */
export const FEEDBACK_ITEM = 'feedback';
export const REPORT_ITEM = 'report';
