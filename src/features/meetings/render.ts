import { html } from '../../i18n/html.js';
import { t } from '../../i18n/i18n.js';
import type { Language } from '../../i18n/language.js';
import type { RecurrenceRule } from '../../scheduler/recurrence.js';
import { formatWeekdayTime, formatWhen, localParts } from '../../shared/when.js';

/** What the messages about a meeting show. */
export interface MeetingView {
  className: string;
  startsAt: Date;
  rule: RecurrenceRule;
  place: string;
  topic: string;
  presentFigures: boolean;
  postToGroup: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The line under the date of a recurring meeting ('' for a one-off). */
export function repeatLine(rule: RecurrenceRule, language: Language): string {
  if (rule.kind !== 'weekly') return '';
  const [weekday, time] = formatWeekdayTime(rule.weekday, rule.time, language).split(' ') as [string, string];
  const day = language === 'zh' ? weekday.replace('周', '') : weekday;
  return t(language, (rule.everyWeeks ?? 1) === 2 ? 'meeting.repeat.fortnightly' : 'meeting.repeat.weekly', { weekday: day, time });
}

export function summary(view: MeetingView, language: Language, timeZone: string): string {
  const yesNo = (v: boolean) => t(language, v ? 'meeting.yes' : 'meeting.no');
  return t(language, 'meeting.summary', {
    class: view.className,
    when: formatWhen(view.startsAt, timeZone, language),
    repeat: html(repeatLine(view.rule, language)),
    place: view.place,
    topic: view.topic,
    figures: yesNo(view.presentFigures),
    group: yesNo(view.postToGroup),
  });
}

export const localTime = (at: Date, timeZone: string) => {
  const l = localParts(at, timeZone);
  return `${pad(l.hour)}:${pad(l.minute)}`;
};

/** 1440 → "24 小时" / "24 h"; 2880 → "2 天"; 30 → "30 分钟". */
export function durationText(minutes: number, language: Language): string {
  if (minutes % 1440 === 0 && minutes > 1440) return t(language, 'meeting.duration.days', { n: minutes / 1440 });
  if (minutes % 60 === 0) return t(language, 'meeting.duration.hours', { n: minutes / 60 });
  return t(language, 'meeting.duration.minutes', { n: minutes });
}
