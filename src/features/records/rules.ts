import { addDays, addMonths, addYears } from './dates.js';
import { quarterOf } from './periods.js';
import { stages, type DateString, type PipelineRecord, type Stage } from './tables.js';

/*
 * The membership pipeline's rules, from 《中国共产党发展党员工作细则》(2014):
 * - the stages follow each other one at a time: 申请人 → 入党积极分子 → 发展对象 → 预备党员 → 正式党员;
 * - 第十三条: an activist is listed as a development target after 一年以上 (more than a year of) training;
 * - 第三十二条: probation is a year from the branch meeting's resolution (probationary_on); it may be
 *   extended once, by at least half a year and at most a year (probation_until: the day it now ends);
 * - no stage date lies in the future or before the application letter, nor before the stage before it.
 * Pure functions: the caller passes today's date in the branch's time zone.
 */

/** A rule a date or a step breaks; `exceptable` ones the branch secretary may confirm as an exception. */
export type RuleId =
  | 'order'
  | 'future_date'
  | 'before_application'
  | 'before_previous'
  | 'missing_date'
  | 'later_date'
  | 'activist_training'
  | 'probation_year'
  | 'extension_min'
  | 'extension_max';

export interface Breach {
  rule: RuleId;
  /** Only the minimum periods may be waived, by the branch secretary, with a reason. */
  exceptable: boolean;
  /** The earliest date the rule allows, where there is one. */
  earliest?: DateString;
  /** From checkRecordDates: the stage date the breach is about. */
  field?: StageDateField;
  /** From checkRecordDates, for before_application and before_previous: the earlier stage's date it is compared with. */
  against?: StageDateField;
}

/** The dates of a record the rules read. */
export type StageDates = Pick<PipelineRecord, 'applied_on' | 'activist_on' | 'target_on' | 'probationary_on' | 'full_on' | 'probation_until'>;

export type StageDateField = Exclude<keyof StageDates, 'probation_until'>;

export const stageDateField: Record<Stage, StageDateField> = {
  applicant: 'applied_on',
  activist: 'activist_on',
  development_target: 'target_on',
  probationary: 'probationary_on',
  full_member: 'full_on',
};

export function nextStageOf(stage: Stage): Stage | null {
  return stages[stages.indexOf(stage) + 1] ?? null;
}

export function previousStageOf(stage: Stage): Stage | null {
  const index = stages.indexOf(stage);
  return index > 0 ? stages[index - 1]! : null;
}

/** The day probation ends and full membership may be resolved: the extension's end, or a year after the resolution. */
export function probationEnd(dates: Pick<StageDates, 'probationary_on' | 'probation_until'>): DateString | null {
  if (dates.probation_until) return dates.probation_until;
  return dates.probationary_on ? addYears(dates.probationary_on, 1) : null;
}

/** The earliest date the rules allow `to` to be reached from the stage before it (null: the earlier date is missing). */
export function earliestFor(dates: StageDates, to: Stage): { date: DateString | null; rule: RuleId | null } {
  switch (to) {
    case 'applicant':
      return { date: null, rule: null };
    case 'activist':
      return { date: dates.applied_on, rule: null };
    case 'development_target':
      // "一年以上": strictly more than a year, so the day after the anniversary.
      return { date: dates.activist_on ? addDays(addYears(dates.activist_on, 1), 1) : null, rule: 'activist_training' };
    case 'probationary':
      return { date: dates.target_on, rule: null };
    case 'full_member':
      return { date: probationEnd(dates), rule: 'probation_year' };
  }
}

/** What reaching `to` on `date` breaks, given the dates of the stages before it. */
export function checkTransition(dates: StageDates, to: Stage, date: DateString, today: DateString): Breach[] {
  return transitionBreaches(dates, to, date, today, previousStageOf(to), true);
}

/** The rules of reaching `to` on `date`, its order checked against `previous`'s date (a missing one is a breach). */
function transitionBreaches(dates: StageDates, to: Stage, date: DateString, today: DateString, previous: Stage | null, periods: boolean): Breach[] {
  const breaches: Breach[] = [];
  if (date > today) breaches.push({ rule: 'future_date', exceptable: false });
  if (to !== 'applicant' && dates.applied_on && date < dates.applied_on) breaches.push({ rule: 'before_application', exceptable: false });
  if (previous === null) return breaches;
  const previousDate = dates[stageDateField[previous]];
  if (!previousDate) return [...breaches, { rule: 'missing_date', exceptable: false }];
  if (date < previousDate && previous !== 'applicant') breaches.push({ rule: 'before_previous', exceptable: false, earliest: previousDate });
  if (!periods) return breaches;
  const { date: earliest, rule } = earliestFor(dates, to);
  if (rule && earliest && date < earliest) breaches.push({ rule, exceptable: true, earliest });
  return breaches;
}

/** A step from the record's stage to `to` on `date`: one stage forward only, and the transition's rules. */
export function checkStageChange(record: StageDates & { stage: Stage }, to: Stage, date: DateString, today: DateString): Breach[] {
  const order: Breach[] = nextStageOf(record.stage) === to ? [] : [{ rule: 'order', exceptable: false }];
  return [...order, ...checkTransition(record, to, date, today)];
}

/** How much of a whole record checkRecordDates asks for. */
export interface RecordDateChecks {
  /** The minimum periods (activist training, the probation year); an import of records kept elsewhere skips them. Default true. */
  periods?: boolean;
  /**
   * 'required' (default): every stage up to the record's has its date, and the first breach of each rule is reported.
   * 'optional': only the record's own stage needs its date; each date given is checked against the nearest earlier one
   * given, and every date's breaches are reported (each with its `field`).
   */
  earlierDates?: 'required' | 'optional';
}

/** A whole record as entered (a new person, an import): each stage up to `stage` has its date, none after it, and every step keeps the rules. */
export function checkRecordDates(dates: StageDates, stage: Stage, today: DateString, checks: RecordDateChecks = {}): Breach[] {
  const { periods = true, earlierDates = 'required' } = checks;
  const breaches: Breach[] = [];
  let previous: Stage | null = null;
  for (const s of stages.slice(0, stages.indexOf(stage) + 1)) {
    const field = stageDateField[s];
    const date = dates[field];
    if (!date) {
      if (earlierDates === 'optional' && s !== stage) continue;
      breaches.push({ rule: 'missing_date', exceptable: false, field });
      break;
    }
    // with every earlier date required, the nearest one given is the stage just before
    const before = previous;
    const located = (b: Breach): Breach =>
      b.rule === 'before_application'
        ? { ...b, field, against: 'applied_on' }
        : b.rule === 'before_previous' && before
          ? { ...b, field, against: stageDateField[before] }
          : { ...b, field };
    breaches.push(...transitionBreaches(dates, s, date, today, before, periods).map(located));
    previous = s;
  }
  for (const s of stages.slice(stages.indexOf(stage) + 1)) {
    if (dates[stageDateField[s]]) breaches.push({ rule: 'later_date', exceptable: false, field: stageDateField[s] });
  }
  if (dates.probation_until) breaches.push(...checkExtension(dates, dates.probation_until));
  return earlierDates === 'optional' ? breaches : dedupe(breaches);
}

/** An extended probation ends half a year to a year after the first year (第三十二条). */
export function checkExtension(dates: Pick<StageDates, 'probationary_on'>, until: DateString): Breach[] {
  if (!dates.probationary_on) return [{ rule: 'missing_date', exceptable: false }];
  const yearEnd = addYears(dates.probationary_on, 1);
  if (until < addMonths(yearEnd, 6)) return [{ rule: 'extension_min', exceptable: false, earliest: addMonths(yearEnd, 6) }];
  if (until > addYears(yearEnd, 1)) return [{ rule: 'extension_max', exceptable: false }];
  return [];
}

function dedupe(breaches: Breach[]): Breach[] {
  return breaches.filter((b, i) => breaches.findIndex((o) => o.rule === b.rule) === i);
}

/** Something still to do before the next step. */
export type Missing = 'stage_date' | 'league_recommendation' | 'party_school' | 'contacts' | 'thought_report_this_quarter';

export interface RecordFacts
  extends StageDates, Pick<PipelineRecord, 'stage' | 'league_recommended_on' | 'party_school_on' | 'party_school_result' | 'contact_a' | 'contact_b'> {
  /** The dates thought reports were received. */
  thoughtReports: readonly DateString[];
}

export interface NextStep {
  stage: Stage;
  /** null: a full member, nothing further. */
  next: Stage | null;
  /** The earliest date the rules allow the next step (null when unknown: a date is missing, or no next step). */
  earliest: DateString | null;
  /** The rule that sets `earliest`, when a minimum period does. */
  rule: RuleId | null;
  missing: Missing[];
  /** Nothing missing and the earliest date reached. */
  ready: boolean;
}

const reportingStages = new Set<Stage>(['activist', 'development_target', 'probationary']);

/**
 * For one record: the next stage, the earliest date the rules allow it, and what is still missing
 * (as of `today`): used by /my_progress and by the weekly timeliness alerts.
 */
export function nextStep(record: RecordFacts, today: DateString): NextStep {
  const next = nextStageOf(record.stage);
  if (next === null) return { stage: record.stage, next, earliest: null, rule: null, missing: [], ready: false };
  const missing: Missing[] = [];
  if (!record[stageDateField[record.stage]]) missing.push('stage_date');
  if (record.stage === 'applicant' && !record.league_recommended_on) missing.push('league_recommendation');
  if (record.stage === 'activist') {
    if (!record.party_school_on || record.party_school_result === 'failed') missing.push('party_school');
    if (!record.contact_a || !record.contact_b) missing.push('contacts');
  }
  if (reportingStages.has(record.stage)) {
    const quarter = quarterOf(today);
    if (!record.thoughtReports.some((d) => d >= quarter.start && d < quarter.end)) missing.push('thought_report_this_quarter');
  }
  const { date, rule } = earliestFor(record, next);
  const ready = missing.length === 0 && date !== null && date <= today;
  return { stage: record.stage, next, earliest: date, rule: date ? rule : null, missing, ready };
}
