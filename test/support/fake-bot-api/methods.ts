import { badRequest, chatNotFound, forbidden, migratedError } from './errors.js';
import { isUploadedFile } from './http-body.js';
import { type FakeState, type Json, isRecord, nowSeconds, stableStringify } from './state.js';
import type { ChatMemberStatus } from './types.js';

export interface MethodContext {
  state: FakeState;
  params: Json;
  /** Resolved and checked target chat (only for methods listed in CHAT_RULES). */
  chatId: number | undefined;
}

export type Handler = (ctx: MethodContext) => unknown;

// ---- param helpers ---------------------------------------------------------

export function toInt(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return Math.trunc(v);
  if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number(v.trim());
  return undefined;
}

export function toBool(v: unknown): boolean {
  return v === true || v === 'true' || v === 1 || v === '1';
}

function toText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return undefined;
}

/** A count set by the test, or the members the fake knows of plus the bot. */
function memberCount(ctx: { state: FakeState; params: Json }): number {
  const chatId = toInt(ctx.params.chat_id) ?? 0;
  const set = ctx.state.memberCounts.get(chatId);
  if (set !== undefined) return set;
  return ctx.state.membersOf(chatId).filter(([, status]) => status !== 'left' && status !== 'kicked').length + 1;
}

// ---- chat resolution -------------------------------------------------------

/** Which methods take chat_id, whether it is required, and whether the bot must be in the chat. */
export const CHAT_RULES: Record<string, { required: boolean; membership: boolean }> = {
  sendMessage: { required: true, membership: true },
  sendPhoto: { required: true, membership: true },
  sendDocument: { required: true, membership: true },
  copyMessage: { required: true, membership: true },
  forwardMessage: { required: true, membership: true },
  sendChatAction: { required: true, membership: true },
  editMessageText: { required: false, membership: true },
  editMessageReplyMarkup: { required: false, membership: true },
  deleteMessage: { required: true, membership: true },
  pinChatMessage: { required: true, membership: true },
  unpinChatMessage: { required: true, membership: true },
  leaveChat: { required: true, membership: true },
  getChat: { required: true, membership: false },
  getChatMember: { required: true, membership: false },
  getChatAdministrators: { required: true, membership: false },
  getChatMemberCount: { required: true, membership: false },
  getChatMembersCount: { required: true, membership: false },
  editMessageCaption: { required: false, membership: true },
  setChatMenuButton: { required: false, membership: false },
  getChatMenuButton: { required: false, membership: false },
};

/** Resolves params.chat_id for a method (number, numeric string or @username) and applies chat-level errors. */
export function resolveChat(state: FakeState, method: string, params: Json): number | undefined {
  const rule = CHAT_RULES[method];
  if (!rule) return undefined;
  const raw = params.chat_id;
  if (raw === undefined || raw === null || raw === '') {
    if (rule.required) throw badRequest('chat_id is empty');
    return undefined;
  }
  let chatId = toInt(raw);
  if (chatId === undefined && typeof raw === 'string' && raw.startsWith('@')) chatId = state.findChatByUsername(raw);
  if (chatId === undefined || chatId === 0) throw chatNotFound();

  const migratedTo = state.migrations.get(chatId);
  if (migratedTo !== undefined) throw migratedError(migratedTo);

  if (rule.membership) {
    const status = state.hasMemberStatus(chatId, state.bot.id) ? state.memberStatus(chatId, state.bot.id) : undefined;
    if (chatId > 0) {
      // setChatMember(userId, botId, 'kicked') models "user blocked the bot".
      if (status === 'kicked') throw forbidden('bot was blocked by the user');
    } else {
      const kind = state.chatType(chatId) === 'supergroup' ? 'supergroup chat' : 'group chat';
      if (status === 'kicked') throw forbidden(`bot was kicked from the ${kind}`);
      if (status === 'left') throw forbidden(`bot is not a member of the ${kind}`);
    }
  }
  return chatId;
}

function requireChat(ctx: MethodContext): number {
  if (ctx.chatId === undefined) throw badRequest('chat_id is empty');
  return ctx.chatId;
}

function requireMessageId(params: Json): number {
  const id = toInt(params.message_id);
  if (id === undefined) throw badRequest('message identifier is not specified');
  return id;
}

// ---- message building ------------------------------------------------------

/** Telegram drops unknown button fields (telegraf adds `hide`) and treats an empty inline keyboard as none. */
export function normalizeMarkup(markup: unknown): Json | undefined {
  if (!isRecord(markup)) return undefined;
  if (Array.isArray(markup.inline_keyboard)) {
    const rows = markup.inline_keyboard.map((row: unknown) =>
      Array.isArray(row)
        ? row.map((button: unknown) => {
            if (!isRecord(button)) return button;
            const { hide: _hide, ...rest } = button;
            return rest;
          })
        : row,
    );
    if (rows.length === 0) return undefined;
    return { ...markup, inline_keyboard: rows };
  }
  return markup;
}

function checkText(text: string | undefined, what: 'text' | 'caption'): void {
  if (what === 'text') {
    if (text === undefined || text.trim() === '') throw badRequest('message text is empty');
    if (text.length > 4096) throw badRequest('message is too long');
  } else if (text !== undefined && text.length > 1024) {
    throw badRequest('message caption is too long');
  }
}

function formatSignature(params: Json, entitiesKey: 'entities' | 'caption_entities'): string {
  return stableStringify([params.parse_mode ?? null, params[entitiesKey] ?? null]);
}

/** Validates reply parameters and returns the message being replied to (if any). */
function replyTarget(state: FakeState, chatId: number, params: Json): Json | undefined {
  const rp = isRecord(params.reply_parameters) ? params.reply_parameters : undefined;
  const replyId = toInt(params.reply_to_message_id) ?? toInt(rp?.message_id);
  if (replyId === undefined) return undefined;
  const replyChat = toInt(rp?.chat_id) ?? chatId;
  const target = state.getMessage(replyChat, replyId);
  if (!target) {
    if (toBool(params.allow_sending_without_reply) || toBool(rp?.allow_sending_without_reply)) return undefined;
    throw badRequest('message to be replied not found');
  }
  const { reply_to_message: _nested, ...flat } = target.message;
  return flat;
}

/** Common Message fields for a new bot message; call only after validation (it allocates the id). */
function newBotMessage(state: FakeState, chatId: number, params: Json, reply: Json | undefined): Json {
  const msg: Json = {
    message_id: state.allocMessageId(chatId),
    from: { ...state.botUser },
    chat: state.chat(chatId),
    date: nowSeconds(),
  };
  const thread = toInt(params.message_thread_id);
  if (thread !== undefined) msg.message_thread_id = thread;
  if (reply) msg.reply_to_message = reply;
  return msg;
}

function finishBotMessage(state: FakeState, msg: Json, params: Json, format?: string): Json {
  const markup = normalizeMarkup(params.reply_markup);
  if (markup) msg.reply_markup = markup;
  if (toBool(params.protect_content)) msg.has_protected_content = true;
  state.storeMessage(msg, true, format);
  return structuredClone(msg);
}

function fileParam(state: FakeState, value: unknown, kind: 'photo' | 'document'): Json {
  if (isUploadedFile(value)) {
    return { ...state.storeFile(kind, value.content, value.filename), file_name: value.filename, mime_type: value.contentType, file_size: value.size };
  }
  if (typeof value === 'string' && value.trim() !== '') {
    // An URL gets a fresh file id; a file_id is echoed back.
    return /^https?:\/\//i.test(value) ? { ...state.nextFileId(kind) } : { ...state.nextFileId(kind), file_id: value };
  }
  throw badRequest(`there is no ${kind} in the request`);
}

function sendMedia(ctx: MethodContext, kind: 'photo' | 'document'): Json {
  const { state, params } = ctx;
  const chatId = requireChat(ctx);
  const caption = toText(params.caption);
  checkText(caption, 'caption');
  const file = fileParam(state, params[kind], kind);
  const reply = replyTarget(state, chatId, params);
  const msg = newBotMessage(state, chatId, params, reply);
  if (kind === 'photo') {
    const { file_name: _n, mime_type: _m, ...base } = file;
    msg.photo = [
      { ...base, file_id: `${String(base.file_id)}_s`, width: 90, height: 90, file_size: 1200 },
      { ...base, width: 800, height: 600, file_size: typeof file.file_size === 'number' ? file.file_size : 48_000 },
    ];
  } else {
    msg.document = { file_name: 'document', mime_type: 'application/octet-stream', ...file };
  }
  if (caption !== undefined && caption !== '') {
    msg.caption = caption;
    if (Array.isArray(params.caption_entities)) msg.caption_entities = params.caption_entities;
  }
  return finishBotMessage(state, msg, params, formatSignature(params, 'caption_entities'));
}

// ---- chat members ----------------------------------------------------------

export function chatMemberObject(user: Json, status: ChatMemberStatus): Json {
  switch (status) {
    case 'creator':
      return { status, user, is_anonymous: false };
    case 'administrator':
      return {
        status,
        user,
        can_be_edited: false,
        is_anonymous: false,
        can_manage_chat: true,
        can_delete_messages: true,
        can_manage_video_chats: true,
        can_restrict_members: true,
        can_promote_members: false,
        can_change_info: true,
        can_invite_users: true,
        can_post_stories: false,
        can_edit_stories: false,
        can_delete_stories: false,
        can_pin_messages: true,
      };
    case 'restricted':
      return {
        status,
        user,
        is_member: true,
        can_send_messages: false,
        can_send_audios: false,
        can_send_documents: false,
        can_send_photos: false,
        can_send_videos: false,
        can_send_video_notes: false,
        can_send_voice_notes: false,
        can_send_polls: false,
        can_send_other_messages: false,
        can_add_web_page_previews: false,
        can_change_info: false,
        can_invite_users: false,
        can_pin_messages: false,
        can_manage_topics: false,
        until_date: 0,
      };
    case 'kicked':
      return { status, user, until_date: 0 };
    case 'member':
    case 'left':
      return { status, user };
  }
}

const NOT_MODIFIED =
  'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';

const COMMAND_RE = /^[a-z0-9_]{1,32}$/;

function commandsKey(params: Json): string {
  return `${stableStringify(isRecord(params.scope) ? params.scope : { type: 'default' })}|${toText(params.language_code) ?? ''}`;
}

function editableMessage(ctx: MethodContext) {
  const chatId = requireChat(ctx);
  const messageId = requireMessageId(ctx.params);
  const stored = ctx.state.getMessage(chatId, messageId);
  if (!stored) throw badRequest('message to edit not found');
  if (!stored.fromBot) throw badRequest("message can't be edited");
  return stored;
}

// ---- handlers --------------------------------------------------------------

export const handlers: Record<string, Handler> = {
  getFile: ({ state, params }) => {
    const fileId = typeof params.file_id === 'string' ? params.file_id : '';
    const file = state.files.get(fileId);
    if (!file) throw badRequest('invalid file_id');
    return { file_id: fileId, file_unique_id: file.path.split('/')[1]!.split('_')[0], file_size: file.content.length, file_path: file.path };
  },
  getMe: ({ state }) => ({
    ...state.botUser,
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
  }),

  sendMessage: (ctx) => {
    const { state, params } = ctx;
    const chatId = requireChat(ctx);
    const text = toText(params.text);
    checkText(text, 'text');
    const reply = replyTarget(state, chatId, params);
    const msg = newBotMessage(state, chatId, params, reply);
    msg.text = text;
    if (Array.isArray(params.entities)) msg.entities = params.entities;
    if (isRecord(params.link_preview_options)) msg.link_preview_options = params.link_preview_options;
    return finishBotMessage(state, msg, params, formatSignature(params, 'entities'));
  },

  sendPhoto: (ctx) => sendMedia(ctx, 'photo'),
  sendDocument: (ctx) => sendMedia(ctx, 'document'),

  copyMessage: (ctx) => {
    const { state, params } = ctx;
    const chatId = requireChat(ctx);
    const fromChatId = toInt(params.from_chat_id);
    if (fromChatId === undefined) throw badRequest('from_chat_id is empty');
    const source = state.getMessage(fromChatId, requireMessageId(params));
    if (!source) throw badRequest('message to copy not found');
    const caption = toText(params.caption);
    checkText(caption, 'caption');
    const reply = replyTarget(state, chatId, params);
    const msg = newBotMessage(state, chatId, params, reply);
    for (const key of ['text', 'entities', 'photo', 'document', 'caption', 'caption_entities']) {
      if (source.message[key] !== undefined) msg[key] = structuredClone(source.message[key]);
    }
    if (caption !== undefined) {
      msg.caption = caption;
      if (Array.isArray(params.caption_entities)) msg.caption_entities = params.caption_entities;
      else delete msg.caption_entities;
    }
    finishBotMessage(state, msg, params, source.format);
    return { message_id: msg.message_id };
  },

  forwardMessage: (ctx) => {
    const { state, params } = ctx;
    const chatId = requireChat(ctx);
    const fromChatId = toInt(params.from_chat_id);
    if (fromChatId === undefined) throw badRequest('from_chat_id is empty');
    if (!state.knowsChat(fromChatId) || state.memberStatus(fromChatId, state.bot.id) === 'left' || state.memberStatus(fromChatId, state.bot.id) === 'kicked') {
      throw badRequest('chat not found');
    }
    const source = state.getMessage(fromChatId, requireMessageId(params));
    if (!source) throw badRequest('message to forward not found');
    const msg = newBotMessage(state, chatId, params, undefined);
    for (const key of ['text', 'entities', 'photo', 'document', 'caption', 'caption_entities']) {
      if (source.message[key] !== undefined) msg[key] = structuredClone(source.message[key]);
    }
    const author = source.message.from;
    msg.forward_origin = isRecord(author)
      ? { type: 'user', sender_user: structuredClone(author), date: source.message.date }
      : { type: 'chat', sender_chat: state.chat(fromChatId), date: source.message.date };
    return finishBotMessage(state, msg, params, source.format);
  },

  editMessageText: (ctx) => {
    const { params } = ctx;
    const text = toText(params.text);
    if (params.inline_message_id !== undefined) {
      checkText(text, 'text');
      return true;
    }
    const stored = editableMessage(ctx);
    checkText(text, 'text');
    const msg = stored.message;
    if (typeof msg.text !== 'string') throw badRequest('there is no text in the message to edit');
    const markup = normalizeMarkup(params.reply_markup);
    const format = formatSignature(params, 'entities');
    if (
      msg.text === text &&
      (stored.format ?? format) === format &&
      stableStringify(markup ?? null) === stableStringify(normalizeMarkup(msg.reply_markup) ?? null)
    ) {
      throw badRequest(NOT_MODIFIED);
    }
    msg.text = text;
    if (Array.isArray(params.entities)) msg.entities = params.entities;
    else delete msg.entities;
    if (markup) msg.reply_markup = markup;
    else delete msg.reply_markup;
    msg.edit_date = nowSeconds();
    stored.format = format;
    return structuredClone(msg);
  },

  editMessageCaption: (ctx) => {
    const { params } = ctx;
    if (params.inline_message_id !== undefined) return true;
    const stored = editableMessage(ctx);
    const msg = stored.message;
    const caption = params.caption === undefined ? '' : String(params.caption);
    if (caption.length > 1024) throw badRequest('message caption is too long');
    const markup = normalizeMarkup(params.reply_markup);
    if (msg.caption === caption && stableStringify(markup ?? null) === stableStringify(normalizeMarkup(msg.reply_markup) ?? null)) {
      throw badRequest(NOT_MODIFIED);
    }
    msg.caption = caption;
    if (markup) msg.reply_markup = markup;
    else delete msg.reply_markup;
    msg.edit_date = nowSeconds();
    return structuredClone(msg);
  },

  getChatMemberCount: (ctx) => memberCount(ctx),
  getChatMembersCount: (ctx) => memberCount(ctx),

  editMessageReplyMarkup: (ctx) => {
    const { params } = ctx;
    if (params.inline_message_id !== undefined) return true;
    const stored = editableMessage(ctx);
    const msg = stored.message;
    const markup = normalizeMarkup(params.reply_markup);
    if (stableStringify(markup ?? null) === stableStringify(normalizeMarkup(msg.reply_markup) ?? null)) {
      throw badRequest(NOT_MODIFIED);
    }
    if (markup) msg.reply_markup = markup;
    else delete msg.reply_markup;
    msg.edit_date = nowSeconds();
    return structuredClone(msg);
  },

  deleteMessage: (ctx) => {
    const chatId = requireChat(ctx);
    if (!ctx.state.deleteMessage(chatId, requireMessageId(ctx.params))) throw badRequest('message to delete not found');
    return true;
  },

  pinChatMessage: (ctx) => {
    const chatId = requireChat(ctx);
    const messageId = requireMessageId(ctx.params);
    if (!ctx.state.getMessage(chatId, messageId)) throw badRequest('message to pin not found');
    ctx.state.pinned.set(chatId, messageId);
    return true;
  },

  unpinChatMessage: (ctx) => {
    const chatId = requireChat(ctx);
    const messageId = toInt(ctx.params.message_id);
    if (messageId === undefined || ctx.state.pinned.get(chatId) === messageId) ctx.state.pinned.delete(chatId);
    return true;
  },

  answerCallbackQuery: ({ state, params }) => {
    const id = toText(params.callback_query_id);
    if (id === undefined || !state.callbackQueryIds.has(id)) {
      throw badRequest('query is too old and response timeout expired or query ID is invalid');
    }
    // Telegram takes one answer per query; a second one is refused like an unknown id.
    state.callbackQueryIds.delete(id);
    return true;
  },

  sendChatAction: (ctx) => {
    requireChat(ctx);
    if (toText(ctx.params.action) === undefined) throw badRequest('wrong parameter action in request');
    return true;
  },

  getChat: (ctx) => {
    const { state } = ctx;
    const chatId = requireChat(ctx);
    if (!state.knowsChat(chatId)) throw chatNotFound();
    const chat: Json = { accent_color_id: 0, max_reaction_count: 11, ...state.fullChat(chatId) };
    const pinnedId = state.pinned.get(chatId);
    const pinned = pinnedId !== undefined ? state.getMessage(chatId, pinnedId) : undefined;
    if (pinned) chat.pinned_message = structuredClone(pinned.message);
    return chat;
  },

  getChatMember: (ctx) => {
    const { state, params } = ctx;
    const chatId = requireChat(ctx);
    const userId = toInt(params.user_id);
    if (userId === undefined) throw badRequest('invalid user_id specified');
    return chatMemberObject(state.userObject(userId), state.memberStatus(chatId, userId));
  },

  getChatAdministrators: (ctx) => {
    const { state } = ctx;
    const chatId = requireChat(ctx);
    if (chatId > 0) throw badRequest('there are no administrators in the private chat');
    return state
      .membersOf(chatId)
      .filter(([, status]) => status === 'creator' || status === 'administrator')
      .map(([userId, status]) => chatMemberObject(state.userObject(userId), status));
  },

  setMyCommands: ({ state, params }) => {
    if (!Array.isArray(params.commands)) throw badRequest('parameter "commands" is required');
    const commands = params.commands.map((c: unknown) => {
      if (!isRecord(c) || typeof c.command !== 'string' || !COMMAND_RE.test(c.command)) {
        throw badRequest('BOT_COMMAND_INVALID');
      }
      if (typeof c.description !== 'string' || c.description.length === 0 || c.description.length > 256) {
        throw badRequest('BOT_COMMAND_DESCRIPTION_INVALID');
      }
      return { command: c.command, description: c.description };
    });
    state.commands.set(commandsKey(params), commands);
    return true;
  },

  getMyCommands: ({ state, params }) => structuredClone(state.commands.get(commandsKey(params)) ?? []),

  deleteMyCommands: ({ state, params }) => {
    state.commands.delete(commandsKey(params));
    return true;
  },

  setChatMenuButton: ({ state, params, chatId }) => {
    state.menuButtons.set(String(chatId ?? 'default'), isRecord(params.menu_button) ? params.menu_button : { type: 'default' });
    return true;
  },

  getChatMenuButton: ({ state, chatId }) => structuredClone(state.menuButtons.get(String(chatId ?? 'default')) ?? { type: 'commands' }),

  leaveChat: (ctx) => {
    const chatId = requireChat(ctx);
    if (chatId > 0) throw badRequest('chat member status change is not allowed in private chats');
    ctx.state.setMemberStatus(chatId, ctx.state.bot.id, 'left');
    return true;
  },
};

/** Methods handled by the server itself (they need the update queue / webhook). */
export const SERVER_METHODS = ['getUpdates', 'setWebhook', 'deleteWebhook', 'getWebhookInfo'] as const;

const CANONICAL = new Map<string, string>([...Object.keys(handlers), ...SERVER_METHODS].map((name) => [name.toLowerCase(), name]));

/** Telegram method names are case-insensitive. */
export function canonicalMethod(name: string): string {
  return CANONICAL.get(name.toLowerCase()) ?? name;
}
