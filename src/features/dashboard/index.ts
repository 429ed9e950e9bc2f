import { Composer } from 'telegraf';
import type { AppDeps, BotContext } from '../../telegram/context.js';
import { safeError } from '../../logging/logger.js';
import type { Feature } from '../../feature.js';
import { setMenuButtons } from './menu-button.js';
import { dashboardHousekeepingSchedule } from './housekeeping.js';

/**
 * The dashboard (issue 13) is served over HTTP (./http.ts, started by src/app.ts); in the chat it only
 * puts the "支部概览" menu button in the private chat of a secretary or liaison, once the person has one
 * of those roles (the button is set after the update that gave it, e.g. an accepted invite). Expired
 * login codes, sessions and download tokens are deleted on a schedule (./housekeeping.ts).
 */
export const dashboardFeature: Feature = {
  name: 'dashboard',
  commands: [],
  schedules: [dashboardHousekeepingSchedule()],
  composer: (deps: AppDeps) => {
    const composer = new Composer<BotContext>();
    composer.use(async (ctx, next) => {
      await next();
      const url = deps.config.web.appUrl;
      if (!url || ctx.chat?.type !== 'private' || !ctx.from) return;
      const person = await deps.db.selectFrom('people').where('telegram_user_id', '=', ctx.from.id).select('id').executeTakeFirst();
      if (!person) return;
      await setMenuButtons(deps, ctx.telegram, url, [person.id]).catch((error: unknown) =>
        deps.logger.warn({ event: 'dashboard_menu_button_failed', err: safeError(error) }, 'could not set the dashboard menu button'),
      );
    });
    return composer;
  },
};
