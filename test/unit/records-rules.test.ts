import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addYears, parseDate } from '../../src/features/records/dates.js';
import { checkExtension, checkRecordDates, checkStageChange, nextStep, type RecordFacts, type StageDates } from '../../src/features/records/rules.js';

const none: StageDates = { applied_on: null, activist_on: null, target_on: null, probationary_on: null, full_on: null, probation_until: null };
const TODAY = '2026-12-02';
const rules = (breaches: Array<{ rule: string }>) => breaches.map((b) => b.rule);

describe('dates', () => {
  it('adds years and months, a missing day becoming the month’s last', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addMonths('2025-03-31', 1)).toBe('2025-04-30');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
  });

  it('reads the forms people type, and nothing else', () => {
    expect(parseDate('2025-03-01', TODAY)).toBe('2025-03-01');
    expect(parseDate(' 2025/3/1 ', TODAY)).toBe('2025-03-01');
    expect(parseDate('2025.3.1', TODAY)).toBe('2025-03-01');
    expect(parseDate('2025年3月1日', TODAY)).toBe('2025-03-01');
    expect(parseDate('今天', TODAY)).toBe(TODAY);
    expect(parseDate('Today', TODAY)).toBe(TODAY);
    expect(parseDate('2025-02-29', TODAY)).toBeNull();
    expect(parseDate('2024-02-29', TODAY)).toBe('2024-02-29');
    expect(parseDate('2025-13-01', TODAY)).toBeNull();
    expect(parseDate('3月1日', TODAY)).toBeNull();
    expect(parseDate('yesterday', TODAY)).toBeNull();
    expect(parseDate('', TODAY)).toBeNull();
  });
});

describe('stage changes', () => {
  const activist = { ...none, stage: 'activist' as const, applied_on: '2024-09-10', activist_on: '2025-03-01' };

  it('lists an activist as a development target only after more than a year of training', () => {
    // exactly one year is not "more than a year"
    expect(checkStageChange(activist, 'development_target', '2026-03-01', TODAY)).toEqual([
      { rule: 'activist_training', exceptable: true, earliest: '2026-03-02' },
    ]);
    expect(checkStageChange(activist, 'development_target', '2026-03-02', TODAY)).toEqual([]);
  });

  it('counts a year from 29 February to 28 February, so the day after that is the first allowed', () => {
    const leap = { ...activist, applied_on: '2023-12-01', activist_on: '2024-02-29' };
    expect(rules(checkStageChange(leap, 'development_target', '2025-02-28', TODAY))).toEqual(['activist_training']);
    expect(checkStageChange(leap, 'development_target', '2025-03-01', TODAY)).toEqual([]);
  });

  it('keeps the order one step at a time', () => {
    expect(rules(checkStageChange(activist, 'probationary', '2026-06-01', TODAY))).toContain('order');
    expect(rules(checkStageChange({ ...activist, stage: 'development_target', target_on: '2026-04-01' }, 'activist', '2026-05-01', TODAY))).toContain('order');
    expect(rules(checkStageChange({ ...activist, stage: 'full_member' }, 'full_member', '2026-05-01', TODAY))).toContain('order');
  });

  it('refuses dates in the future, before the application or before the stage before', () => {
    expect(rules(checkStageChange(activist, 'development_target', '2026-12-03', TODAY))).toEqual(['future_date']);
    const applicant = { ...none, stage: 'applicant' as const, applied_on: '2025-09-10' };
    expect(checkStageChange(applicant, 'activist', '2025-09-09', TODAY)).toEqual([{ rule: 'before_application', exceptable: false }]);
    expect(checkStageChange(applicant, 'activist', '2025-09-10', TODAY)).toEqual([]);
    const target = { ...activist, stage: 'development_target' as const, target_on: '2026-04-01' };
    expect(rules(checkStageChange(target, 'probationary', '2026-03-31', TODAY))).toEqual(['before_previous']);
    expect(checkStageChange(target, 'probationary', '2026-04-01', TODAY)).toEqual([]);
  });

  it('asks for the earlier stage’s date when it is missing', () => {
    expect(rules(checkStageChange({ ...activist, activist_on: null }, 'development_target', '2026-04-01', TODAY))).toEqual(['missing_date']);
  });

  it('lets probation end a year after the branch meeting’s resolution, or at the extension’s end', () => {
    const probationary = { ...activist, stage: 'probationary' as const, target_on: '2026-04-01', probationary_on: '2025-06-15' };
    expect(checkStageChange(probationary, 'full_member', '2026-06-14', '2026-12-02')).toEqual([
      { rule: 'probation_year', exceptable: true, earliest: '2026-06-15' },
    ]);
    expect(checkStageChange(probationary, 'full_member', '2026-06-15', TODAY)).toEqual([]);
    const extended = { ...probationary, probation_until: '2026-12-15' };
    expect(rules(checkStageChange(extended, 'full_member', '2026-11-30', TODAY))).toEqual(['probation_year']);
  });
});

describe('probation extensions', () => {
  it('are half a year to a year long', () => {
    const p = { probationary_on: '2025-06-15' };
    expect(rules(checkExtension(p, '2026-12-14'))).toEqual(['extension_min']);
    expect(checkExtension(p, '2026-12-15')).toEqual([]);
    expect(checkExtension(p, '2027-06-15')).toEqual([]);
    expect(rules(checkExtension(p, '2027-06-16'))).toEqual(['extension_max']);
    expect(rules(checkExtension({ probationary_on: null }, '2027-01-01'))).toEqual(['missing_date']);
  });

  it('count from a leap day like any other', () => {
    const p = { probationary_on: '2024-02-29' };
    expect(checkExtension(p, '2026-02-28')).toEqual([]);
    expect(rules(checkExtension(p, '2026-03-01'))).toEqual(['extension_max']);
  });
});

describe('a whole record as entered', () => {
  it('needs each stage’s date in order, and keeps the minimum periods', () => {
    expect(rules(checkRecordDates({ ...none, applied_on: '2025-01-01' }, 'activist', TODAY))).toEqual(['missing_date']);
    expect(checkRecordDates({ ...none, applied_on: '2024-01-01', activist_on: '2024-06-01', target_on: '2025-06-02' }, 'development_target', TODAY)).toEqual(
      [],
    );
    expect(
      rules(checkRecordDates({ ...none, applied_on: '2024-01-01', activist_on: '2024-06-01', target_on: '2025-06-01' }, 'development_target', TODAY)),
    ).toEqual(['activist_training']);
    expect(rules(checkRecordDates({ ...none, applied_on: '2027-01-01' }, 'applicant', TODAY))).toEqual(['future_date']);
    expect(rules(checkRecordDates({ ...none, applied_on: '2025-01-01', activist_on: '2024-12-31' }, 'activist', TODAY))).toEqual(['before_application']);
  });

  it('refuses a date of a stage not reached yet', () => {
    expect(checkRecordDates({ ...none, applied_on: '2025-01-01', target_on: '2025-06-01' }, 'applicant', TODAY)).toEqual([
      { rule: 'later_date', exceptable: false, field: 'target_on' },
    ]);
  });

  it('for an import, skips the minimum periods and needs only the stage’s own date, each date against the nearest earlier one given', () => {
    const imported = { periods: false, earlierDates: 'optional' } as const;
    // no activist date, a target date less than a year after nothing: fine without the periods
    expect(checkRecordDates({ ...none, applied_on: '2025-01-01', target_on: '2025-02-01' }, 'development_target', TODAY, imported)).toEqual([]);
    expect(
      checkRecordDates({ ...none, applied_on: '2024-01-01', activist_on: '2024-06-01', target_on: '2024-07-01' }, 'development_target', TODAY, imported),
    ).toEqual([]);
    expect(checkRecordDates({ ...none, applied_on: '2025-01-01' }, 'activist', TODAY, imported)).toEqual([
      { rule: 'missing_date', exceptable: false, field: 'activist_on' },
    ]);
    // the activist date missing: the target date is checked against the application's
    expect(checkRecordDates({ ...none, applied_on: '2025-06-01', target_on: '2025-03-01' }, 'development_target', TODAY, imported)).toEqual([
      { rule: 'before_application', exceptable: false, field: 'target_on', against: 'applied_on' },
    ]);
    // every date's breaches, each naming the date it is compared with
    expect(
      checkRecordDates(
        { ...none, applied_on: '2025-01-01', activist_on: '2025-06-01', target_on: '2025-03-01', probationary_on: '2025-02-01' },
        'probationary',
        TODAY,
        imported,
      ),
    ).toEqual([
      { rule: 'before_previous', exceptable: false, earliest: '2025-06-01', field: 'target_on', against: 'activist_on' },
      { rule: 'before_previous', exceptable: false, earliest: '2025-03-01', field: 'probationary_on', against: 'target_on' },
    ]);
    expect(rules(checkRecordDates({ ...none, applied_on: '2025-01-01', activist_on: '2025-02-01' }, 'applicant', TODAY, imported))).toEqual(['later_date']);
    // the same record as entered in the chat: the missing activist date and the training period count
    expect(rules(checkRecordDates({ ...none, applied_on: '2025-01-01', target_on: '2025-02-01' }, 'development_target', TODAY))).toEqual(['missing_date']);
    expect(
      rules(
        checkRecordDates({ ...none, applied_on: '2024-01-01', activist_on: '2024-06-01', target_on: '2024-07-01' }, 'development_target', TODAY, {
          periods: true,
        }),
      ),
    ).toEqual(['activist_training']);
  });
});

describe('the next step', () => {
  const base: RecordFacts = {
    ...none,
    stage: 'activist',
    applied_on: '2025-09-10',
    activist_on: '2026-03-01',
    league_recommended_on: '2026-02-20',
    party_school_on: null,
    party_school_result: null,
    contact_a: '李老师',
    contact_b: null,
    thoughtReports: ['2026-09-30'],
  };

  it('gives the earliest date and what is missing', () => {
    expect(nextStep(base, TODAY)).toEqual({
      stage: 'activist',
      next: 'development_target',
      earliest: '2027-03-02',
      rule: 'activist_training',
      missing: ['party_school', 'contacts', 'thought_report_this_quarter'],
      ready: false,
    });
  });

  it('is ready once the period is over and nothing is missing', () => {
    const done = {
      ...base,
      activist_on: '2025-10-01',
      party_school_on: '2026-05-01',
      party_school_result: 'passed' as const,
      contact_b: '王同学',
      thoughtReports: ['2026-10-08'],
    };
    expect(nextStep(done, TODAY)).toMatchObject({ earliest: '2026-10-02', missing: [], ready: true });
    expect(nextStep({ ...done, party_school_result: 'failed' }, TODAY).missing).toEqual(['party_school']);
  });

  it('counts probation from the resolution, and has nothing after full membership', () => {
    const probationary = { ...base, stage: 'probationary' as const, target_on: '2026-03-05', probationary_on: '2026-06-01', thoughtReports: ['2026-12-01'] };
    expect(nextStep(probationary, TODAY)).toMatchObject({ next: 'full_member', earliest: '2027-06-01', rule: 'probation_year', missing: [], ready: false });
    expect(nextStep({ ...probationary, stage: 'full_member', full_on: '2027-06-01' }, '2027-07-01')).toMatchObject({
      next: null,
      earliest: null,
      ready: false,
    });
  });

  it('asks an applicant for the League recommendation', () => {
    const applicant = { ...base, stage: 'applicant' as const, activist_on: null, league_recommended_on: null, thoughtReports: [] };
    expect(nextStep(applicant, TODAY)).toMatchObject({ next: 'activist', earliest: '2025-09-10', missing: ['league_recommendation'] });
  });
});
