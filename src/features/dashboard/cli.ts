import { z } from 'zod';
import type { Db } from '../../db/schema.js';
import type { Clock } from '../../shared/clock.js';
import { pageAddress } from './address.js';
import { createLoginCode } from './sessions.js';
import { viewerByTelegramId } from './viewer.js';

export const dashboardUsage = `  npm run cli -- dashboard link --person TELEGRAM_USER_ID
        a one-time login link to the dashboard for a desktop browser (valid 10 minutes, works once; WEB_APP_URL gives its address)`;

export const dashboardBadUsage = 'dashboard link needs --person TELEGRAM_USER_ID (the numeric Telegram user id of a secretary or liaison).';

const personSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,15}$/)
  .transform(Number);

/** The --person of `dashboard link`, checked before the database is opened; null: bad usage. */
export function dashboardLinkPerson(value: string | undefined): number | null {
  const parsed = personSchema.safeParse(value ?? '');
  return parsed.success ? parsed.data : null;
}

/** The address a login code opens: WEB_APP_URL's `login` beside the page. */
export function loginLink(webAppUrl: string | null, code: string): string {
  const path = `login?code=${code}`;
  return webAppUrl ? pageAddress(webAppUrl, path) : `/${path}`;
}

export async function runDashboardLink(
  db: Db,
  clock: Clock,
  telegramUserId: number,
  webAppUrl: string | null,
  io: { out(line: string): void; err(line: string): void },
): Promise<number> {
  const viewer = await viewerByTelegramId(db, telegramUserId, undefined);
  if (!viewer.ok) {
    io.err(
      viewer.reason === 'unknown'
        ? `Nobody with Telegram id ${telegramUserId} has used the bot yet.`
        : `Telegram id ${telegramUserId} has no role the dashboard is for (branch secretary, or a class's liaison, League secretary or counselor).`,
    );
    return 1;
  }
  const now = clock.now();
  const { code, expiresAt } = await createLoginCode(db, viewer.viewer.personId, now);
  io.out(`Dashboard login link for ${viewer.viewer.name} (works once, until ${expiresAt.toISOString()}):`);
  io.out(loginLink(webAppUrl, code));
  if (!webAppUrl) io.out('(WEB_APP_URL is not set: put the dashboard’s address in front of this path.)');
  return 0;
}
