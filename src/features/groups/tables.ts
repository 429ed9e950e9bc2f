import type { Generated, Selectable } from 'kysely';

export interface ChatsTable {
  id: Generated<number>;
  telegram_chat_id: number;
  type: string;
  title: Generated<string>;
  class_id: number | null;
  active: Generated<boolean>;
  /** Per-chat pacing of broadcasts (Telegram allows about 20 messages a minute to one group). */
  next_send_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export type ChatRow = Selectable<ChatsTable>;

export interface BindCodesTable {
  id: Generated<number>;
  code_hash: string;
  class_id: number;
  created_by: number | null;
  can_move: boolean;
  created_at: Generated<Date>;
  expires_at: Date;
  used_at: Date | null;
  used_in_chat_id: number | null;
}
