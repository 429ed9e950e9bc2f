import { z } from 'zod';
import { nextOccurrence, recurrenceRuleSchema } from '../../scheduler/recurrence.js';

/** When a report is due: a recurrence of src/scheduler/recurrence.ts. */
export const deadlineRuleSchema = recurrenceRuleSchema;
export type DeadlineRule = z.input<typeof deadlineRuleSchema>;

/** The first due time strictly after `after`, or null when the rule has no more (or is not a rule). */
export function nextDue(rule: DeadlineRule, timeZone: string, after: Date): Date | null {
  const parsed = deadlineRuleSchema.safeParse(rule);
  return parsed.success ? nextOccurrence(parsed.data, timeZone, after) : null;
}
