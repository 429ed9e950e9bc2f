import { scrubToken } from '../logging/logger.js';
import { describeNetworkError } from '../shared/network-error.js';

export type BotApiStartupProblem = { kind: 'token_refused' } | { kind: 'unreachable'; reason: string };

/** Why getMe failed at start-up, in words: the token refused, or refused / DNS / TLS / timeout / an HTTP error. */
export function describeBotApiError(error: unknown, apiRoot: string, token: string, timeoutMs: number): BotApiStartupProblem {
  const where = `the Bot API at ${apiRoot}`;
  const e = error as { name?: unknown; response?: { error_code?: number; description?: string } } | null;
  const code = e?.response?.error_code;
  if (code === 401 || code === 404) return { kind: 'token_refused' };
  if (typeof code === 'number') return { kind: 'unreachable', reason: scrubToken(`${where} answered ${code} ${e?.response?.description ?? ''}`.trim(), token) };
  if (e?.name === 'AbortError' || e?.name === 'TimeoutError')
    return { kind: 'unreachable', reason: `${where} did not answer within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}` };
  const network = describeNetworkError(error, where);
  if (network) return { kind: 'unreachable', reason: network };
  return { kind: 'unreachable', reason: scrubToken(`${where} failed: ${error instanceof Error ? error.message : String(error)}`, token) };
}
