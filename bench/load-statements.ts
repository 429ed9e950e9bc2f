/**
 * `npm run bench:load-statements` — the SQL statements the app sends per update of each kind of
 * bench:load's traffic (/ask in a group, /liaisons, a press of a notice's ack button), counted on the
 * app's own database handle (test/support/statement-log.ts: each query, plus begin and commit of each
 * transaction). Updates go one at a time, each after the last is handled and its bookkeeping is done;
 * the first of each kind from a user and a repeat are both counted (median of BENCH_STATEMENT_UPDATES, 20). A count does not depend on the
 * machine's load, so it is the measure the latency of bench:load follows from. BENCH_DATABASES,
 * BENCH_DATABASE_URL / TEST_DATABASE_URL as for bench:load; BENCH_SQL=1 prints the statements of one
 * update per kind.
 */
import type { KyselyPlugin } from 'kysely';
import type { Db } from '../src/db/schema.js';
import { statementLog, type StatementLog } from '../test/support/statement-log.js';
import { benchPostgresUrl, buildWorld, pushBenchUpdate, type BenchKind, type DatabaseKind, type LoadWorld } from './support/load-setup.js';

const PER_KIND = Number(process.env.BENCH_STATEMENT_UPDATES ?? 20);
const QUESTION = '入党申请书要怎么写啊';
/** The median: the outbox dispatcher sometimes runs a due job (an ack button's count) inside an update's window. */
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Remembers the SQL of each statement (for BENCH_SQL=1); counting is the statement log's. */
function recorder(db: Db, into: string[]): KyselyPlugin {
  let n = 0;
  return {
    transformQuery({ node }) {
      into.push(
        db
          .getExecutor()
          .compileQuery(node, { queryId: `q${n++}` })
          .sql.replace(/\s+/g, ' ')
          .slice(0, 220),
      );
      return node;
    },
    transformResult: async ({ result }) => result,
  };
}

/** Waits until the app has handled `count` updates more than `base` and the database has been quiet for a moment. */
async function settle(world: LoadWorld, log: StatementLog, base: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (world.handledAt.length <= base && Date.now() < deadline) await sleep(5);
  let last = -1;
  while (log.statements() !== last && Date.now() < deadline) {
    last = log.statements();
    await sleep(60);
  }
}

async function measure(kind: DatabaseKind, url: string | null) {
  const texts: string[] = [];
  let log: StatementLog | null = null;
  const world = await buildWorld(kind, url, { perSecond: 100_000, groupLimit: 100_000 }, undefined, (db) => {
    log = statementLog(db.withPlugin(recorder(db, texts)));
    return log.db;
  });
  const counted = log! as StatementLog;
  try {
    await settle(world, counted, -1);
    let messageId = 3_000_000;
    const rows: Record<string, number> = {};
    for (const kindOfUpdate of ['ask', 'liaisons', 'ack'] as BenchKind[]) {
      for (const round of ['first', 'repeat'] as const) {
        const counts: number[] = [];
        for (let i = 0; i < PER_KIND; i++) {
          // first: a user not seen by the app yet; repeat: the same user again (people row and acks exist)
          const user = world.users[i * 7 + ['ask', 'liaisons', 'ack'].indexOf(kindOfUpdate)]!;
          const base = world.handledAt.length;
          counted.reset();
          texts.length = 0;
          pushBenchUpdate(world, kindOfUpdate, user, messageId++, QUESTION);
          await settle(world, counted, base);
          counts.push(counted.statements());
          if (process.env.BENCH_SQL && i === 0) console.log(`\n${kind} ${kindOfUpdate} (${round}):\n  ${texts.join('\n  ')}`);
        }
        rows[`${kindOfUpdate} ${round}`] = median(counts);
      }
    }
    return rows;
  } finally {
    await world.close();
  }
}

const pgUrl = await benchPostgresUrl();
const databases = ((pgUrl ? ['postgres', 'pglite'] : ['pglite']) as DatabaseKind[]).filter(
  (d) => !process.env.BENCH_DATABASES || process.env.BENCH_DATABASES.includes(d),
);
const results: Record<string, Record<string, number>> = {};
for (const kind of databases) results[kind] = await measure(kind, pgUrl);
const kinds = Object.keys(results[databases[0]!] ?? {});
console.log(`\nSQL statements per update (median of ${PER_KIND}; begin and commit counted)\n`);
console.log(`| update | ${databases.join(' | ')} |`);
console.log(`|---|${databases.map(() => '---:').join('|')}|`);
for (const k of kinds) console.log(`| ${k} | ${databases.map((d) => results[d]![k]).join(' | ')} |`);
process.exit(0);
