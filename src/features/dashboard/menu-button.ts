import type { Telegram } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import type { Executor } from '../../db/schema.js';
import { t } from '../../i18n/i18n.js';
import type { Language } from '../../i18n/language.js';
import { safeError, type Logger } from '../../logging/logger.js';

/**
 * The "支部概览" menu button in the private chats of secretaries and liaisons (when WEB_APP_URL is
 * set). Each chat is set once per address: a row in dashboard_menu_buttons remembers it, and a
 * changed WEB_APP_URL sets them again.
 */
export async function personsWithoutMenuButton(
  db: Executor,
  url: string,
  personIds?: readonly number[],
): Promise<Array<{ personId: number; telegramUserId: number; language: Language }>> {
  let query = db
    .selectFrom('people as p')
    .leftJoin('dashboard_menu_buttons as b', 'b.person_id', 'p.id')
    .where((eb) =>
      eb.exists(eb.selectFrom('role_assignments as r').whereRef('r.person_id', '=', 'p.id').where('r.role', 'in', ['secretary', 'liaison']).select('r.id')),
    )
    .where((eb) => eb.or([eb('b.url', 'is', null), eb('b.url', '<>', url)]))
    .select(['p.id', 'p.telegram_user_id', 'p.language'])
    .orderBy('p.id');
  if (personIds) query = query.where('p.id', 'in', personIds.length > 0 ? [...personIds] : [-1]);
  const rows = await query.execute();
  return rows.map((r) => ({ personId: r.id, telegramUserId: r.telegram_user_id, language: r.language }));
}

export async function setMenuButtons(
  deps: { db: Executor; logger: Logger },
  telegram: Pick<Telegram, 'setChatMenuButton'>,
  url: string,
  personIds?: readonly number[],
): Promise<number> {
  let set = 0;
  for (const person of await personsWithoutMenuButton(deps.db, url, personIds)) {
    try {
      await telegram.setChatMenuButton({
        chatId: person.telegramUserId,
        menuButton: { type: 'web_app', text: t(person.language, 'dashboard.menuButton'), web_app: { url } },
      });
      await deps.db
        .insertInto('dashboard_menu_buttons')
        .values({ person_id: person.personId, url })
        .onConflict((oc) => oc.column('person_id').doUpdateSet({ url }))
        .execute();
      set++;
    } catch (error) {
      // not fatal: a person who never opened the private chat cannot have a button yet; tried again later
      deps.logger.warn({ event: 'dashboard_menu_button_failed', personId: person.personId, err: safeError(error) }, 'could not set the dashboard menu button');
    }
  }
  return set;
}

/** The keyboard row under /overview that opens the dashboard (private chats only: Telegram takes web_app buttons only there); none without WEB_APP_URL. */
export function dashboardRow(language: Language, url: string | null): InlineKeyboardButton[][] {
  return url ? [[{ text: t(language, 'dashboard.openButton'), web_app: { url } }]] : [];
}
