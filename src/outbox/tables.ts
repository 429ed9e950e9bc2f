import type { ColumnType, Generated, Selectable } from 'kysely';

export type OutboxState = 'pending' | 'sending' | 'done' | 'failed' | 'cancelled';
type Json = Record<string, unknown>;

export interface OutboxTable {
  id: Generated<number>;
  kind: string;
  chat_id: number | null;
  delivery_id: number | null;
  payload: ColumnType<Json, Json | string | undefined, Json | string>;
  dedupe_key: string;
  state: OutboxState;
  attempts: Generated<number>;
  available_at: Date;
  claimed_at: Date | null;
  last_error: string | null;
  created_at: Date;
  done_at: Date | null;
}

export interface SendBudgetTable {
  id: number;
  tokens: number;
  refilled_at: Date;
  paused_until: Date | null;
}

export type OutboxRow = Selectable<OutboxTable>;
