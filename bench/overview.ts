/**
 * `npm run bench:overview` — the secretary's overview on a branch of 300 classes and 15,000 people in
 * the pipeline (issue 11), with the rows the overview reads filled in as a real term would: liaisons
 * (some unreachable), bound groups, notices delivered and acknowledged, report occurrences (some late,
 * some missing), meetings with occurrences and answers, open FAQ questions, feedback, thought reports.
 *
 *   rows     classOverviewRows for the whole branch (the data of /overview and of the file);
 *   xlsx     the whole export: rows, the sheet and the xlsx written (the download button, `cli overview`).
 *
 * Target: each under 1 s on PostgreSQL (median of the timed runs). PGlite is timed too, for reference.
 * Environment: BENCH_DATABASE_URL / TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test when
 * it answers; BENCH_DATABASE_URL=none to skip), BENCH_CLASSES (300), BENCH_PEOPLE (15000), BENCH_RUNS (7).
 * Results: bench/results/overview.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { migrateToLatest } from '../src/db/migrate.js';
import type { Db } from '../src/db/schema.js';
import { classOverviewRows } from '../src/features/overview/rows.js';
import { overviewFile } from '../src/features/overview/service.js';
import { stages } from '../src/features/records/tables.js';
import { translator } from '../src/i18n/i18n.js';
import { createBenchSchema, openBench, postgresAnswers, type BenchTarget } from './support/broadcast-db.js';

const here = dirname(fileURLToPath(import.meta.url));
const RESULTS = join(here, 'results', 'overview.json');
const CLASSES = Number(process.env.BENCH_CLASSES ?? 300);
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 15_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const TARGET_MS = 1000;
const WARM_UP = 3;
const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';
const TZ = 'Asia/Shanghai';
const NOW = new Date('2026-12-02T02:00:00Z');
const TODAY = '2026-12-02';
const DAY = 86_400_000;

async function insertMany<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>, size = 1000) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** A deterministic pseudo-random sequence (the same branch on every run). */
function random(seed: number) {
  let x = seed;
  return () => (x = (x * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
}

async function seed(db: Db): Promise<number> {
  const rnd = random(42);
  const branch = await db.insertInto('branches').values({ name: '基准支部' }).returning('id').executeTakeFirstOrThrow();
  const classes = await db
    .insertInto('classes')
    .values(
      Array.from({ length: CLASSES }, (_, i) => ({
        branch_id: branch.id,
        name: `班级${String(i).padStart(3, '0')}`,
        code: `B${i}`,
        tags: [`${2021 + (i % 4)}级`],
      })),
    )
    .returning('id')
    .execute();
  const classIds = classes.map((c) => c.id);

  // two liaisons a class (every 10th class one), some who never pressed Start
  const liaisonRows = classIds.flatMap((id, i) => (i % 10 === 0 ? [id] : [id, id]));
  const people = await db
    .insertInto('people')
    .values(liaisonRows.map((_, i) => ({ telegram_user_id: 10_000 + i, first_name: `联络员${i}`, language: 'zh' as const })))
    .returning(['id', 'telegram_user_id'])
    .execute();
  await db
    .insertInto('role_assignments')
    .values(people.map((p, i) => ({ person_id: p.id, role: 'liaison' as const, branch_id: branch.id, class_id: liaisonRows[i]! })))
    .execute();
  await insertMany(
    people.filter((_, i) => i % 7 !== 0),
    (chunk) =>
      db
        .insertInto('chats')
        .values(chunk.map((p, i) => ({ telegram_chat_id: p.telegram_user_id, type: 'private', title: '', active: i % 13 !== 0 })))
        .execute(),
  );
  const groups = await db
    .insertInto('chats')
    .values(classIds.map((id, i) => ({ telegram_chat_id: -100_000 - i, type: 'supergroup', title: `群${i}`, class_id: id, active: i % 20 !== 0 })))
    .returning(['id', 'class_id'])
    .execute();

  // 20 notices, each delivered to every class, acknowledged by a few
  const members = people.slice(0, 40);
  for (let n = 0; n < 20; n++) {
    const notice = await db
      .insertInto('notices')
      .values({
        branch_id: branch.id,
        author_id: null,
        kind: 'text',
        text: `通知 ${n}`,
        file_id: null,
        ask_ack: n % 2 === 0,
        send_at: new Date(NOW.getTime() - n * 2 * DAY),
        nudge_at: null,
        created_at: NOW,
        retracted_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const deliveries = await db
      .insertInto('deliveries')
      .values(
        groups.map((g) => ({
          notice_id: notice.id,
          class_id: g.class_id!,
          chat_id: g.id,
          state: 'sent' as const,
          telegram_message_id: n + 1,
          failure: null,
          sent_at: new Date(NOW.getTime() - n * 2 * DAY),
        })),
      )
      .returning('id')
      .execute();
    const acks = deliveries.flatMap((d) => members.slice(0, Math.floor(rnd() * 6)).map((m) => ({ delivery_id: d.id, person_id: m.id, acknowledged_at: NOW })));
    await insertMany(acks, (chunk) => db.insertInto('acknowledgements').values(chunk).execute());
  }
  await insertMany(
    classIds.flatMap((id) => members.slice(0, 30).map((m) => ({ person_id: m.id, class_id: id, last_seen: NOW }))),
    (chunk) => db.insertInto('class_members_seen').values(chunk).execute(),
  );

  // six monthly report occurrences; each class submitted most of them, some late, some missing
  const deadline = await db
    .insertInto('report_deadlines')
    .values({
      branch_id: branch.id,
      name: '月报',
      rule: {},
      tag: null,
      created_by: null,
      created_at: NOW,
      stopped_at: null,
      opened_due_at: null,
      next_due_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (let m = 0; m < 6; m++) {
    const occurrence = await db
      .insertInto('report_occurrences')
      .values({
        deadline_id: deadline.id,
        due_at: new Date(NOW.getTime() - (m * 30 - 20) * DAY),
        period: `2026-${String(12 - m).padStart(2, '0')}`,
        opened_at: NOW,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('class_reports')
      .values(
        classIds.map((id) => {
          const r = rnd();
          return {
            occurrence_id: occurrence.id,
            class_id: id,
            state: r < 0.15 ? ('open' as const) : ('submitted' as const),
            late: r > 0.8,
            highlights: '亮点',
            submitted_at: r < 0.15 ? null : NOW,
          };
        }),
      )
      .execute();
  }

  // a weekly meeting a class, eight occurrences materialised, some answered
  const meetings = await db
    .insertInto('meetings')
    .values(
      classIds.map((id) => ({
        branch_id: branch.id,
        class_id: id,
        created_by: null,
        rule: '{}',
        place: '教室',
        topic: '班会',
        present_figures: true,
        post_to_group: false,
        state: 'active' as const,
        materialised_until: null,
        created_at: NOW,
        updated_at: NOW,
      })),
    )
    .returning(['id', 'class_id'])
    .execute();
  const occurrences = meetings.flatMap((m) =>
    Array.from({ length: 8 }, (_, k) => ({
      meeting_id: m.id,
      starts_at: new Date(NOW.getTime() + (k - 3) * 7 * DAY),
      revision: 1,
      plan: '[]',
      next_due_at: null,
    })),
  );
  const occurrenceRows: Array<{ id: number; meeting_id: number }> = [];
  await insertMany(occurrences, async (chunk) =>
    occurrenceRows.push(...(await db.insertInto('meeting_occurrences').values(chunk).returning(['id', 'meeting_id']).execute())),
  );
  const liaisonOf = new Map(people.map((p, i) => [liaisonRows[i]!, p.id]));
  const classOfMeeting = new Map(meetings.map((m) => [m.id, m.class_id]));
  await insertMany(
    occurrenceRows
      .filter(() => rnd() < 0.5)
      .map((o) => ({ occurrence_id: o.id, person_id: liaisonOf.get(classOfMeeting.get(o.meeting_id)!)!, answer: 'yes' as const, answered_at: NOW })),
    (chunk) => db.insertInto('meeting_attendance').values(chunk).execute(),
  );

  // two questions a class waiting in the inbox, two feedback items (one open)
  const asker = people[0]!.id;
  const questions = await db
    .insertInto('faq_questions')
    .values(
      classIds.flatMap((id, i) =>
        [0, 1].map((k) => ({
          asker_id: asker,
          chat_id: groups[i]!.id,
          message_id: k + 1,
          class_id: id,
          branch_id: branch.id,
          question: '问题',
          status: 'routed' as const,
          created_at: NOW,
          updated_at: NOW,
        })),
      ),
    )
    .returning(['id', 'class_id'])
    .execute();
  await db
    .insertInto('inbox_items')
    .values(
      questions.map((q, i) => ({
        kind: 'faq_question',
        client_ref: q.id,
        class_id: q.class_id,
        branch_id: branch.id,
        anonymous: false,
        asker_id: asker,
        state: i % 3 === 0 ? ('closed' as const) : ('open' as const),
        routing: 'routed' as const,
        created_at: NOW,
        updated_at: NOW,
      })),
    )
    .execute();
  await db
    .insertInto('feedback_items')
    .values(
      classIds.flatMap((id) =>
        (['open', 'handled'] as const).map((status) => ({
          class_id: id,
          branch_id: branch.id,
          category: 'study' as const,
          body: '建议',
          photo_file_id: null,
          allow_reply: false,
          status,
          note: null,
          handled_by: null,
          batch_at: NOW,
          handled_at: null,
        })),
      ),
    )
    .execute();

  // the pipeline: 50 people a class over the stages, thought reports over the year
  const records = Array.from({ length: PEOPLE }, (_, i) => {
    const stage = stages[Math.min(stages.length - 1, Math.floor(rnd() * stages.length))]!;
    const day = (offset: number) => new Date(NOW.getTime() - offset * DAY).toISOString().slice(0, 10);
    return {
      class_id: classIds[i % CLASSES]!,
      name: `同学${i}`,
      stage,
      applied_on: day(30 + Math.floor(rnd() * 700)),
      activist_on: stage === 'applicant' ? null : day(Math.floor(rnd() * 600)),
      party_school_on: stage !== 'applicant' && rnd() < 0.5 ? day(Math.floor(rnd() * 300)) : null,
      probationary_on: stage === 'probationary' ? day(Math.floor(rnd() * 360)) : null,
      created_at: NOW,
      updated_at: NOW,
    };
  });
  const recordIds: number[] = [];
  await insertMany(records, async (chunk) =>
    recordIds.push(...(await db.insertInto('pipeline_records').values(chunk).returning('id').execute()).map((r) => r.id)),
  );
  const reports = recordIds.flatMap((id) =>
    rnd() < 0.6
      ? [0, 1, 2].map((k) => ({
          record_id: id,
          received_on: new Date(NOW.getTime() - (k * 90 + Math.floor(rnd() * 80)) * DAY).toISOString().slice(0, 10),
          created_at: NOW,
        }))
      : [],
  );
  await insertMany(reports, (chunk) => db.insertInto('thought_reports').values(chunk).execute());
  await sql`analyze`.execute(db);
  return branch.id;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function time(runs: number, f: () => Promise<unknown>): Promise<{ medianMs: number; maxMs: number }> {
  for (let i = 0; i < WARM_UP; i++) await f(); // exceljs and the query plans warm up over the first calls
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await f();
    ms.push(performance.now() - start);
  }
  return { medianMs: Math.round(median(ms) * 10) / 10, maxMs: Math.round(Math.max(...ms) * 10) / 10 };
}

interface Result {
  database: string;
  classes: number;
  people: number;
  rows: { medianMs: number; maxMs: number };
  xlsx: { medianMs: number; maxMs: number; bytes: number };
}

async function run(target: BenchTarget, label: string): Promise<Result> {
  const db = await openBench(target);
  try {
    await migrateToLatest(db);
    const seeding = performance.now();
    const branchId = await seed(db);
    console.error(`${label}: seeded in ${Math.round(performance.now() - seeding)} ms`);
    const overview = () => classOverviewRows(db, { branchId }, TODAY, NOW);
    const check = await overview();
    if (
      check.rows.length !== CLASSES ||
      check.total.counts.applicants +
        check.total.counts.activists +
        check.total.counts.developmentTargets +
        check.total.counts.probationary +
        check.total.counts.fullMembers !==
        PEOPLE
    )
      throw new Error('the overview does not cover the branch');
    let bytes = 0;
    const rows = await time(RUNS, overview);
    const xlsx = await time(RUNS, async () => {
      const file = await overviewFile(translator('zh'), await overview(), '基准支部', 'xlsx', TZ, TODAY);
      bytes = file.file.length;
    });
    return { database: label, classes: CLASSES, people: PEOPLE, rows, xlsx: { ...xlsx, bytes } };
  } finally {
    await db.destroy();
  }
}

async function main() {
  const results: Result[] = [];
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? DEFAULT_PG_URL;
  if (url !== 'none' && (await postgresAnswers(url))) {
    const schema = await createBenchSchema(url);
    try {
      results.push(await run({ kind: 'postgres', url, schema: schema.schema }, 'postgres'));
    } finally {
      await schema.drop();
    }
  } else console.error(`PostgreSQL not reachable at ${url}: timing PGlite only`);
  results.push(await run({ kind: 'pglite' }, 'pglite'));

  console.log('database   classes  people   rows median/max (ms)   xlsx median/max (ms)   target');
  for (const r of results) {
    const ok = r.rows.medianMs < TARGET_MS && r.xlsx.medianMs < TARGET_MS ? 'ok' : 'MISSED';
    console.log(
      `${r.database.padEnd(10)} ${String(r.classes).padEnd(8)} ${String(r.people).padEnd(8)} ${`${r.rows.medianMs} / ${r.rows.maxMs}`.padEnd(22)} ${`${r.xlsx.medianMs} / ${r.xlsx.maxMs}`.padEnd(22)} ${r.database === 'postgres' ? ok : `(${ok})`}`,
    );
  }
  mkdirSync(dirname(RESULTS), { recursive: true });
  writeFileSync(
    RESULTS,
    `${JSON.stringify({ date: new Date().toISOString(), targetMs: TARGET_MS, warmUp: WARM_UP, runs: RUNS, cpus: cpus().length, loadAverage: loadavg()[0], results }, null, 2)}\n`,
  );
  const postgres = results.find((r) => r.database === 'postgres');
  if (postgres && (postgres.rows.medianMs >= TARGET_MS || postgres.xlsx.medianMs >= TARGET_MS)) process.exitCode = 1;
}

await main();
