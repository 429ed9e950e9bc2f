import { pino, type Logger, type DestinationStream } from 'pino';

export type { Logger };

/**
 * pino JSON logs. Callers log ids and outcomes, never user-written text; `safeError`
 * below strips what Telegram errors carry (request payloads with user text, the URL with the token).
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'class-party-assistant' },
      redact: { paths: ['token', 'botToken', '*.token', '*.botToken', 'text', '*.text'], censor: '[redacted]' },
    },
    destination,
  );
}

interface TelegramLikeError {
  name?: string;
  code?: unknown;
  message?: string;
  response?: { error_code?: number; description?: string };
  on?: { method?: string };
}

/** A loggable summary of an error that never carries user text or secrets. */
export function safeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const e = error as Error & TelegramLikeError;
  if (e.response && typeof e.response.error_code === 'number') {
    return {
      type: 'TelegramError',
      method: e.on?.method,
      errorCode: e.response.error_code,
      description: e.response.description,
    };
  }
  return {
    type: e.name,
    code: typeof e.code === 'string' || typeof e.code === 'number' ? e.code : undefined,
    // Stack frames show where it failed without showing data; the message may hold user text for
    // some driver errors, so only the first line of the stack's location part is kept.
    at: e.stack
      ?.split('\n')
      .slice(1, 4)
      .map((l) => l.trim()),
  };
}

/** Replace the bot token wherever it might appear in a string (e.g. a fetch URL in an error). */
export function scrubToken(text: string, token: string): string {
  return token ? text.split(token).join('[token]') : text;
}
