import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/** Child processes started without a list of their own; `killAll` in afterEach takes them down. */
const started: ChildProcess[] = [];

/** Kills a process group started by runProcess, if it still runs. */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): void {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is already gone
  }
}

export function killAll(): void {
  for (const child of started.splice(0)) killGroup(child);
}

/** Runs a command as an operator would, in its own process group; collects its output. */
export function runProcess(command: string, args: string[], env: Record<string, string>, children: ChildProcess[] = started) {
  const child = spawn(command, args, {
    cwd: process.cwd(),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    detached: true, // its own process group, so a signal reaches npm, tsx and node as Ctrl-C would
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += String(d)));
  child.stderr!.on('data', (d) => (stderr += String(d)));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  /** Resolves once `ready()` holds for stdout, checked on every chunk. */
  const waitFor = <T>(ready: () => T | undefined, describe: string, timeoutMs: number) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${describe}; stdout: ${stdout}; stderr: ${stderr}`)), timeoutMs);
      const check = () => {
        const value = ready();
        if (value === undefined) return;
        clearTimeout(timer);
        child.stdout!.off('data', check);
        resolve(value);
      };
      // A process that has ended (and closed its output) will print nothing more: fail at once.
      const ended = () => {
        check();
        clearTimeout(timer);
        reject(new Error(`exited (${child.exitCode ?? child.signalCode}) while waiting for ${describe}; stdout: ${stdout}; stderr: ${stderr}`));
      };
      child.stdout!.on('data', check);
      if (child.stdout!.readableEnded && (child.exitCode !== null || child.signalCode !== null)) ended();
      else child.once('close', ended);
      check();
    });
  const waitForStdout = (pattern: RegExp, timeoutMs = 60_000) => waitFor(() => pattern.exec(stdout)?.[0], String(pattern), timeoutMs);
  /** Resolves once `needle` (or the needles together) has appeared `times` times on stdout. */
  const waitForCount = (needle: string | string[], times: number, timeoutMs = 60_000) => {
    const needles = typeof needle === 'string' ? [needle] : needle;
    const count = () => needles.reduce((n, x) => n + stdout.split(x).length - 1, 0);
    return waitFor(() => (count() >= times ? true : undefined), `${times} × ${needles.join(' | ')}`, timeoutMs).then(() => undefined);
  };
  const kill = (signal: NodeJS.Signals) => killGroup(child, signal);
  return { child, exited, waitForStdout, waitForCount, kill, output: () => ({ stdout, stderr }) };
}
