import { Telegram } from 'telegraf';
import { LocalRateLimit } from './send-gate.js';

/**
 * What became of one Bot API call, in the terms the dispatcher acts on. This is the only place
 * that reads Telegram's error codes and descriptions.
 */
export type SendOutcome =
  | { kind: 'ok'; messageId?: number }
  /** `local`: held back by our own SendGate (a group at its limit), not by Telegram. */
  | { kind: 'retry_after'; seconds: number; local?: boolean }
  | { kind: 'migrated'; newChatId: number }
  | { kind: 'chat_gone'; reason: string }
  | { kind: 'transient'; reason: string }
  | { kind: 'rejected'; reason: string };

interface TelegramErrorLike {
  response?: { error_code?: number; description?: string; parameters?: { retry_after?: number; migrate_to_chat_id?: number } };
  code?: string;
  type?: string;
  name?: string;
}

const goneDescriptions = [
  /bot was kicked/i,
  /bot is not a member/i,
  /chat not found/i,
  /bot was blocked/i,
  /user is deactivated/i,
  /group chat was deactivated/i,
  /have no rights to send text/i,
];
const alreadyDone = [/message is not modified/i, /message to delete not found/i, /message can't be deleted/i];

export function classifyError(error: unknown): SendOutcome {
  if (error instanceof LocalRateLimit) return { kind: 'retry_after', seconds: Math.max(1, Math.ceil(error.waitMs / 1000)), local: true };
  const e = error as TelegramErrorLike;
  const response = e?.response;
  if (!response || typeof response.error_code !== 'number') {
    // A request cut off by its deadline may or may not have reached Telegram: retried like a network error.
    if (e?.name === 'AbortError' || e?.type === 'aborted') return { kind: 'transient', reason: 'network: timeout' };
    return { kind: 'transient', reason: `network: ${e?.code ?? e?.type ?? e?.name ?? 'error'}` };
  }
  const description = response.description ?? '';
  const code = response.error_code;
  if (code === 429) return { kind: 'retry_after', seconds: Math.max(1, response.parameters?.retry_after ?? 1) };
  if (response.parameters?.migrate_to_chat_id) return { kind: 'migrated', newChatId: response.parameters.migrate_to_chat_id };
  if (alreadyDone.some((p) => p.test(description))) return { kind: 'ok' };
  if (code === 403 || goneDescriptions.some((p) => p.test(description))) return { kind: 'chat_gone', reason: description || `error ${code}` };
  if (code >= 500) return { kind: 'transient', reason: `${code} ${description}`.trim() };
  return { kind: 'rejected', reason: `${code} ${description}`.trim() };
}

/** Runs one Bot API call and classifies the result. */
export async function attempt<T>(call: () => Promise<T>, messageIdOf: (result: T) => number | undefined = () => undefined): Promise<SendOutcome> {
  try {
    const result = await call();
    const messageId = messageIdOf(result);
    return messageId === undefined ? { kind: 'ok' } : { kind: 'ok', messageId };
  } catch (error) {
    return classifyError(error);
  }
}

// telegraf types its signal with the abort-controller polyfill; node-fetch takes Node's own.
type ApiSignal = NonNullable<Parameters<Telegram['callApi']>[2]>['signal'];

/** Far below the outbox lease (60 s), so a hung call neither holds a dispatcher slot nor outlives its claim. */
export const REQUEST_TIMEOUT_MS = 20_000;

/**
 * A copy of `source` (same token, API root and agent) whose every call carries an AbortSignal from
 * `signal()` — telegraf's own limit is 500 s. A call that gives the signal itself keeps it.
 */
export function withRequestDeadline(source: Telegram, signal: () => AbortSignal = () => AbortSignal.timeout(REQUEST_TIMEOUT_MS)): Telegram {
  const telegram = new Telegram(source.token, source.options);
  const call = source.callApi.bind(source); // the source's own callApi: a SendGate's wrapper stays in the path
  telegram.callApi = ((method, payload, options = {}) =>
    call(method, payload, { ...options, signal: options.signal ?? (signal() as unknown as ApiSignal) })) as typeof telegram.callApi;
  return telegram;
}
