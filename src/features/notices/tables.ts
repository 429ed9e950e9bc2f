import type { ColumnType, Generated, Selectable } from 'kysely';
import type { MessageEntity } from 'telegraf/types';

export type NoticeKind = 'text' | 'photo' | 'document';
export type DeliveryState = 'pending' | 'sent' | 'failed' | 'retracted' | 'cancelled';

export interface NoticesTable {
  id: Generated<number>;
  branch_id: number;
  author_id: number | null;
  kind: NoticeKind;
  /** The text (or caption) exactly as written, with Telegram's entities: formatting kept, nothing parsed. */
  text: string;
  entities: ColumnType<MessageEntity[], MessageEntity[] | string | undefined, MessageEntity[] | string>;
  file_id: string | null;
  pin: Generated<boolean>;
  ask_ack: Generated<boolean>;
  version: Generated<number>;
  send_at: Date;
  nudge_at: Date | null;
  created_at: Date;
  retracted_at: Date | null;
}

export interface DeliveriesTable {
  id: Generated<number>;
  notice_id: number;
  class_id: number;
  chat_id: number | null;
  state: DeliveryState;
  telegram_message_id: number | null;
  failure: string | null;
  sent_at: Date | null;
  ack_count_shown: Generated<number>;
  /** How many times the secretary resent it after it failed (each resend is a new outbox job). */
  resends: Generated<number>;
}

export interface AcknowledgementsTable {
  delivery_id: number;
  person_id: number;
  acknowledged_at: Date;
}

export type Notice = Selectable<NoticesTable>;
export type Delivery = Selectable<DeliveriesTable>;
