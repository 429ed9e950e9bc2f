import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/** Runs a command as an operator would, in its own process group; collects its output. */
export function runProcess(command: string, args: string[], env: Record<string, string>, children: ChildProcess[]) {
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
  const waitForStdout = (pattern: RegExp, timeoutMs = 60_000) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; stdout: ${stdout}; stderr: ${stderr}`)), timeoutMs);
      const check = () => {
        const match = pattern.exec(stdout);
        if (match) {
          clearTimeout(timer);
          child.stdout!.off('data', check);
          resolve(match[0]);
        }
      };
      child.stdout!.on('data', check);
      check();
    });
  /** Resolves once `needle` has appeared `times` times on stdout. */
  const waitForCount = (needle: string, times: number, timeoutMs = 60_000) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${times} × ${needle}; stdout: ${stdout}`)), timeoutMs);
      const check = () => {
        if (stdout.split(needle).length - 1 < times) return;
        clearTimeout(timer);
        child.stdout!.off('data', check);
        resolve();
      };
      child.stdout!.on('data', check);
      check();
    });
  return { child, exited, waitForStdout, waitForCount, output: () => ({ stdout, stderr }) };
}

/** Kills a process group started by runProcess, if it still runs. */
export function killGroup(child: ChildProcess): void {
  if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGKILL');
}
