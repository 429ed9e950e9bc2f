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

const commands = [
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
] as const;

/** A command line understood, its arguments checked. */
type Command =
  | { name: 'db migrate' }
  | { name: 'invite secretary'; branch: string }
  | { name: 'classes import'; file: string; branch: string | undefined }
  | { name: 'faq'; action: string; file: string | undefined }
  | { name: 'reports export'; args: NonNullable<ReturnType<typeof reportsExportArgs>> }
  | { name: 'people'; args: NonNullable<ReturnType<typeof peopleArgs>> }
  | { name: 'overview'; args: NonNullable<ReturnType<typeof overviewArgs>> }
  | { name: 'dashboard link'; person: number };

type Understood = { ok: true; command: Command } | { ok: false; code: 0 | 2; message: string };

const badUsage = (problem: string): Understood => ({ ok: false, code: 2, message: `${problem}\n${usage}` });

/** The command line to a command, or the usage to print (0 for --help, 2 for a bad command line). */
function understand(argv: string[]): Understood {
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
    return badUsage((error as Error).message);
  }
  const [group, action, file] = parsed.positionals;
  const name = group === 'overview' && action === undefined ? 'overview' : `${group ?? ''} ${action ?? ''}`.trim();
  if (parsed.values.help || !(commands as readonly string[]).includes(name)) return { ok: false, code: parsed.values.help ? 0 : 2, message: usage };
  return commandArgs(name as (typeof commands)[number], action, file, { ...parsed.values, branch: parsed.values.branch?.trim() });
}

/** Each command's own arguments. */
function commandArgs(
  name: (typeof commands)[number],
  action: string | undefined,
  file: string | undefined,
  values: { branch?: string | undefined; period?: string; format?: string; out?: string; class?: string; person?: string },
): Understood {
  const ok = (command: Command): Understood => ({ ok: true, command });
  switch (name) {
    case 'db migrate':
      return ok({ name });
    case 'invite secretary':
      return values.branch && values.branch.length <= 64
        ? ok({ name, branch: values.branch })
        : badUsage('invite secretary needs --branch NAME (1-64 characters).');
    case 'classes import':
      return file ? ok({ name, file, branch: values.branch }) : badUsage('classes import needs a CSV file.');
    case 'faq import':
    case 'faq export':
    case 'faq match':
      return name === 'faq import' && !file ? badUsage('faq import needs a YAML file.') : ok({ name: 'faq', action: name.slice('faq '.length), file });
    case 'reports export': {
      const args = reportsExportArgs(values);
      return args ? ok({ name, args }) : badUsage(reportsExportBadUsage);
    }
    case 'people import':
    case 'people export': {
      const args = peopleArgs(action, file, values);
      return args ? ok({ name: 'people', args }) : badUsage(peopleBadUsage);
    }
    case 'overview': {
      const args = overviewArgs(values);
      return args ? ok({ name, args }) : badUsage(overviewBadUsage);
    }
    case 'dashboard link': {
      const person = dashboardLinkPerson(values.person);
      return person !== null ? ok({ name, person }) : badUsage(dashboardBadUsage);
    }
  }
}

type ToolConfig = Extract<ReturnType<typeof createToolConfig>, { ok: true }>;

/** The database, migrated; null (the reason printed) when it cannot be opened. */
async function openForCli(config: ToolConfig, io: CliIo): Promise<Db | null> {
  let db: Db | undefined;
  try {
    db = await openDatabase(config.database);
    await migrateToLatest(db); // the first query: where a refused connection or a wrong password shows
    return db;
  } catch (error) {
    await db?.destroy().catch(() => undefined);
    const hint = error instanceof DatabaseInUseError ? ' (or use the chat commands while the bot runs)' : '';
    io.err(`Cannot open the database: ${describeDatabaseError(error, config.database)}${hint}.`);
    return null;
  }
}

async function runCommand(db: Db, command: Command, config: ToolConfig, clock: Clock, io: CliIo): Promise<number> {
  switch (command.name) {
    case 'db migrate':
      io.out('Database is up to date.');
      return 0;
    case 'invite secretary':
      return inviteSecretary(db, clock, command.branch, config, io);
    case 'faq':
      return runFaqCommand(db, clock, command.action, command.file, io);
    case 'overview':
      return runOverviewExport(db, command.args, config.timeZone, clock.now(), io);
    case 'reports export':
      return runReportsExport(db, command.args, config.timeZone, io);
    case 'people':
      return runPeopleCommand(db, command.args, clock, config.timeZone, io);
    case 'dashboard link':
      return runDashboardLink(db, clock, command.person, config.webAppUrl, io);
    case 'classes import':
      // A fresh database gets its first branch exactly as the bot's first start makes it.
      await ensureFirstBranch(db, config.defaultBranchName);
      return importClasses(db, command.file, command.branch, io);
  }
}

/** The operator's command line: returns the exit code (0 ok, 1 failed, 2 bad usage). */
export async function runCli(argv: string[], env: Record<string, string | undefined>, io: CliIo, clock: Clock = systemClock): Promise<number> {
  const understood = understand(argv);
  if (!understood.ok) {
    io.err(understood.message);
    return understood.code;
  }
  const config = createToolConfig(env);
  if (!config.ok) {
    io.err(formatConfigProblems(config.problems));
    return 2;
  }
  const db = await openForCli(config, io);
  if (!db) return 1;
  try {
    return await runCommand(db, understood.command, config, clock, io);
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
