import { t } from '../../i18n/i18n.js';
import type { Language } from '../../i18n/language.js';
import type { Keyboard } from '../../outbox/messages.js';
import { feedbackButton } from './buttons.js';

/** Under a message to a writer: answer back (checked against the sealed way back when pressed). */
export const threadButton = (lang: Language, feedbackId: number): Keyboard => [
  [{ text: t(lang, 'feedback.btn.replyBack'), callback_data: feedbackButton.encode({ action: 's', id: feedbackId }) }],
];
