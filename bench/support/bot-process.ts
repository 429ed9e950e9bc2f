import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

/**
 * The bot as an operator runs it: `MALLOC_…=… node --max-semi-space-size=2 dist/src/main.js`, the command of
 * `npm start` and of the Docker image (BENCH_BOT=source: `node --import tsx src/main.ts`, the sources through tsx, to compare).
 */
export interface BotCommand {
  label: string;
  command: string;
  args: string[];
  /** The variables `npm start` sets before node (glibc's malloc settings). */
  env: Record<string, string>;
}

export function botCommand(root: string): BotCommand {
  if (process.env.BENCH_BOT === 'source')
    return { label: 'node --import tsx src/main.ts', command: process.execPath, args: ['--import', 'tsx', 'src/main.ts'], env: {} };
  const built = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('the build failed');
  // exactly `npm start`'s command (its variables, node, its flags and dist/src/main.js), without npm in between
  const start = (JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { scripts: { start: string } }).scripts.start;
  const words = start.split(/\s+/);
  const env: Record<string, string> = {};
  while (/^[A-Z_]+=/.test(words[0] ?? '')) {
    const [name, value] = words.shift()!.split('=') as [string, string];
    env[name] = value;
  }
  const [node, ...args] = words;
  if (node !== 'node') throw new Error(`npm start runs ${start}, not node`);
  return { label: start, command: process.execPath, args, env };
}

export interface LogLine {
  event?: string;
  at: number;
  [key: string]: unknown;
}

export interface BotProcess {
  child: ChildProcess;
  pid: number;
  /** Every stdout line, parsed, with `at` = ms since spawn. */
  lines: LogLine[];
  /** ms from spawn to the `ready` log line. */
  ready: Promise<number>;
  stop(): Promise<number | null>;
}

/** Spawns the bot with only the given environment (plus PATH and HOME) and follows its log. */
export function startBot(root: string, cmd: BotCommand, env: Record<string, string>): BotProcess {
  const started = performance.now();
  const child = spawn(cmd.command, cmd.args, {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      // BENCH_NODE_OPTIONS: to try Node/V8 settings on the bot (e.g. --max-semi-space-size=4)
      ...(process.env.BENCH_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS } : {}),
      // and glibc's malloc settings (e.g. MALLOC_ARENA_MAX=2)
      ...Object.fromEntries(Object.entries(process.env).filter(([name]) => name.startsWith('MALLOC_'))),
      ...cmd.env,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: LogLine[] = [];
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += String(d)));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const ready = new Promise<number>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const at = performance.now() - started;
      let parsed: LogLine = { at, raw: line };
      try {
        parsed = { ...(JSON.parse(line) as object), at };
      } catch {
        // not a log line of ours; kept raw
      }
      lines.push(parsed);
      if (parsed.event === 'ready') resolve(at);
    });
    void exited.then((code) => reject(new Error(`the bot exited (${code}) before ready: ${stderr.slice(-2000)}`)));
  });
  ready.catch(() => {});
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const code = await exited;
    clearTimeout(timer);
    return code;
  };
  return { child, pid: child.pid!, lines, ready, stop };
}

/** The process and its descendants (tsx, npm), from /proc. */
function processTree(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(name)]);
    } catch {
      // gone meanwhile
    }
  }
  const out = [pid];
  for (let i = 0; i < out.length; i++) out.push(...(parents.get(out[i]!) ?? []));
  return out;
}

const statusField = (pid: number, field: string) => {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
};

/** Resident memory of the process tree, MB (`peak`: the high-water mark, VmHWM). */
export function memoryOf(pid: number): { rss: number; peak: number } {
  const tree = processTree(pid);
  return { rss: tree.reduce((sum, p) => sum + statusField(p, 'VmRSS'), 0), peak: tree.reduce((sum, p) => sum + statusField(p, 'VmHWM'), 0) };
}

/** CPU time (user + system) of the process tree, in clock ticks (100 per second on Linux). */
export function cpuTicks(pid: number): number {
  let ticks = 0;
  for (const p of processTree(pid)) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone meanwhile
    }
  }
  return ticks;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
