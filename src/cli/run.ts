import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { Telegram } from 'telegraf';
import { createToolConfig, formatConfigProblems } from '../config/config.js';
import { migrateToLatest } from '../db/migrate.js';
import { DatabaseInUseError, openDatabase } from '../db/open.js';
import { describeDatabaseError } from '../db/open-error.js';
import type { Db } from '../db/schema.js';
import { importClassesCsv } from '../features/classes/import-csv.js';
import { ensureFirstBranch } from '../features/classes/queries.js';
import { runFaqCommand } from '../features/faq/cli.js';
import { peopleArgs, peopleBadUsage, peopleUsage, runPeopleCommand } from '../features/records-files/cli.js';
import { dashboardBadUsage, dashboardLinkPerson, dashboardUsage, runDashboardLink } from '../features/dashboard/cli.js';
import { reportsExportArgs, reportsExportBadUsage, reportsUsage, runReportsExport } from '../features/reports/cli.js';
import { overviewArgs, overviewBadUsage, overviewUsage, runOverviewExport } from '../features/overview/cli.js';
import { inviteLink } from '../features/invites/codes.js';
import { createInvite } from '../features/invites/service.js';
import { systemClock, type Clock } from '../shared/clock.js';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

const usage = `Usage:
  npm run cli -- db migrate
  npm run cli -- invite secretary --branch "计算机学院第一党支部"
  npm run cli -- classes import FILE.csv [--branch NAME]
        CSV header: name,code[,branch]  (code optional; branch optional with --branch or a single branch)
  npm run cli -- faq import FILE.yaml      add or replace FAQ entries by slug (a file with any error changes nothing)
  npm run cli -- faq export [FILE.yaml]    write the FAQ knowledge base (to standard output without FILE)
  npm run cli -- faq match < questions.txt one question per line in, one JSON line out: {q, slug, score, outcome}
${reportsUsage}
${peopleUsage}
${overviewUsage}
${dashboardUsage}`;

/** The operator's command line: returns the exit code (0 ok, 1 failed, 2 bad usage). */
export async function runCli(argv: string[], env: Record<string, string | undefined>, io: CliIo, clock: Clock = systemClock): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        branch: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        period: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        class: { type: 'string' },
        person: { type: 'string' },
      },
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  const [group, action, file] = parsed.positionals;
  const command = group === 'overview' && action === undefined ? 'overview' : `${group ?? ''} ${action ?? ''}`.trim();
  if (
    parsed.values.help ||
    ![
      'db migrate',
      'invite secretary',
      'classes import',
      'faq import',
      'faq export',
      'faq match',
      'reports export',
      'people import',
      'people export',
      'overview',
      'dashboard link',
    ].includes(command)
  ) {
    io.err(usage);
    return parsed.values.help ? 0 : 2;
  }
  if (command === 'classes import' && !file) {
    io.err(`classes import needs a CSV file.\n${usage}`);
    return 2;
  }
  if (command === 'faq import' && !file) {
    io.err(`faq import needs a YAML file.\n${usage}`);
    return 2;
  }
  const branchName = parsed.values.branch?.trim();
  const exportArgs = command === 'reports export' ? reportsExportArgs({ ...parsed.values, branch: branchName }) : null;
  if (command === 'reports export' && !exportArgs) {
    io.err(`${reportsExportBadUsage}\n${usage}`);
    return 2;
  }
  const people = group === 'people' ? peopleArgs(action, file, parsed.values) : null;
  if (group === 'people' && !people) {
    io.err(`${peopleBadUsage}\n${usage}`);
    return 2;
  }
  const overview = command === 'overview' ? overviewArgs({ ...parsed.values, branch: branchName }) : null;
  if (command === 'overview' && !overview) {
    io.err(`${overviewBadUsage}\n${usage}`);
    return 2;
  }
  const dashboardPerson = command === 'dashboard link' ? dashboardLinkPerson(parsed.values.person) : null;
  if (command === 'dashboard link' && dashboardPerson === null) {
    io.err(`${dashboardBadUsage}\n${usage}`);
    return 2;
  }
  if (command === 'invite secretary' && (!branchName || branchName.length > 64)) {
    io.err(`invite secretary needs --branch NAME (1-64 characters).\n${usage}`);
    return 2;
  }

  const config = createToolConfig(env);
  if (!config.ok) {
    io.err(formatConfigProblems(config.problems));
    return 2;
  }
  let db: Db | undefined;
  try {
    db = await openDatabase(config.database);
    await migrateToLatest(db); // the first query: where a refused connection or a wrong password shows
  } catch (error) {
    await db?.destroy().catch(() => undefined);
    const hint = error instanceof DatabaseInUseError ? ' (or use the chat commands while the bot runs)' : '';
    io.err(`Cannot open the database: ${describeDatabaseError(error, config.database)}${hint}.`);
    return 1;
  }
  try {
    if (command === 'db migrate') {
      io.out('Database is up to date.');
      return 0;
    }
    if (command === 'invite secretary') return await inviteSecretary(db, clock, branchName!, config, io);
    if (group === 'faq') return await runFaqCommand(db, clock, action!, file, io);
    if (overview) return await runOverviewExport(db, overview, config.timeZone, clock.now(), io);
    if (exportArgs) return await runReportsExport(db, exportArgs, config.timeZone, io);
    if (people) return await runPeopleCommand(db, people, clock, config.timeZone, io);
    if (dashboardPerson !== null) return await runDashboardLink(db, clock, dashboardPerson, config.webAppUrl, io);
    // A fresh database gets its first branch exactly as the bot's first start makes it.
    await ensureFirstBranch(db, config.defaultBranchName);
    return await importClasses(db, file!, branchName, io);
  } finally {
    await db.destroy();
  }
}

async function inviteSecretary(
  db: Db,
  clock: Clock,
  branchName: string,
  config: { telegramApiRoot: string; botToken: string | null },
  io: CliIo,
): Promise<number> {
  const branch = await db
    .insertInto('branches')
    .values({ name: branchName })
    .onConflict((oc) => oc.column('name').doUpdateSet({ name: branchName }))
    .returning('id')
    .executeTakeFirstOrThrow();
  const invite = await createInvite(db, clock, { role: 'secretary', branchId: branch.id, classId: null, createdBy: null });
  const username = await botUsername(config);
  io.out(`Secretary invite for "${branchName}" (single use, expires ${invite.expiresAt.toISOString()}):`);
  io.out(inviteLink(username ?? '<your_bot_username>', invite.code));
  if (!username) io.out('(Set BOT_TOKEN to print the link with the bot username filled in.)');
  return 0;
}

async function botUsername(config: { telegramApiRoot: string; botToken: string | null }): Promise<string | null> {
  if (!config.botToken) return null;
  try {
    return (await new Telegram(config.botToken, { apiRoot: config.telegramApiRoot }).getMe()).username;
  } catch {
    return null;
  }
}

async function importClasses(db: Db, file: string, branch: string | undefined, io: CliIo): Promise<number> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    io.err(`Cannot read ${file}.`);
    return 1;
  }
  const result = await importClassesCsv(db, text, branch ? { branch } : {});
  if (result.ok) {
    io.out(`Imported ${result.imported} classes.`);
    return 0;
  }
  io.err(`Nothing was imported; fix these rows and run again:`);
  for (const e of result.errors) io.err(`  line ${e.line}: ${e.message}`);
  return 1;
}
