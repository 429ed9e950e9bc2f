import type { Generated, Selectable } from 'kysely';

/**
 * The liaison inbox: anything handed to a class's two liaisons. A feature ("client") owns the
 * item's content in its own table (`client_ref` points at that row); the inbox owns who was told,
 * the state, and the thread of replies.
 */
export const itemStates = ['open', 'claimed', 'answered', 'closed'] as const;
export type ItemState = (typeof itemStates)[number];

/** routed: handed to at least one liaison; recorded: nobody could be told (the branch sees it). */
export type Routing = 'routed' | 'recorded';

export interface InboxItemsTable {
  id: Generated<number>;
  /** The client, e.g. 'faq_question' (later 'feedback', 'report'). */
  kind: string;
  /** The client's own row (faq_questions.id, …); unique per kind. */
  client_ref: number;
  class_id: number | null;
  branch_id: number | null;
  /** Anonymous: no asker id is stored; a reply reaches the asker only through a sealed return route. */
  anonymous: boolean;
  /** The asker, for items that are not anonymous (null when anonymous). */
  asker_id: number | null;
  state: ItemState;
  routing: Routing;
  claimed_by: number | null;
  answered_by: number | null;
  created_at: Date;
  updated_at: Date;
}

export type HandoffState = 'pending' | 'delivered' | 'failed';

/** One row per liaison an item was handed to; the outbox reports the outcome back here. */
export interface InboxHandoffsTable {
  item_id: number;
  person_id: number;
  state: HandoffState;
  updated_at: Date;
}

export type MessageDirection = 'to_asker' | 'to_liaisons';

/** The thread: replies of the liaisons to the asker and the asker's replies back. */
export interface InboxMessagesTable {
  id: Generated<number>;
  item_id: number;
  direction: MessageDirection;
  /** The liaison who wrote (to_asker); null for the asker's own messages (never stored for anyone). */
  author_id: number | null;
  /** User text: stored for the thread; never logged. */
  body: string;
  created_at: Date;
}

/**
 * The way back to an anonymous asker who allowed replies: their private chat id, sealed with
 * AES-256-GCM under the configured key. A separate table, so it can be deleted on its own (thread
 * closed, or silent for 30 days) while the item stays.
 */
export interface InboxReturnRoutesTable {
  item_id: number;
  sealed: string;
  updated_at: Date;
}

export type InboxItem = Selectable<InboxItemsTable>;
