import { chatMemberObject } from './methods.js';
import { type FakeState, GROUP_ANONYMOUS_BOT, type Json, isRecord, nowSeconds } from './state.js';
import type { ChatMemberStatus, FakeChat, FakeUser } from './types.js';

/** The update's type, i.e. its one key besides update_id ("message", "callback_query", ...). */
export function updateType(update: Json): string {
  return Object.keys(update).find((k) => k !== 'update_id') ?? 'unknown';
}

/** Pending updates, ordered by update_id. Updates stay here until confirmed (getUpdates offset) or delivered (webhook). */
export class UpdateQueue {
  private pending: Json[] = [];
  private lastId = 0;

  /** Assigns (or accepts) an update_id and enqueues. */
  push(update: Json): number {
    const requested = typeof update.update_id === 'number' ? update.update_id : undefined;
    const id = requested ?? this.lastId + 1;
    this.lastId = Math.max(this.lastId, id);
    const full = { ...update, update_id: id };
    const at = this.pending.findIndex((u) => (u.update_id as number) > id);
    if (at < 0) this.pending.push(full);
    else this.pending.splice(at, 0, full);
    return id;
  }

  /** getUpdates offset semantics: positive confirms ids < offset; negative keeps only the last -offset updates. */
  confirm(offset: number): void {
    if (offset > 0) this.pending = this.pending.filter((u) => (u.update_id as number) >= offset);
    else if (offset < 0) this.pending = this.pending.slice(offset);
  }

  select(limit: number, allowed?: ReadonlySet<string>): Json[] {
    const out: Json[] = [];
    for (const u of this.pending) {
      if (out.length >= limit) break;
      if (!allowed || allowed.has(updateType(u))) out.push(structuredClone(u));
    }
    return out;
  }

  first(): Json | undefined {
    return this.pending[0];
  }

  remove(update: Json): void {
    this.pending = this.pending.filter((u) => u !== update);
  }

  clear(): void {
    this.pending = [];
  }

  get size(): number {
    return this.pending.length;
  }
}

// ---- learning from pushed updates -----------------------------------------

function learnMessage(state: FakeState, m: unknown, edited: boolean): void {
  if (!isRecord(m) || !isRecord(m.chat) || typeof m.chat.id !== 'number') return;
  const chatId = m.chat.id;
  state.rememberChat(m.chat);
  state.rememberUser(m.from);
  if (isRecord(m.sender_chat)) state.rememberChat(m.sender_chat);
  if (typeof m.message_id === 'number') {
    const existing = state.getMessage(chatId, m.message_id);
    const fromBot = isRecord(m.from) && m.from.id === state.bot.id;
    if (edited && existing) Object.assign(existing.message, structuredClone(m));
    else state.storeMessage(structuredClone(m), fromBot);
  }
  if (typeof m.migrate_to_chat_id === 'number') {
    const to = m.migrate_to_chat_id;
    state.migrations.set(chatId, to);
    state.rememberChat({ id: to, type: 'supergroup', ...(typeof m.chat.title === 'string' ? { title: m.chat.title } : {}) });
    if (state.hasMemberStatus(chatId, state.bot.id) && !state.hasMemberStatus(to, state.bot.id)) {
      state.setMemberStatus(to, state.bot.id, state.memberStatus(chatId, state.bot.id));
    }
  }
  if (Array.isArray(m.new_chat_members)) {
    for (const u of m.new_chat_members) {
      if (!isRecord(u) || typeof u.id !== 'number') continue;
      state.rememberUser(u);
      const current = state.memberStatus(chatId, u.id);
      if (!state.hasMemberStatus(chatId, u.id) || current === 'left' || current === 'kicked') {
        state.setMemberStatus(chatId, u.id, 'member');
      }
    }
  }
  if (isRecord(m.left_chat_member) && typeof m.left_chat_member.id === 'number') {
    state.setMemberStatus(chatId, m.left_chat_member.id, 'left');
  }
}

function learnMemberUpdate(state: FakeState, cm: unknown): void {
  if (!isRecord(cm) || !isRecord(cm.chat)) return;
  state.rememberChat(cm.chat);
  state.rememberUser(cm.from);
  const member = cm.new_chat_member;
  if (typeof cm.chat.id === 'number' && isRecord(member) && isRecord(member.user) && typeof member.user.id === 'number') {
    state.rememberUser(member.user);
    if (typeof member.status === 'string') {
      state.setMemberStatus(cm.chat.id, member.user.id, member.status as ChatMemberStatus);
    }
  }
}

/** Keeps the fake's state consistent with an injected update (chats, users, message ids, callback ids, membership). */
export function learnFromUpdate(state: FakeState, update: Json): void {
  learnMessage(state, update.message, false);
  learnMessage(state, update.channel_post, false);
  learnMessage(state, update.edited_message, true);
  learnMessage(state, update.edited_channel_post, true);
  const cq = update.callback_query;
  if (isRecord(cq)) {
    state.rememberUser(cq.from);
    if (typeof cq.id === 'string') state.callbackQueryIds.add(cq.id);
    if (isRecord(cq.message) && isRecord(cq.message.chat)) state.rememberChat(cq.message.chat);
  }
  learnMemberUpdate(state, update.my_chat_member);
  learnMemberUpdate(state, update.chat_member);
  for (const key of ['inline_query', 'chosen_inline_result', 'poll_answer', 'chat_join_request']) {
    const v = update[key];
    if (isRecord(v)) state.rememberUser(v.from ?? v.user);
  }
}

// ---- builders --------------------------------------------------------------

export function userJson(u: FakeUser): Json {
  const out: Json = { id: u.id, is_bot: false, first_name: u.first_name };
  if (u.last_name !== undefined) out.last_name = u.last_name;
  if (u.username !== undefined) out.username = u.username;
  if (u.language_code !== undefined) out.language_code = u.language_code;
  return out;
}

function groupChatJson(chat: FakeChat): Json {
  return { id: chat.id, type: chat.type, title: chat.title };
}

function privateChatJson(u: FakeUser): Json {
  const out: Json = { id: u.id, type: 'private', first_name: u.first_name };
  if (u.last_name !== undefined) out.last_name = u.last_name;
  if (u.username !== undefined) out.username = u.username;
  return out;
}

/** A bot_command entity when the text starts with "/", spanning up to the first whitespace. */
export function commandEntities(text: string): Json {
  if (!text.startsWith('/')) return {};
  const ws = /\s/.exec(text);
  return { entities: [{ offset: 0, length: ws ? ws.index : text.length, type: 'bot_command' }] };
}

let callbackCounter = 0;

/** Builds (but does not push) updates; message ids come from the same per-chat counter as bot messages. */
export class UpdateBuilders {
  constructor(private readonly state: FakeState) {}

  privateText(from: FakeUser, text: string): Json {
    return {
      message: {
        message_id: this.state.allocMessageId(from.id),
        from: userJson(from),
        chat: privateChatJson(from),
        date: nowSeconds(),
        text,
        ...commandEntities(text),
      },
    };
  }

  groupText(chat: FakeChat, from: FakeUser, text: string, extra: { reply_to_message?: object; sender_chat?: object } = {}): Json {
    return {
      message: {
        message_id: this.state.allocMessageId(chat.id),
        from: userJson(from),
        ...(extra.sender_chat !== undefined ? { sender_chat: extra.sender_chat } : {}),
        chat: groupChatJson(chat),
        date: nowSeconds(),
        ...(extra.reply_to_message !== undefined ? { reply_to_message: extra.reply_to_message } : {}),
        text,
        ...commandEntities(text),
      },
    };
  }

  callbackQuery(from: FakeUser, message: { chat: FakeChat | { id: number; type: 'private' }; message_id: number }, data: string): Json {
    const chatId = message.chat.id;
    const chat = 'title' in message.chat ? groupChatJson(message.chat) : this.state.chat(chatId);
    const stored = this.state.getMessage(chatId, message.message_id);
    const msg: Json = stored ? structuredClone(stored.message) : { message_id: message.message_id, from: { ...this.state.botUser }, chat, date: nowSeconds() };
    callbackCounter += 1;
    return {
      callback_query: {
        id: `${4_000_000_000_000_000 + callbackCounter}`,
        from: userJson(from),
        message: msg,
        chat_instance: `${-7_000_000_000_000_000 - Math.abs(chatId)}`,
        data,
      },
    };
  }

  private myChatMember(chat: FakeChat, by: FakeUser, oldStatus: ChatMemberStatus, newStatus: ChatMemberStatus): Json {
    const botUser = { ...this.state.botUser };
    return {
      my_chat_member: {
        chat: groupChatJson(chat),
        from: userJson(by),
        date: nowSeconds(),
        old_chat_member: chatMemberObject(botUser, oldStatus),
        new_chat_member: chatMemberObject(botUser, newStatus),
      },
    };
  }

  botAdded(chat: FakeChat, by: FakeUser, status: 'member' | 'administrator' = 'member'): Json {
    return this.myChatMember(chat, by, 'left', status);
  }

  botRemoved(chat: FakeChat, by: FakeUser, status: 'left' | 'kicked' = 'left'): Json {
    const current = this.state.memberStatus(chat.id, this.state.bot.id);
    const old: ChatMemberStatus = current === 'left' || current === 'kicked' ? 'member' : current;
    return this.myChatMember(chat, by, old, status);
  }

  /** The service message in the old group (its push registers the migration). */
  migrateTo(oldChat: FakeChat, newChatId: number, by: FakeUser): Json {
    return {
      message: {
        message_id: this.state.allocMessageId(oldChat.id),
        from: userJson(by),
        chat: groupChatJson(oldChat),
        date: nowSeconds(),
        migrate_to_chat_id: newChatId,
      },
    };
  }

  /** The service message in the new supergroup; like Telegram, sent "by" GroupAnonymousBot on behalf of the chat. */
  migrateFrom(oldChat: FakeChat, newChatId: number): Json {
    const chat = { id: newChatId, type: 'supergroup', title: oldChat.title };
    return {
      message: {
        message_id: this.state.allocMessageId(newChatId),
        from: { ...GROUP_ANONYMOUS_BOT },
        sender_chat: chat,
        chat,
        date: nowSeconds(),
        migrate_from_chat_id: oldChat.id,
      },
    };
  }
}
