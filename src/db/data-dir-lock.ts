import { mkdirSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import { join, relative } from 'node:path';

export class DatabaseInUseError extends Error {}

const LOCK = 'bot.lock';
const TAKEOVER = 'bot.lock.takeover';
const TAKEOVER_STALE_MS = 10_000;
const PROBE_TIMEOUT_MS = 2_000;
// sun_path holds 108 bytes on Linux, 104 on macOS; Node silently truncates longer paths.
const MAX_SOCKET_PATH = 100;

/**
 * PGlite is one process's database: a second process opening the same directory would silently
 * lose writes. The lock is a Unix socket in the data directory that the owner listens on: the OS
 * closes it when the owner dies however it dies (SIGKILL, OOM, a container restart that reuses
 * the pid), so a lock is held exactly while its owner lives — in this PID namespace or another
 * container sharing the volume. A socket nobody listens on is left over from a dead owner and is
 * taken over; the takeover itself is serialised by an atomic mkdir so two starters cannot both win.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const path = socketPath(dataDir);
  const deadline = Date.now() + TAKEOVER_STALE_MS + 5_000; // outlasts a mutex left by a starter that died
  while (Date.now() < deadline) {
    let server = await listenOn(path);
    if (!server) {
      const owner = await probe(path);
      if (owner !== 'dead') throw inUse(dataDir, owner);
      server = await takeOverStale(dataDir, path);
    }
    if (server) {
      const held = server;
      return () => new Promise<void>((resolve) => held.close(() => resolve())); // closing unlinks the socket
    }
  }
  throw new DatabaseInUseError(`could not lock the embedded database in ${dataDir}`);
}

function inUse(dataDir: string, owner: number | 'unknown'): DatabaseInUseError {
  const who = owner === 'unknown' ? 'another process' : `process ${owner}`;
  return new DatabaseInUseError(`the embedded database in ${dataDir} is in use by ${who}; stop it first`);
}

/** The socket's path: absolute, or relative to the working directory when that is shorter. */
function socketPath(dataDir: string): string {
  const absolute = join(dataDir, LOCK);
  const rel = relative(process.cwd(), absolute);
  const path = Buffer.byteLength(rel) < Buffer.byteLength(absolute) ? rel : absolute;
  if (Buffer.byteLength(path) > MAX_SOCKET_PATH) {
    throw new DatabaseInUseError(`the path of DATA_DIR (${dataDir}) is too long for its lock (over ${MAX_SOCKET_PATH} bytes); use a shorter one`);
  }
  return path;
}

/** Listens on the socket; null when the path exists already (bind is atomic: one winner). */
function listenOn(path: string): Promise<net.Server | null> {
  return new Promise((resolve, reject) => {
    const server = net.createServer((socket) => {
      socket.on('error', () => {});
      socket.end(`${process.pid}\n`);
    });
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') return resolve(null);
      reject(
        new DatabaseInUseError(`cannot create the lock ${path} (${error.code ?? error.message}); DATA_DIR must be on a file system that supports Unix sockets`),
      );
    });
    server.listen(path, () => {
      server.on('error', () => {}); // a failed probe connection must not take the bot down
      server.unref(); // the lock must not keep the process alive
      resolve(server);
    });
  });
}

/** Who holds the lock: its pid, 'unknown' (alive but silent), or 'dead' (nobody listens; no socket). */
function probe(path: string): Promise<number | 'unknown' | 'dead'> {
  return new Promise((resolve, reject) => {
    let answer = '';
    let connected = false;
    const socket = net.connect(path);
    const timer = setTimeout(() => socket.destroy(), PROBE_TIMEOUT_MS);
    socket.on('connect', () => (connected = true));
    socket.on('data', (chunk) => (answer += String(chunk)));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (!connected && ['ECONNREFUSED', 'ENOENT', 'ENOTSOCK'].includes(error.code ?? '')) resolve('dead');
      else if (connected) resolve('unknown');
      else reject(error);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      const pid = Number(answer.trim());
      resolve(Number.isInteger(pid) && pid > 0 ? pid : 'unknown');
    });
  });
}

/**
 * Replaces a dead lock with ours while holding the takeover mutex: the probe, the removal and the
 * bind happen under it, so a starter cannot remove a lock that another has just taken. null: try again.
 */
async function takeOverStale(dataDir: string, path: string): Promise<net.Server | null> {
  const mutex = join(dataDir, TAKEOVER);
  try {
    mkdirSync(mutex);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Someone else is taking over; a mutex left by a starter that died mid-takeover expires.
    if (Date.now() - mtimeOf(mutex) > TAKEOVER_STALE_MS) rmSync(mutex, { recursive: true, force: true });
    else await new Promise((resolve) => setTimeout(resolve, 100));
    return null;
  }
  try {
    if ((await probe(path)) === 'dead') rmSync(path, { force: true });
    return await listenOn(path);
  } finally {
    rmSync(mutex, { recursive: true, force: true });
  }
}

function mtimeOf(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return Date.now();
  }
}
