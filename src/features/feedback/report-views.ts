import type { Executor } from '../../db/schema.js';
import { t } from '../../i18n/i18n.js';
import type { Language } from '../../i18n/language.js';
import type { Keyboard, Rendered } from '../../outbox/messages.js';
import { feedbackButton } from './buttons.js';
import type { Report } from './tables.js';

export const groupTitle = async (db: Executor, chatRowId: number): Promise<string> =>
  (await db.selectFrom('chats').select('title').where('id', '=', chatRowId).executeTakeFirst())?.title ?? '';

export const reportButtons = (lang: Language, reportId: number, escalate = true): Keyboard => [
  [
    { text: t(lang, 'feedback.btn.handled'), callback_data: feedbackButton.encode({ action: 'rh', id: reportId }) },
    ...(escalate ? [{ text: t(lang, 'feedback.btn.escalate'), callback_data: feedbackButton.encode({ action: 're', id: reportId }) }] : []),
  ],
];

/** The card a liaison gets (note undefined), or the secretary's when it is passed on with a note. */
export function renderReport(lang: Language, report: Report, where: { className: string; groupTitle: string }, note?: string | null): Rendered {
  const params = {
    id: report.id,
    class: where.className,
    group: where.groupTitle,
    link: report.link ?? t(lang, 'report.noLink'),
    author: report.author_name ?? t(lang, 'report.unknownAuthor'),
    reason: report.reasons.trim() || t(lang, 'report.noReason'),
    excerpt: report.excerpt || t(lang, report.author_name === null ? 'report.viaLink' : 'report.nonText'),
  };
  if (note === undefined)
    return { html: `${t(lang, 'report.handoff', params)}\n\n${t(lang, 'report.handoff.forwarded')}`, buttons: reportButtons(lang, report.id) };
  return {
    html: t(lang, 'report.escalated', { ...params, note: note ?? t(lang, 'feedback.toWriter.noNote') }),
    buttons: reportButtons(lang, report.id, false),
  };
}
