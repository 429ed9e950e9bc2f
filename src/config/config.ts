import { z } from 'zod';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const sealKey = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .regex(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/, 'must be 32 random bytes as 64 hex digits or base64 (openssl rand -hex 32)')
    .optional(),
);

/** The dashboard's public address: Telegram opens Mini Apps only over HTTPS. */
const webAppUrl = z.preprocess(
  emptyToUndefined,
  z
    .url({ error: 'must be the public https address of the dashboard, such as https://bot.example.edu/' })
    .refine((url) => url.startsWith('https://'), 'must start with https:// (Telegram opens Mini Apps only over HTTPS)')
    .optional(),
);

const base = z.object({
  BOT_TOKEN: z.preprocess(
    emptyToUndefined,
    z
      .string({ error: 'is required: the token BotFather gave you, like 123456789:AA...' })
      .regex(/^\d+:[A-Za-z0-9_-]+$/, 'must look like 123456789:AA... (the token BotFather gave you)'),
  ),
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a PostgreSQL URL like postgres://user:password@host:5432/db, or unset for the embedded database')
      .optional(),
  ),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('./data')),
  TELEGRAM_API_ROOT: z.preprocess(
    emptyToUndefined,
    z.url({ error: 'must be an http(s) URL such as https://api.telegram.org' }).default('https://api.telegram.org'),
  ),
  TZ: z.preprocess(emptyToUndefined, z.string().default('Asia/Shanghai').refine(isValidTimeZone, 'must be an IANA time zone such as Asia/Shanghai')),
  LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(logLevels, { error: `must be one of ${logLevels.join(', ')}` }).default('info')),
  DEFAULT_BRANCH_NAME: z.preprocess(emptyToUndefined, z.string().max(64).default('党支部')),
  QUESTION_RETENTION_DAYS: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: 'must be a number of days, such as 180' })
      .int('must be a whole number of days, such as 180')
      .min(1, 'must be between 1 and 3650 days')
      .max(3650, 'must be between 1 and 3650 days')
      .default(180),
  ),
  INBOX_KEY: sealKey,
  FEEDBACK_KEY: sealKey,
  WEB_PORT: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: 'must be a port number, or unset for no dashboard server in polling mode' })
      .int('must be a whole port number')
      .min(0, 'must be a port between 0 and 65535')
      .max(65535, 'must be a port between 0 and 65535')
      .optional(),
  ),
  WEB_APP_URL: webAppUrl,
});

const polling = z.object({ BOT_MODE: z.literal('polling') });
const webhook = z.object({
  BOT_MODE: z.literal('webhook'),
  WEBHOOK_URL: z.preprocess(emptyToUndefined, z.url({ error: 'is required in webhook mode: the public https URL Telegram posts updates to' })),
  WEBHOOK_PORT: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: 'must be a port number' })
      .int('must be a whole port number')
      .min(1, 'must be a port between 1 and 65535')
      .max(65535, 'must be a port between 1 and 65535')
      .default(8080),
  ),
  WEBHOOK_SECRET: z.preprocess(
    emptyToUndefined,
    z
      .string({ error: 'is required in webhook mode: 1-256 characters of A-Z a-z 0-9 _ -' })
      .regex(/^[A-Za-z0-9_-]{1,256}$/, 'must be 1-256 characters of A-Z a-z 0-9 _ -'),
  ),
});

const mode = z.discriminatedUnion('BOT_MODE', [polling, webhook], {
  error: 'must be polling or webhook',
});

function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export type RawConfig = z.infer<typeof base> & z.infer<typeof mode>;

export interface Config {
  botToken: string;
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };
  telegramApiRoot: string;
  timeZone: string;
  logLevel: (typeof logLevels)[number];
  defaultBranchName: string;
  /** INBOX_KEY or FEEDBACK_KEY (one key): seals the way back to anonymous askers (src/inbox/sealed.ts); null: anonymous items take no replies. */
  inboxKey: string | null;
  /** Days a classmate's FAQ question (and its inbox thread) is kept before the daily job deletes it. */
  questionRetentionDays: number;
  mode: { kind: 'polling' } | { kind: 'webhook'; url: string; port: number; secret: string };
  /** The dashboard (src/features/dashboard): its own port in polling mode (null: none; webhook mode serves it on the webhook port), its public URL (null: no menu button). */
  web: { port: number | null; appUrl: string | null };
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** Pure: reads an env-like record and returns the config or every problem found. */
export function createConfig(env: Record<string, string | undefined>): ConfigResult {
  const withMode = { ...env, BOT_MODE: emptyToUndefined(env.BOT_MODE) ?? 'polling' };
  const problems: string[] = [];
  const baseResult = base.safeParse(withMode);
  const modeResult = mode.safeParse(withMode);
  if (!baseResult.success) problems.push(...describe(baseResult.error));
  if (!modeResult.success) problems.push(...describe(modeResult.error, 'BOT_MODE'));
  if (baseResult.success && baseResult.data.INBOX_KEY && baseResult.data.FEEDBACK_KEY && baseResult.data.INBOX_KEY !== baseResult.data.FEEDBACK_KEY) {
    problems.push(
      'FEEDBACK_KEY and INBOX_KEY are two names of one key (it seals the way back to anonymous writers): set one of them, or both to the same value',
    );
  }
  if (!baseResult.success || !modeResult.success || problems.length > 0) return { ok: false, problems };

  const raw = baseResult.data;
  const m = modeResult.data;
  return {
    ok: true,
    config: {
      botToken: raw.BOT_TOKEN,
      database: raw.DATABASE_URL ? { kind: 'postgres', url: raw.DATABASE_URL } : { kind: 'pglite', dataDir: raw.DATA_DIR },
      telegramApiRoot: raw.TELEGRAM_API_ROOT.replace(/\/+$/, ''),
      timeZone: raw.TZ,
      logLevel: raw.LOG_LEVEL,
      defaultBranchName: raw.DEFAULT_BRANCH_NAME,
      inboxKey: raw.INBOX_KEY ?? raw.FEEDBACK_KEY ?? null,
      questionRetentionDays: raw.QUESTION_RETENTION_DAYS,
      web: { port: raw.WEB_PORT ?? null, appUrl: raw.WEB_APP_URL ?? null },
      mode: m.BOT_MODE === 'webhook' ? { kind: 'webhook', url: m.WEBHOOK_URL, port: m.WEBHOOK_PORT, secret: m.WEBHOOK_SECRET } : { kind: 'polling' },
    },
  };
}

function describe(error: z.ZodError, fallbackName = 'environment'): string[] {
  return error.issues.map((issue) => {
    const name = issue.path.length > 0 ? issue.path.join('.') : fallbackName;
    return `${name} ${issue.message}`;
  });
}

/** The one readable message printed when the start is refused. */
export function formatConfigProblems(problems: string[]): string {
  return [
    'The bot cannot start: the configuration has problems.',
    ...problems.map((p) => `  - ${p}`),
    'Set these environment variables (see .env.example) and start again.',
  ].join('\n');
}

const databaseOnly = base.pick({ DATABASE_URL: true, DATA_DIR: true, TELEGRAM_API_ROOT: true, DEFAULT_BRANCH_NAME: true, TZ: true, WEB_APP_URL: true });

/** The part of the config the command-line tools need (they work without a bot token). */
export function createToolConfig(env: Record<string, string | undefined>):
  | {
      ok: true;
      database: Config['database'];
      telegramApiRoot: string;
      botToken: string | null;
      defaultBranchName: string;
      timeZone: string;
      webAppUrl: string | null;
    }
  | { ok: false; problems: string[] } {
  const result = databaseOnly.safeParse(env);
  if (!result.success) return { ok: false, problems: describe(result.error) };
  const token = base.shape.BOT_TOKEN.safeParse(env.BOT_TOKEN);
  return {
    ok: true,
    database: result.data.DATABASE_URL ? { kind: 'postgres', url: result.data.DATABASE_URL } : { kind: 'pglite', dataDir: result.data.DATA_DIR },
    telegramApiRoot: result.data.TELEGRAM_API_ROOT.replace(/\/+$/, ''),
    botToken: token.success ? token.data : null,
    defaultBranchName: result.data.DEFAULT_BRANCH_NAME,
    timeZone: result.data.TZ,
    webAppUrl: result.data.WEB_APP_URL ?? null,
  };
}
