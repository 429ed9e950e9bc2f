import { describeNetworkError } from '../shared/network-error.js';
import { DatabaseInUseError } from './data-dir-lock.js';
import type { DatabaseTarget } from './open.js';

/** What to do about PostgreSQL's error codes at connect and migrate time (its own message says what happened). */
const POSTGRES_ADVICE: Record<string, string> = {
  '3D000': 'create that database or fix its name in DATABASE_URL',
  '28P01': 'check the user name and password in DATABASE_URL',
  '28000': 'check the user name in DATABASE_URL and pg_hba.conf',
  '42501': "the user needs the right to create tables in the database's schema",
  '57P03': 'PostgreSQL is starting or stopping; try again in a moment',
  '53300': 'PostgreSQL has too many connections',
};

/**
 * Why the database could not be opened, in words: refused, unknown host, wrong password, missing
 * database, data directory in use… PostgreSQL's own message is kept (it names the user or the
 * database, never the password), and the password is scrubbed from anything else that is shown.
 */
export function describeDatabaseError(error: unknown, target: DatabaseTarget): string {
  if (error instanceof DatabaseInUseError) return error.message;
  if (target.kind === 'pglite') {
    const where = target.dataDir ? `the embedded database in ${target.dataDir}` : 'the embedded database';
    return `${where} could not be opened: ${messageOf(error)}`;
  }
  const { where, secrets } = describeUrl(target.url);
  const scrub = (text: string) => secrets.reduce((t, secret) => t.split(secret).join('***'), text);
  const network = describeNetworkError(error, where);
  if (network) return scrub(network);
  const e = error as { code?: unknown; severity?: unknown };
  if (typeof e?.code === 'string' && typeof e.severity === 'string') {
    const advice = POSTGRES_ADVICE[e.code];
    return scrub(`${where} said: ${messageOf(error)} [${e.code}]${advice ? `; ${advice}` : ''}`);
  }
  return scrub(`${where}: ${messageOf(error)}`);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** "PostgreSQL at host:port, database name" without the credentials, and the password (as written and decoded) to scrub. */
function describeUrl(url: string): { where: string; secrets: string[] } {
  try {
    const u = new URL(url);
    const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
    const where = `PostgreSQL at ${u.hostname || 'localhost'}:${u.port || '5432'}${database ? `, database "${database}"` : ''}`;
    return { where, secrets: u.password ? [u.password, decodeURIComponent(u.password)] : [] };
  } catch {
    return { where: 'PostgreSQL', secrets: [] };
  }
}
