import { describe, expect, it } from 'vitest';
import { DatabaseInUseError } from '../../src/db/data-dir-lock.js';
import { describeDatabaseError } from '../../src/db/open-error.js';
import { describeBotApiError } from '../../src/telegram/startup-error.js';

// PostgreSQL's errors as pg delivers them (a DatabaseError carries severity and a SQLSTATE code).
const pgError = (code: string, message: string) => Object.assign(new Error(message), { name: 'error', severity: 'FATAL', code });
const networkError = (code: string, message: string) => Object.assign(new Error(message), { code });
const target = { kind: 'postgres' as const, url: 'postgres://party:p%40ss%2Fw0rd@db.example:6543/party' };

describe('why the database could not be opened', () => {
  it('names a wrong password without printing it', () => {
    const text = describeDatabaseError(pgError('28P01', 'password authentication failed for user "party"'), target);
    expect(text).toBe(
      'PostgreSQL at db.example:6543, database "party" said: password authentication failed for user "party" [28P01]; check the user name and password in DATABASE_URL',
    );
  });

  it('names a missing database, a refused connection, an unknown host, a TLS failure', () => {
    expect(describeDatabaseError(pgError('3D000', 'database "party" does not exist'), target)).toContain(
      'database "party" does not exist [3D000]; create that database',
    );
    expect(describeDatabaseError(networkError('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.1:6543'), target)).toBe(
      'the connection to PostgreSQL at db.example:6543, database "party" was refused (nothing listens there) [ECONNREFUSED]',
    );
    expect(describeDatabaseError(networkError('ENOTFOUND', 'getaddrinfo ENOTFOUND db.example'), target)).toContain(
      'cannot be resolved (DNS lookup failed) [ENOTFOUND]',
    );
    expect(describeDatabaseError(networkError('DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'), target)).toContain('is self-signed');
  });

  it('never shows the password, as written or decoded, even inside an unknown error', () => {
    for (const message of ['boom p%40ss%2Fw0rd', 'boom p@ss/w0rd']) {
      const text = describeDatabaseError(new Error(message), target);
      expect(text).toBe('PostgreSQL at db.example:6543, database "party": boom ***');
    }
  });

  it('passes the data directory lock message on, and says what failed for the embedded database', () => {
    const inUse = new DatabaseInUseError('the embedded database in /data is in use by process 7; stop it first');
    expect(describeDatabaseError(inUse, { kind: 'pglite', dataDir: '/data' })).toBe(inUse.message);
    expect(describeDatabaseError(networkError('EACCES', "EACCES: permission denied, mkdir '/data'"), { kind: 'pglite', dataDir: '/data' })).toBe(
      "the embedded database in /data could not be opened: EACCES: permission denied, mkdir '/data'",
    );
  });
});

describe('why the Bot API could not be reached', () => {
  const root = 'https://api.telegram.org';
  it('tells the token apart from the network', () => {
    expect(describeBotApiError({ response: { error_code: 401, description: 'Unauthorized' } }, root, '1:t', 1000)).toEqual({ kind: 'token_refused' });
    expect(describeBotApiError(networkError('ECONNREFUSED', 'x'), root, '1:t', 1000)).toEqual({
      kind: 'unreachable',
      reason: 'the connection to the Bot API at https://api.telegram.org was refused (nothing listens there) [ECONNREFUSED]',
    });
    expect(describeBotApiError(networkError('CERT_HAS_EXPIRED', 'x'), root, '1:t', 1000)).toMatchObject({ reason: expect.stringContaining('TLS certificate') });
    expect(describeBotApiError(Object.assign(new Error('aborted'), { name: 'AbortError' }), root, '1:t', 30_000)).toMatchObject({
      reason: 'the Bot API at https://api.telegram.org did not answer within 30 s',
    });
    expect(describeBotApiError({ response: { error_code: 502, description: 'Bad Gateway' } }, root, '1:t', 1000)).toMatchObject({
      reason: 'the Bot API at https://api.telegram.org answered 502 Bad Gateway',
    });
    expect(describeBotApiError(new Error('odd failure at /bot1:t/getMe'), root, '1:t', 1000)).toMatchObject({
      reason: 'the Bot API at https://api.telegram.org failed: odd failure at /bot[token]/getMe',
    });
  });
});
