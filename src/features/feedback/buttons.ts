import { z } from 'zod';
import { defineCallback } from '../../dialogue/callback.js';

const buttonSchema = z.object({ action: z.enum(['r', 'm', 'h', 'e', 'p', 's', 'rh', 're']), id: z.number().int().positive() });

/**
 * fb:<action>:<id> — on an item's hand-off: r reply, m mute, h handled, e escalate, p photo; on a
 * message to a writer: s answer back; on a report: rh handled, re escalate. Every press is checked
 * against the caller's classes (a forged id of another class's item is refused).
 */
export const feedbackButton = defineCallback('fb', buttonSchema);
export type FeedbackButton = z.output<typeof buttonSchema>;
