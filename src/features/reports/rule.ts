import { z } from 'zod';
import { t } from '../../i18n/i18n.js';
import type { Language } from '../../i18n/language.js';
import { nextOccurrence, recurrenceRuleSchema } from '../../scheduler/recurrence.js';
import { formatWeekdayTime, formatWhen, localToInstant } from '../../shared/when.js';

/** When a report is due: a recurrence of src/scheduler/recurrence.ts (monthly, weekly / every N weeks, once, cron). */
export const deadlineRuleSchema = recurrenceRuleSchema;
export type DeadlineRule = z.input<typeof deadlineRuleSchema>;

/** The first due time strictly after `after`, or null when the rule has no more (or is not a rule croner reads). */
export function nextDue(rule: DeadlineRule, timeZone: string, after: Date): Date | null {
  const parsed = deadlineRuleSchema.safeParse(rule);
  if (!parsed.success) return null;
  try {
    return nextOccurrence(parsed.data, timeZone, after);
  } catch {
    return null; // croner refuses the expression
  }
}

/** The rule in words: 每月 30 日 18:00, 每周四 18:00, 每 2 周的周五 20:00, 仅一次：…, cron：… */
export function describeRule(input: DeadlineRule, language: Language, timeZone: string): string {
  const parsed = deadlineRuleSchema.safeParse(input);
  if (!parsed.success) return '?';
  const rule = parsed.data;
  switch (rule.kind) {
    case 'monthly':
      return t(language, rule.day >= 29 ? 'deadline.rule.monthlyLast' : 'deadline.rule.monthly', { day: rule.day, time: rule.time });
    case 'weekly': {
      const when = formatWeekdayTime(rule.weekday, rule.time, language);
      return rule.everyWeeks === 1 ? t(language, 'deadline.rule.weekly', { when }) : t(language, 'deadline.rule.weeks', { n: rule.everyWeeks, when });
    }
    case 'once': {
      const [year, month, day] = rule.date.split('-').map(Number) as [number, number, number];
      const [hour, minute] = rule.time.split(':').map(Number) as [number, number];
      return t(language, 'deadline.rule.once', { when: formatWhen(localToInstant(year, month, day, hour, minute, timeZone).at, timeZone, language) });
    }
    case 'cron':
      return t(language, 'deadline.rule.cron', { expression: rule.expression });
  }
}
