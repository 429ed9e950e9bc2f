import { joinHtml, mention, type Html } from '../../i18n/html.js';
import type { ClassMember } from '../../people/queries.js';

/** One line per liaison: a mention that works without a username, and the @username when there is one. */
export function liaisonList(liaisons: ClassMember[]): Html {
  return joinHtml(
    liaisons.map((l) => joinHtml(['• ', mention(l.telegramUserId, l.name), l.username ? ` @${l.username}` : ''], '')),
    '\n',
  );
}
