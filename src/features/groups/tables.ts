import type { Generated, Selectable } from 'kysely';

export interface ChatsTable {
  id: Generated<number>;
  telegram_chat_id: number;
  type: string;
  title: Generated<string>;
  class_id: number | null;
  active: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export type ChatRow = Selectable<ChatsTable>;
