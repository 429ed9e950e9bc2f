import type { Update } from 'telegraf/types';

/** One request seen by the fake, in arrival order. */
export interface RecordedCall {
  /** Canonical method name (Telegram method names are case-insensitive; `sendmessage` is recorded as `sendMessage`). */
  method: string;
  /** Parsed params. JSON bodies are kept as parsed; form values that look like JSON objects/arrays are JSON.parsed. */
  params: Record<string, unknown>;
  /** Date.now() when the request arrived. */
  at: number;
  /**
   * The JSON body returned. `undefined` while a getUpdates long poll is still pending
   * (or if the client aborted it before it was answered).
   */
  response: unknown;
  /** HTTP status of the answer (extra field; undefined while pending). */
  status?: number;
}

export type ChatMemberStatus = 'creator' | 'administrator' | 'member' | 'restricted' | 'left' | 'kicked';

export type Fault =
  | { kind: 'retryAfter'; seconds: number }
  | { kind: 'forbidden'; description?: string }
  | { kind: 'migrated'; newChatId: number }
  | { kind: 'chatNotFound' }
  | { kind: 'serverError'; status?: number }
  | { kind: 'slow'; ms: number }
  /** Handled at once, but the answer is held until `release` settles (the test decides when). */
  | { kind: 'held'; release: Promise<unknown> }
  /** Accepted and never answered: a silently dropped connection (the client must give up by itself). */
  | { kind: 'dropped' }
  | { kind: 'badRequest'; description: string };

export interface FakeUser {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
  is_bot?: false;
}

export interface FakeChat {
  id: number;
  type: 'group' | 'supergroup';
  title: string;
}

export interface FakeBotApiOptions {
  token?: string;
  botUsername?: string;
  botId?: number;
}

export interface WaitOptions {
  timeoutMs?: number;
  since?: number;
}

export interface RateLimits {
  perSecond?: number;
  perChatPerMinute?: number;
}

export interface FaultOptions {
  times?: number;
  chatId?: number;
}

export type UpdateInput = Omit<Update, 'update_id'> & { update_id?: number };

export interface BotInfo {
  id: number;
  username: string;
  first_name: string;
}

export interface FakeBotApi {
  apiRoot: string;
  token: string;
  bot: BotInfo;
  calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  waitForCall(method: string, predicate?: (c: RecordedCall) => boolean, opts?: WaitOptions): Promise<RecordedCall>;
  /** Resolves when a matching request arrives, before it is answered (waitForCall waits for the answer). */
  waitForRequest(method: string, predicate?: (c: RecordedCall) => boolean, opts?: WaitOptions): Promise<RecordedCall>;
  waitForMessage(chatId: number, text?: string | RegExp, opts?: WaitOptions): Promise<RecordedCall>;
  mark(): number;

  pushUpdate(update: UpdateInput): number;
  sendPrivateText(from: FakeUser, text: string): number;
  /** A user sends the bot a file in private; its bytes are served by getFile and the file download. */
  sendPrivateDocument(from: FakeUser, file: { content: Buffer | string; filename: string; mimeType?: string; caption?: string }): number;
  sendGroupText(chat: FakeChat, from: FakeUser, text: string, extra?: { reply_to_message?: object; sender_chat?: object }): number;
  pressButton(from: FakeUser, message: { chat: FakeChat | { id: number; type: 'private' }; message_id: number }, data: string): number;
  botAddedToGroup(chat: FakeChat, by: FakeUser, status?: 'member' | 'administrator'): number;
  botRemovedFromGroup(chat: FakeChat, by: FakeUser, status?: 'left' | 'kicked'): number;
  groupMigrated(oldChat: FakeChat, newChatId: number, by: FakeUser): number;

  setChatMember(chatId: number, userId: number, status: ChatMemberStatus): void;
  setChat(chat: FakeChat): void;
  /** What getChatMemberCount answers for the chat (default: known members + the bot). */
  setChatMemberCount(chatId: number, count: number): void;

  injectFault(method: string, fault: Fault, opts?: FaultOptions): void;
  clearFaults(): void;
  setRateLimits(limits: RateLimits | null): void;
  setLatency(ms: number): void;
  close(): Promise<void>;
}
