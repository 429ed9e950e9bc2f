import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { emptyCounts, pipelineCounts, totalOf } from '../../src/features/records/counts.js';
import { quarterOf, termOf } from '../../src/features/records/periods.js';
import type { Stage } from '../../src/features/records/tables.js';
import { openTestDb, type TestDb } from '../support/test-db.js';

// Issue 11: the counts a class announces, from the records (the figures of /stats, the overview and the dashboard).

let t: TestDb;
const now = new Date('2026-12-02T02:00:00Z');

beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t.close());
beforeEach(async () => t.reset());

async function klass(code: string): Promise<number> {
  const branch = await t.db
    .insertInto('branches')
    .values({ name: `支部${code}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (await t.db.insertInto('classes').values({ branch_id: branch.id, name: code, code }).returning('id').executeTakeFirstOrThrow()).id;
}
async function record(classId: number, stage: Stage, extra: { applied_on?: string; party_school_on?: string; archived?: boolean } = {}) {
  const { archived, ...dates } = extra;
  return (
    await t.db
      .insertInto('pipeline_records')
      .values({ class_id: classId, name: '某同学', stage, ...dates, archived_at: archived ? now : null, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

describe('periods', () => {
  it('the autumn term runs from September to January, the spring term from February to August; quarters are calendar quarters', () => {
    expect(termOf('2026-12-02')).toEqual({ start: '2026-09-01', end: '2027-02-01' });
    expect(termOf('2027-01-31')).toEqual({ start: '2026-09-01', end: '2027-02-01' });
    expect(termOf('2027-02-01')).toEqual({ start: '2027-02-01', end: '2027-09-01' });
    expect(termOf('2027-08-31')).toEqual({ start: '2027-02-01', end: '2027-09-01' });
    expect(quarterOf('2026-12-02')).toEqual({ start: '2026-10-01', end: '2027-01-01' });
    expect(quarterOf('2026-01-01')).toEqual({ start: '2026-01-01', end: '2026-04-01' });
    expect(quarterOf('2026-06-30')).toEqual({ start: '2026-04-01', end: '2026-07-01' });
  });
});

describe('pipelineCounts', () => {
  it('counts each class’s stages, this term’s applications, activists at Party school and this quarter’s thought reports; archived records count nowhere', async () => {
    const a = await klass('A');
    const b = await klass('B');
    const empty = await klass('C');
    await record(a, 'applicant', { applied_on: '2026-10-08' });
    await record(a, 'applicant', { applied_on: '2026-03-01' }); // last term
    const activist = await record(a, 'activist', { applied_on: '2025-10-01', party_school_on: '2026-11-20' });
    await record(a, 'activist', { applied_on: '2025-10-01' });
    await record(a, 'development_target');
    await record(a, 'probationary');
    await record(a, 'full_member');
    await record(a, 'applicant', { applied_on: '2026-10-09', archived: true });
    await record(b, 'full_member');
    await t.db
      .insertInto('thought_reports')
      .values([
        { record_id: activist, received_on: '2026-10-01', created_at: now },
        { record_id: activist, received_on: '2026-11-30', created_at: now },
        { record_id: activist, received_on: '2026-09-30', created_at: now }, // last quarter
      ])
      .execute();

    const counts = await pipelineCounts(t.db, [a, b, empty], '2026-12-02');
    expect(counts.get(a)).toEqual({
      applicationsThisTerm: 1,
      thoughtReportsThisQuarter: 2,
      applicants: 2,
      activists: 2,
      activistsAtPartySchool: 1,
      developmentTargets: 1,
      probationary: 1,
      fullMembers: 1,
    });
    expect(counts.get(b)).toEqual({ ...emptyCounts(), fullMembers: 1 });
    expect(counts.get(empty)).toEqual(emptyCounts());
    expect(totalOf(counts.values()).fullMembers).toBe(2);
    expect(await pipelineCounts(t.db, [], '2026-12-02')).toEqual(new Map());
  });

  it('reads dates back as the calendar dates they are, whatever the process’s time zone', async () => {
    const a = await klass('A');
    await record(a, 'applicant', { applied_on: '2026-01-01' });
    expect(await t.db.selectFrom('pipeline_records').select('applied_on').executeTakeFirstOrThrow()).toEqual({ applied_on: '2026-01-01' });
  });
});
