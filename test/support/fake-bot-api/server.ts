import http, { STATUS_CODES } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { ApiError, badRequest } from './errors.js';
import { FaultRegistry, RateLimiter, faultToError } from './faults.js';
import { BodyError, readParams } from './http-body.js';
import { canonicalMethod, handlers, resolveChat, toBool, toInt } from './methods.js';
import { FakeState, type Json, isRecord, nowSeconds } from './state.js';
import type {
  BotInfo,
  ChatMemberStatus,
  FakeBotApi,
  FakeBotApiOptions,
  FakeChat,
  FakeUser,
  Fault,
  FaultOptions,
  RateLimits,
  RecordedCall,
  UpdateInput,
  WaitOptions,
} from './types.js';
import { UpdateBuilders, UpdateQueue, learnFromUpdate, updateType } from './updates.js';

interface Outcome {
  status: number;
  body: Json;
  delayMs: number;
  /** A `held` fault: the answer is written once this settles (or when the fake closes). */
  heldUntil?: Promise<unknown>;
}

interface LongPoll {
  call: RecordedCall;
  res: http.ServerResponse;
  limit: number;
  allowed: ReadonlySet<string> | undefined;
  delayMs: number;
  timer: NodeJS.Timeout;
}

interface CallWaiter {
  since: number;
  matches: (c: RecordedCall) => boolean;
  resolve: (c: RecordedCall) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

interface WebhookConfig {
  url: string;
  secret: string | undefined;
  allowed: string[] | undefined;
  maxConnections: number;
}

interface WebhookAnswer {
  status: number;
  body: string;
  contentType: string;
}

const WEBHOOK_CONFLICT = "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first";
const POLL_CONFLICT = 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running';
const WEBHOOK_TIMEOUT_MS = 10_000;

const errorOutcome = (e: ApiError, delayMs = 0): Outcome => ({ status: e.code, body: e.toBody(), delayMs });
const okOutcome = (result: unknown, delayMs = 0, description?: string): Outcome => ({
  status: 200,
  body: { ok: true, result, ...(description !== undefined ? { description } : {}) },
  delayMs,
});

/** A string holding a lone UTF-16 surrogate cannot be encoded in UTF-8; Telegram refuses the whole call. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function findMalformedString(value: unknown): boolean {
  if (typeof value === 'string') return LONE_SURROGATE.test(value);
  if (Array.isArray(value)) return value.some(findMalformedString);
  if (isRecord(value)) return Object.values(value).some(findMalformedString);
  return false;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export class FakeBotApiServer implements FakeBotApi {
  apiRoot = '';
  readonly token: string;
  readonly bot: BotInfo;
  readonly calls: RecordedCall[] = [];

  private readonly state: FakeState;
  private readonly builders: UpdateBuilders;
  private readonly queue = new UpdateQueue();
  private readonly faults = new FaultRegistry();
  private readonly rateLimiter = new RateLimiter();
  private latencyMs = 0;

  private readonly server: http.Server;
  private readonly openResponses = new Set<http.ServerResponse>();
  private readonly longPolls = new Set<LongPoll>();
  private readonly delayed = new Map<NodeJS.Timeout, () => void>();
  private readonly held = new Set<() => void>();
  private readonly callWaiters = new Set<CallWaiter>();
  private readonly callIndex = new WeakMap<RecordedCall, number>();
  private wakeScheduled = false;

  private webhook: WebhookConfig | undefined;
  private webhookLastError: { date: number; message: string } | undefined;
  private webhookBusy = false;
  private readonly webhookRequests = new Set<http.ClientRequest>();

  private closing = false;
  private closePromise: Promise<void> | undefined;

  constructor(options: FakeBotApiOptions = {}) {
    this.token = options.token ?? '123456:TEST-TOKEN';
    this.bot = {
      id: options.botId ?? 999000,
      username: options.botUsername ?? 'class_party_test_bot',
      first_name: 'Class Party Test Bot',
    };
    this.state = new FakeState(this.bot);
    this.builders = new UpdateBuilders(this.state);
    this.server = http.createServer((req, res) => this.onRequest(req, res));
    this.server.on('clientError', (_err, socket) => {
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      else socket.destroy();
    });
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    const { port } = this.server.address() as AddressInfo;
    this.apiRoot = `http://127.0.0.1:${port}`;
  }

  // ===========================================================================
  // HTTP
  // ===========================================================================

  private onRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
    this.openResponses.add(res);
    res.on('close', () => this.openResponses.delete(res));
    this.handleHttp(req, res).catch((err: unknown) => {
      // Last resort: never let a bug in the fake crash the test process.
      const description = `Internal Server Error: ${err instanceof Error ? err.message : String(err)}`;
      this.writeJson(res, 500, { ok: false, error_code: 500, description });
    });
  }

  private async handleHttp(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const download = /^\/file\/bot([^/]*)\/(.+)$/.exec(url.pathname);
    if (download) return this.serveFile(res, safeDecode(download[1] ?? ''), safeDecode(download[2] ?? ''));
    const match = /^\/bot([^/]*)\/([^/]+)\/?$/.exec(url.pathname);
    if (!match) {
      req.resume();
      this.writeJson(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      return;
    }
    const token = safeDecode(match[1] ?? '');
    const method = canonicalMethod(safeDecode(match[2] ?? ''));

    let params: Json = {};
    let bodyError: string | undefined;
    try {
      params = await readParams(req, url);
    } catch (err) {
      bodyError = err instanceof BodyError ? err.message : 'invalid request body';
      req.resume();
    }
    // telegraf repeats the method name as a field in multipart bodies.
    if (typeof params.method === 'string' && params.method.toLowerCase() === method.toLowerCase()) {
      delete params.method;
    }

    const call = this.record(method, params);
    if (token !== this.token) {
      this.complete(call, errorOutcome(new ApiError(401, 'Unauthorized')), res);
    } else if (bodyError !== undefined) {
      this.complete(call, errorOutcome(badRequest(bodyError)), res);
    } else {
      const outcome = this.execute(call, res);
      if (outcome !== 'pending') this.complete(call, outcome, res);
    }
  }

  /** GET /file/bot<token>/<file_path>: the bytes of a file getFile named, as Telegram serves them. */
  private serveFile(res: http.ServerResponse, token: string, path: string): void {
    this.record('downloadFile', { file_path: path });
    const file = token === this.token ? [...this.state.files.values()].find((f) => f.path === path) : undefined;
    if (!file) return this.writeJson(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': file.content.length });
    res.end(file.content);
  }

  private writeJson(res: http.ServerResponse, status: number, body: Json): void {
    if (res.writableEnded || res.destroyed || res.headersSent) return;
    const text = JSON.stringify(body);
    res.writeHead(status, STATUS_CODES[status] ?? 'Unknown', {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
    });
    res.end(text);
  }

  private later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.delayed.delete(timer);
      fn();
    }, ms);
    this.delayed.set(timer, fn);
  }

  // ===========================================================================
  // Recording
  // ===========================================================================

  private record(method: string, params: Json): RecordedCall {
    const call: RecordedCall = { method, params, at: Date.now(), response: undefined };
    this.callIndex.set(call, this.calls.length);
    this.calls.push(call);
    this.notifyWaiters(call); // waitForRequest: a request is seen when it arrives, before it is answered
    return call;
  }

  /** Stores the answer on the call, wakes waiters, then (maybe after a delay) writes it. */
  private complete(call: RecordedCall, outcome: Outcome, res: http.ServerResponse | undefined): void {
    call.response = outcome.body;
    call.status = outcome.status;
    this.notifyWaiters(call);
    if (!res) return;
    const send = (): void => this.writeJson(res, outcome.status, outcome.body);
    const sendLater = (): void => {
      if (outcome.delayMs > 0 && !this.closing) this.later(outcome.delayMs, send);
      else send();
    };
    if (!outcome.heldUntil || this.closing) return sendLater();
    const release = (): void => {
      if (this.held.delete(release)) sendLater();
    };
    this.held.add(release);
    void outcome.heldUntil.then(release, release);
  }

  private notifyWaiters(call: RecordedCall): void {
    const index = this.callIndex.get(call) ?? this.calls.length;
    for (const w of [...this.callWaiters]) {
      if (index < w.since) continue;
      let hit: boolean;
      try {
        hit = w.matches(call);
      } catch (err) {
        this.settleWaiter(w);
        w.reject(err instanceof Error ? err : new Error(String(err)));
        continue;
      }
      if (hit) {
        this.settleWaiter(w);
        w.resolve(call);
      }
    }
  }

  private settleWaiter(w: CallWaiter): void {
    clearTimeout(w.timer);
    this.callWaiters.delete(w);
  }

  callsTo(method: string): RecordedCall[] {
    const m = canonicalMethod(method);
    return this.calls.filter((c) => c.method === m);
  }

  mark(): number {
    return this.calls.length;
  }

  waitForCall(method: string, predicate?: (c: RecordedCall) => boolean, opts: WaitOptions = {}): Promise<RecordedCall> {
    const m = canonicalMethod(method);
    return this.waitFor(`waitForCall("${m}")`, (c) => c.method === m && c.status !== undefined && (predicate ? predicate(c) : true), opts);
  }

  /** Resolves when a matching request arrives (waitForCall waits for its answer; a long poll's comes much later). */
  waitForRequest(method: string, predicate?: (c: RecordedCall) => boolean, opts: WaitOptions = {}): Promise<RecordedCall> {
    const m = canonicalMethod(method);
    return this.waitFor(`waitForRequest("${m}")`, (c) => c.method === m && (predicate ? predicate(c) : true), opts);
  }

  waitForMessage(chatId: number, text?: string | RegExp, opts: WaitOptions = {}): Promise<RecordedCall> {
    const textMatches = (t: unknown): boolean => {
      if (text === undefined) return true;
      if (typeof t !== 'string') return false;
      if (typeof text === 'string') return t.includes(text);
      text.lastIndex = 0;
      return text.test(t);
    };
    const label = `waitForMessage(chat ${chatId}${text === undefined ? '' : `, text ${String(text instanceof RegExp ? text : JSON.stringify(text))}`})`;
    return this.waitFor(
      label,
      (c) => c.method === 'sendMessage' && c.status === 200 && String(c.params.chat_id) === String(chatId) && textMatches(c.params.text),
      opts,
    );
  }

  private waitFor(label: string, matches: (c: RecordedCall) => boolean, opts: WaitOptions): Promise<RecordedCall> {
    const since = opts.since ?? 0;
    const timeoutMs = opts.timeoutMs ?? 5000;
    for (let i = since; i < this.calls.length; i++) {
      const c = this.calls[i]!;
      try {
        if (matches(c)) return Promise.resolve(c);
      } catch (err) {
        return Promise.reject(err instanceof Error ? err : new Error(String(err)));
      }
    }
    if (this.closing) return Promise.reject(new Error(`${label}: the fake Bot API is closed`));
    return new Promise<RecordedCall>((resolve, reject) => {
      const waiter: CallWaiter = {
        since,
        matches,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.callWaiters.delete(waiter);
          reject(new Error(`${label} timed out after ${timeoutMs}ms (since call #${since}). ${this.describeRecentCalls()}`));
        }, timeoutMs),
      };
      this.callWaiters.add(waiter);
    });
  }

  private describeRecentCalls(max = 20): string {
    if (this.calls.length === 0) return 'No calls were recorded.';
    const start = Math.max(0, this.calls.length - max);
    const lines = this.calls.slice(start).map((c, i) => {
      const chat = c.params.chat_id !== undefined ? ` chat_id=${String(c.params.chat_id)}` : '';
      const text = typeof c.params.text === 'string' ? ` text=${JSON.stringify(c.params.text.slice(0, 60))}` : '';
      return `  #${start + i} ${c.method}${chat}${text} -> ${c.status ?? 'pending'}`;
    });
    return `Recent calls (${this.calls.length} total):\n${lines.join('\n')}`;
  }

  // ===========================================================================
  // Dispatch
  // ===========================================================================

  /** Runs a recorded call: faults, rate limits, then the method. 'pending' = long poll registered (HTTP only). */
  private execute(call: RecordedCall, res: http.ServerResponse | undefined): Outcome | 'pending' {
    const { method, params } = call;
    let delayMs = method === 'getUpdates' ? 0 : this.latencyMs;
    let heldUntil: Promise<unknown> | undefined;
    try {
      const fault = this.faults.take(method, params);
      if (fault) {
        const err = faultToError(fault);
        if (err) throw err;
        if (fault.kind === 'slow') delayMs += Math.max(0, fault.ms);
        if (fault.kind === 'held') heldUntil = fault.release;
        if (fault.kind === 'dropped' && res) return 'pending';
      }
      const malformed = findMalformedString(params);
      if (malformed) throw badRequest('strings must be encoded in UTF-8');
      const now = Date.now();
      const limited = this.rateLimiter.check(method, toInt(params.chat_id), now);
      if (limited) throw limited;

      switch (method) {
        case 'getUpdates':
          return this.getUpdates(call, res, delayMs);
        case 'setWebhook':
          return this.setWebhook(params, delayMs);
        case 'deleteWebhook':
          return this.deleteWebhook(params, delayMs);
        case 'getWebhookInfo':
          return okOutcome(this.webhookInfo(), delayMs);
      }
      const handler = handlers[method];
      if (!handler) throw new ApiError(404, 'Not Found: method not found');
      const chatId = resolveChat(this.state, method, params);
      const result = handler({ state: this.state, params, chatId });
      this.rateLimiter.note(method, chatId, now);
      return { ...okOutcome(result, delayMs), ...(heldUntil ? { heldUntil } : {}) };
    } catch (err) {
      if (err instanceof ApiError) return errorOutcome(err, delayMs);
      const description = `Internal Server Error: ${err instanceof Error ? err.message : String(err)}`;
      return { status: 500, body: { ok: false, error_code: 500, description }, delayMs };
    }
  }

  // ===========================================================================
  // getUpdates / long polling
  // ===========================================================================

  private getUpdates(call: RecordedCall, res: http.ServerResponse | undefined, delayMs: number): Outcome | 'pending' {
    if (this.webhook) throw new ApiError(409, WEBHOOK_CONFLICT);
    const { params } = call;
    const offset = toInt(params.offset);
    if (offset !== undefined && offset !== 0) this.queue.confirm(offset);
    const limit = Math.min(100, Math.max(1, toInt(params.limit) ?? 100));
    const timeout = Math.max(0, toInt(params.timeout) ?? 0);
    const allowed = Array.isArray(params.allowed_updates) && params.allowed_updates.length > 0 ? new Set(params.allowed_updates.map(String)) : undefined;

    const ready = this.queue.select(limit, allowed);
    if (ready.length > 0 || timeout === 0 || !res || this.closing) return okOutcome(ready, delayMs);

    // Like Telegram, a newer getUpdates terminates an older pending one.
    for (const other of [...this.longPolls]) this.finishLongPoll(other, errorOutcome(new ApiError(409, POLL_CONFLICT)));

    const poll: LongPoll = {
      call,
      res,
      limit,
      allowed,
      delayMs,
      timer: setTimeout(() => this.finishLongPoll(poll, okOutcome([], poll.delayMs)), timeout * 1000),
    };
    this.longPolls.add(poll);
    res.on('close', () => {
      // Client went away (telegraf aborts its poll on bot.stop()).
      if (this.longPolls.delete(poll)) clearTimeout(poll.timer);
    });
    return 'pending';
  }

  private finishLongPoll(poll: LongPoll, outcome: Outcome): void {
    if (!this.longPolls.delete(poll)) return;
    clearTimeout(poll.timer);
    this.complete(poll.call, outcome, poll.res);
  }

  /** Answers waiting long polls; batched in a microtask so consecutive pushes arrive together. */
  private scheduleWake(): void {
    if (this.wakeScheduled) return;
    this.wakeScheduled = true;
    queueMicrotask(() => {
      this.wakeScheduled = false;
      for (const poll of [...this.longPolls]) {
        const ready = this.queue.select(poll.limit, poll.allowed);
        if (ready.length > 0) this.finishLongPoll(poll, okOutcome(ready, poll.delayMs));
      }
    });
  }

  // ===========================================================================
  // Webhook
  // ===========================================================================

  private setWebhook(params: Json, delayMs: number): Outcome {
    const url = typeof params.url === 'string' ? params.url.trim() : '';
    if (url === '') return this.deleteWebhook(params, delayMs);
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw badRequest('bad webhook: invalid webhook URL specified');
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
      throw badRequest('bad webhook: An HTTPS URL must be provided for webhook');
    }
    const secret = typeof params.secret_token === 'string' && params.secret_token !== '' ? params.secret_token : undefined;
    if (secret !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secret)) {
      throw badRequest('secret token contains unallowed characters');
    }
    const allowed = Array.isArray(params.allowed_updates) && params.allowed_updates.length > 0 ? params.allowed_updates.map(String) : undefined;
    if (toBool(params.drop_pending_updates)) this.queue.clear();
    const already = this.webhook?.url === url;
    this.webhook = { url, secret, allowed, maxConnections: toInt(params.max_connections) ?? 40 };
    this.webhookLastError = undefined;
    for (const poll of [...this.longPolls]) this.finishLongPoll(poll, errorOutcome(new ApiError(409, WEBHOOK_CONFLICT)));
    this.kickWebhook();
    return okOutcome(true, delayMs, already ? 'Webhook is already set' : 'Webhook was set');
  }

  private deleteWebhook(params: Json, delayMs: number): Outcome {
    if (toBool(params.drop_pending_updates)) this.queue.clear();
    const had = this.webhook !== undefined;
    this.webhook = undefined;
    this.webhookLastError = undefined;
    return okOutcome(true, delayMs, had ? 'Webhook was deleted' : 'Webhook is already deleted');
  }

  private webhookInfo(): Json {
    const hook = this.webhook;
    return {
      url: hook?.url ?? '',
      has_custom_certificate: false,
      pending_update_count: this.queue.size,
      ...(hook ? { max_connections: hook.maxConnections, ip_address: '127.0.0.1' } : {}),
      ...(hook?.allowed ? { allowed_updates: hook.allowed } : {}),
      ...(this.webhookLastError ? { last_error_date: this.webhookLastError.date, last_error_message: this.webhookLastError.message } : {}),
    };
  }

  private kickWebhook(): void {
    if (this.webhookBusy || !this.webhook || this.closing || this.queue.size === 0) return;
    this.webhookBusy = true;
    void this.deliverWebhookUpdates().finally(() => {
      this.webhookBusy = false;
      this.kickWebhook();
    });
  }

  /** Delivers queued updates one at a time, in order; each gets one retry, then is dropped. */
  private async deliverWebhookUpdates(): Promise<void> {
    for (;;) {
      const hook = this.webhook;
      const update = this.queue.first();
      if (!hook || !update || this.closing) return;
      if (hook.allowed && !hook.allowed.includes(updateType(update))) {
        this.queue.remove(update);
        continue;
      }
      for (let attempt = 0; attempt < 2 && !this.closing; attempt++) {
        try {
          const answer = await this.postWebhook(hook, update);
          if (answer.status >= 200 && answer.status < 300) {
            this.handleWebhookReply(answer);
            break;
          }
          this.webhookLastError = {
            date: nowSeconds(),
            message: `Wrong response from the webhook: ${answer.status} ${STATUS_CODES[answer.status] ?? ''}`.trim(),
          };
        } catch (err) {
          this.webhookLastError = { date: nowSeconds(), message: err instanceof Error ? err.message : String(err) };
        }
      }
      this.queue.remove(update);
    }
  }

  private postWebhook(hook: WebhookConfig, update: Json): Promise<WebhookAnswer> {
    const payload = JSON.stringify(update);
    const url = new URL(hook.url);
    const transport = url.protocol === 'https:' ? https : http;
    return new Promise<WebhookAnswer>((resolve, reject) => {
      const req = transport.request(
        url,
        {
          method: 'POST',
          agent: false,
          timeout: WEBHOOK_TIMEOUT_MS,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
            ...(hook.secret !== undefined ? { 'X-Telegram-Bot-Api-Secret-Token': hook.secret } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            this.webhookRequests.delete(req);
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
              contentType: String(res.headers['content-type'] ?? ''),
            });
          });
          res.on('error', (err) => {
            this.webhookRequests.delete(req);
            reject(err);
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('Read timeout expired')));
      req.on('error', (err) => {
        this.webhookRequests.delete(req);
        reject(err);
      });
      this.webhookRequests.add(req);
      req.end(payload);
    });
  }

  /** Like Telegram, a JSON webhook answer `{method, ...params}` is executed as an API call (telegraf's webhookReply). */
  private handleWebhookReply(answer: WebhookAnswer): void {
    if (!answer.contentType.toLowerCase().includes('json') || answer.body.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(answer.body) as unknown;
    } catch {
      return;
    }
    if (!isRecord(parsed) || typeof parsed.method !== 'string') return;
    const { method, ...params } = parsed;
    const call = this.record(canonicalMethod(method), params);
    const outcome = this.execute(call, undefined);
    if (outcome !== 'pending') this.complete(call, outcome, undefined);
  }

  // ===========================================================================
  // Updates
  // ===========================================================================

  pushUpdate(update: UpdateInput): number {
    const u = structuredClone(update) as Json;
    learnFromUpdate(this.state, u);
    const id = this.queue.push(u);
    this.scheduleWake();
    this.kickWebhook();
    return id;
  }

  sendPrivateText(from: FakeUser, text: string): number {
    return this.pushUpdate(this.builders.privateText(from, text) as UpdateInput);
  }

  /** A user sends the bot a file in private (its bytes kept for getFile and the download). */
  sendPrivateDocument(from: FakeUser, file: { content: Buffer | string; filename: string; mimeType?: string; caption?: string }): number {
    const content = typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content;
    const stored = this.state.storeFile('document', content, file.filename);
    const document = { ...stored, file_name: file.filename, mime_type: file.mimeType ?? 'application/octet-stream' };
    const update = this.builders.privateText(from, '') as { message: Record<string, unknown> };
    delete update.message.text;
    delete update.message.entities;
    update.message.document = document;
    if (file.caption) update.message.caption = file.caption;
    return this.pushUpdate(update as UpdateInput);
  }

  sendGroupText(chat: FakeChat, from: FakeUser, text: string, extra?: { reply_to_message?: object; sender_chat?: object }): number {
    return this.pushUpdate(this.builders.groupText(chat, from, text, extra) as UpdateInput);
  }

  pressButton(from: FakeUser, message: { chat: FakeChat | { id: number; type: 'private' }; message_id: number }, data: string): number {
    return this.pushUpdate(this.builders.callbackQuery(from, message, data) as UpdateInput);
  }

  botAddedToGroup(chat: FakeChat, by: FakeUser, status: 'member' | 'administrator' = 'member'): number {
    return this.pushUpdate(this.builders.botAdded(chat, by, status) as UpdateInput);
  }

  botRemovedFromGroup(chat: FakeChat, by: FakeUser, status: 'left' | 'kicked' = 'left'): number {
    return this.pushUpdate(this.builders.botRemoved(chat, by, status) as UpdateInput);
  }

  groupMigrated(oldChat: FakeChat, newChatId: number, by: FakeUser): number {
    this.pushUpdate(this.builders.migrateTo(oldChat, newChatId, by) as UpdateInput);
    return this.pushUpdate(this.builders.migrateFrom(oldChat, newChatId) as UpdateInput);
  }

  // ===========================================================================
  // State & faults
  // ===========================================================================

  setChatMember(chatId: number, userId: number, status: ChatMemberStatus): void {
    this.state.setMemberStatus(chatId, userId, status);
  }

  setChatMemberCount(chatId: number, count: number): void {
    this.state.memberCounts.set(chatId, count);
  }

  setChat(chat: FakeChat): void {
    this.state.rememberChat({ id: chat.id, type: chat.type, title: chat.title });
  }

  injectFault(method: string, fault: Fault, opts?: FaultOptions): void {
    this.faults.add(canonicalMethod(method), fault, opts);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  setRateLimits(limits: RateLimits | null): void {
    this.rateLimiter.set(limits);
  }

  setLatency(ms: number): void {
    this.latencyMs = Math.max(0, ms);
  }

  // ===========================================================================
  // Shutdown
  // ===========================================================================

  close(): Promise<void> {
    this.closePromise ??= this.shutdown();
    return this.closePromise;
  }

  private async shutdown(): Promise<void> {
    this.closing = true;
    for (const poll of [...this.longPolls]) this.finishLongPoll(poll, okOutcome([]));
    for (const release of [...this.held]) release();
    for (const [timer, send] of [...this.delayed]) {
      clearTimeout(timer);
      this.delayed.delete(timer);
      send();
    }
    for (const req of this.webhookRequests) req.destroy(new Error('fake Bot API closed'));
    this.webhookRequests.clear();
    for (const w of [...this.callWaiters]) {
      this.settleWaiter(w);
      w.reject(new Error('The fake Bot API was closed while waiting for a call'));
    }

    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeIdleConnections();
    await this.responsesFlushed(500);
    this.server.closeAllConnections();
    await closed;
  }

  /** Waits (bounded) until every response in flight has been written. */
  private responsesFlushed(maxMs: number): Promise<void> {
    const open = [...this.openResponses];
    if (open.length === 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      let left = open.length;
      const done = (): void => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(done, maxMs);
      for (const res of open) {
        res.once('close', () => {
          left -= 1;
          if (left === 0) done();
        });
      }
    });
  }
}
