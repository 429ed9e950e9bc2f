import type { BotInfo, ChatMemberStatus } from './types.js';

export type Json = Record<string, unknown>;

export interface StoredMessage {
  /** The Message object as the fake returns it. */
  message: Json;
  /** Sent by the bot (only those can be edited). */
  fromBot: boolean;
  /** parse_mode/entities signature, for "message is not modified" detection. */
  format?: string;
}

/** The user Telegram shows as sender of anonymous-admin / service messages in supergroups. */
export const GROUP_ANONYMOUS_BOT = {
  id: 1087968824,
  is_bot: true,
  first_name: 'Group',
  username: 'GroupAnonymousBot',
} as const;

const CHAT_SUMMARY_KEYS = ['id', 'type', 'title', 'username', 'first_name', 'last_name', 'is_forum'];

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

export function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** JSON.stringify with sorted object keys, for structural comparisons. */
export function stableStringify(v: unknown): string {
  return JSON.stringify(v, (_k, value: unknown) =>
    isRecord(value)
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((k) => [k, value[k]]),
        )
      : value,
  );
}

/** Everything the fake remembers about chats, users and messages. */
export class FakeState {
  readonly botUser: Json;
  private readonly chats = new Map<number, Json>();
  private readonly users = new Map<number, Json>();
  private readonly members = new Map<number, Map<number, ChatMemberStatus>>();
  /** getChatMemberCount answers, when a test sets them. */
  readonly memberCounts = new Map<number, number>();
  private readonly messages = new Map<string, StoredMessage>();
  private readonly lastMessageId = new Map<number, number>();
  /** old group id -> new supergroup id */
  readonly migrations = new Map<number, number>();
  readonly callbackQueryIds = new Set<string>();
  /** scope+language key -> commands */
  readonly commands = new Map<string, Json[]>();
  /** chat id (or "default") -> menu button */
  readonly menuButtons = new Map<string, unknown>();
  /** chat id -> pinned message id */
  readonly pinned = new Map<number, number>();
  private fileCounter = 0;

  constructor(readonly bot: BotInfo) {
    this.botUser = { id: bot.id, is_bot: true, first_name: bot.first_name, username: bot.username };
  }

  // ---- chats & users -------------------------------------------------------

  rememberChat(chat: unknown): void {
    if (!isRecord(chat) || typeof chat.id !== 'number') return;
    this.chats.set(chat.id, { ...(this.chats.get(chat.id) ?? {}), ...chat });
  }

  rememberUser(user: unknown): void {
    if (!isRecord(user) || typeof user.id !== 'number' || user.is_bot === true) return;
    this.users.set(user.id, { ...(this.users.get(user.id) ?? {}), ...user, is_bot: false });
  }

  knowsChat(id: number): boolean {
    return this.chats.has(id) || (id > 0 && this.users.has(id));
  }

  findChatByUsername(username: string): number | undefined {
    const wanted = username.replace(/^@/, '').toLowerCase();
    for (const [id, chat] of this.chats) {
      if (typeof chat.username === 'string' && chat.username.toLowerCase() === wanted) return id;
    }
    return undefined;
  }

  chatType(id: number): string {
    const known = this.chats.get(id);
    if (known && typeof known.type === 'string') return known.type;
    if (id > 0) return 'private';
    return String(id).startsWith('-100') ? 'supergroup' : 'group';
  }

  /** Full stored chat (for getChat); infers and registers one if unknown. */
  fullChat(id: number): Json {
    const known = this.chats.get(id);
    if (known && typeof known.type === 'string') return known;
    const type = this.chatType(id);
    let chat: Json;
    if (type === 'private') {
      const u = this.users.get(id);
      chat = { id, type, first_name: u?.first_name ?? `User ${id}` };
      if (u?.last_name !== undefined) chat.last_name = u.last_name;
      if (u?.username !== undefined) chat.username = u.username;
    } else {
      chat = { id, type, title: `Chat ${id}`, ...(known ?? {}) };
    }
    this.chats.set(id, chat);
    return chat;
  }

  /** Chat as embedded in a Message. */
  chat(id: number): Json {
    const full = this.fullChat(id);
    return Object.fromEntries(CHAT_SUMMARY_KEYS.filter((k) => full[k] !== undefined).map((k) => [k, full[k]]));
  }

  userObject(id: number): Json {
    if (id === this.bot.id) return { ...this.botUser };
    return { ...(this.users.get(id) ?? { id, is_bot: false, first_name: `User ${id}` }) };
  }

  // ---- membership ----------------------------------------------------------

  memberStatus(chatId: number, userId: number): ChatMemberStatus {
    return this.members.get(chatId)?.get(userId) ?? 'member';
  }

  hasMemberStatus(chatId: number, userId: number): boolean {
    return this.members.get(chatId)?.has(userId) ?? false;
  }

  setMemberStatus(chatId: number, userId: number, status: ChatMemberStatus): void {
    let m = this.members.get(chatId);
    if (!m) this.members.set(chatId, (m = new Map()));
    m.set(userId, status);
  }

  membersOf(chatId: number): Array<[number, ChatMemberStatus]> {
    return [...(this.members.get(chatId) ?? new Map<number, ChatMemberStatus>())];
  }

  // ---- messages ------------------------------------------------------------

  allocMessageId(chatId: number): number {
    const id = (this.lastMessageId.get(chatId) ?? 0) + 1;
    this.lastMessageId.set(chatId, id);
    return id;
  }

  noteMessageId(chatId: number, messageId: number): void {
    if (messageId > (this.lastMessageId.get(chatId) ?? 0)) this.lastMessageId.set(chatId, messageId);
  }

  storeMessage(message: Json, fromBot: boolean, format?: string): void {
    const chat = message.chat;
    if (!isRecord(chat) || typeof chat.id !== 'number' || typeof message.message_id !== 'number') return;
    this.noteMessageId(chat.id, message.message_id);
    this.messages.set(`${chat.id}:${message.message_id}`, {
      message,
      fromBot,
      ...(format !== undefined ? { format } : {}),
    });
  }

  getMessage(chatId: number, messageId: number): StoredMessage | undefined {
    return this.messages.get(`${chatId}:${messageId}`);
  }

  deleteMessage(chatId: number, messageId: number): boolean {
    return this.messages.delete(`${chatId}:${messageId}`);
  }

  /** Files whose bytes the fake holds (uploaded by the bot, or sent by a user in a test), by file_id: getFile and /file/ serve them. */
  readonly files = new Map<string, { content: Buffer; path: string }>();

  /** Keeps a file's bytes under a new file id; returns the ids. */
  storeFile(kind: string, content: Buffer, filename: string): { file_id: string; file_unique_id: string; file_size: number } {
    const ids = this.nextFileId(kind);
    this.files.set(ids.file_id, { content, path: `${kind}s/${ids.file_unique_id}_${filename.replace(/[^\w.-]/g, '_')}` });
    return { ...ids, file_size: content.length };
  }

  nextFileId(kind: string): { file_id: string; file_unique_id: string } {
    this.fileCounter += 1;
    const n = this.fileCounter.toString(36).padStart(6, '0');
    return { file_id: `FAKE_${kind.toUpperCase()}_${n}`, file_unique_id: `AQAD${n}` };
  }
}
