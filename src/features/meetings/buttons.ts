import { z } from 'zod';
import { defineCallback } from '../../dialogue/callback.js';
import { t } from '../../i18n/i18n.js';
import type { Language } from '../../i18n/language.js';
import type { Keyboard } from '../../outbox/messages.js';

/** Under a reminder: `mta:y:<occurrence>` (I will attend) / `mta:n:<occurrence>` (cannot go — ask the other liaison). */
export const attendanceButton = defineCallback('mta', z.object({ action: z.enum(['y', 'n']), occurrence: z.number().int().positive() }));

/** Under /meetings: `mtm:e:<meeting>` edit, `mtm:c:<meeting>` ask to cancel, `mtm:cc:<meeting>` cancel. */
export const manageButton = defineCallback('mtm', z.object({ action: z.enum(['e', 'c', 'cc']), meeting: z.number().int().positive() }));

export function attendanceKeyboard(occurrenceId: number, language: Language): Keyboard {
  return [
    [{ text: t(language, 'meeting.btn.attend'), callback_data: attendanceButton.encode({ action: 'y', occurrence: occurrenceId }) }],
    [{ text: t(language, 'meeting.btn.decline'), callback_data: attendanceButton.encode({ action: 'n', occurrence: occurrenceId }) }],
  ];
}
