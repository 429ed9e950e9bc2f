import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/** Child processes a test started; `killAll` in afterEach takes their whole process groups down. */
const children: ChildProcess[] = [];

export function killAll(): void {
  for (const child of children.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) continue;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // the group is already gone
    }
  }
}

/** Runs a command as an operator would, in its own process group, collecting its output. */
export function runProcess(command: string, args: string[], env: Record<string, string>) {
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
  const kill = (signal: NodeJS.Signals) => child.pid && process.kill(-child.pid, signal);
  return { child, exited, waitForStdout, kill, output: () => ({ stdout, stderr }) };
}
