/* global process, console, setTimeout */
// `npm run build`: compiles src/ and db/ to dist/ with tsc (tsconfig.build.json), from scratch, bundles
// the two entry points (esbuild), then makes the embedded database's initial data directory,
// dist/pglite-initdb/: what PGlite's initdb makes, made once here, so that a first start copies it
// instead of running initdb (see src/db/open.ts). It is made by the PGlite installed, so it always matches the one that opens it.
//
// `--if-stale` (npm's prestart): builds only when dist/ was not built from the sources as they are now.
// The sources are identified by a hash of every input file's path and content, written last to
// dist/.build-hash: a build that failed or was cut off leaves no hash, so the next start builds again.
// Hashing ~200 small files takes a few milliseconds, and unlike mtimes it is right after a git
// checkout, a rebase or a copy. Without src/ (an image that ships only dist/) there is nothing to check.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(root, 'dist');
const HASH_FILE = join(DIST, '.build-hash');
const LOCK = join(root, 'dist.lock');
const INPUTS = ['src', 'db', 'web', 'tsconfig.json', 'tsconfig.build.json', 'scripts/build.mjs', 'package-lock.json'];

function files(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => files(join(path, name)));
}

function sourceHash() {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap((input) => files(join(root, input)))) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

const builtFrom = () => (existsSync(HASH_FILE) ? readFileSync(HASH_FILE, 'utf8').trim() : null);

function run(args, what) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`build: ${what} failed`);
    process.exit(1);
  }
}

/**
 * initdb costs several seconds of CPU, so its result is kept in node_modules/.cache per PGlite
 * version: a rebuild after a change of the sources only copies it.
 */
async function makeInitialDataDir(dir) {
  const { version } = JSON.parse(readFileSync(join(root, 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8'));
  const cached = join(root, 'node_modules', '.cache', 'class-party-assistant', `pglite-initdb-${version}`);
  if (!existsSync(join(cached, 'PG_VERSION'))) {
    const scratch = `${cached}.${process.pid}`;
    rmSync(scratch, { recursive: true, force: true });
    mkdirSync(dirname(cached), { recursive: true }); // a fresh `npm ci` has no node_modules/.cache
    const { PGlite } = await import('@electric-sql/pglite');
    await (await PGlite.create({ dataDir: scratch })).close();
    rmSync(cached, { recursive: true, force: true });
    renameSync(scratch, cached);
  }
  cpSync(cached, dir, { recursive: true });
}

/** The dashboard's page (web/, bundled by esbuild with the ECharts parts it uses), served from dist/public/. */
async function writeWebPage(dir) {
  const { bundleWeb } = await import('../web/bundle.mjs');
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(await bundleWeb())) writeFileSync(join(dir, name), content);
}

/**
 * The bot's and the command line's entry points, each as one file in place of what tsc wrote: Node
 * then loads one module of ours instead of ~500 (and zod's ~100), a third of a second off every
 * start. The other packages stay in node_modules: some find files next to themselves (PGlite's
 * WebAssembly, node-cron's daemon, pino's workers).
 */
const BUNDLED_PACKAGES = ['zod', 'kysely', 'minisearch', 'yaml'];
async function bundleEntryPoints(dir) {
  const { build: bundle } = await import('esbuild');
  const { dependencies } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const external = Object.keys(dependencies)
    .filter((name) => !BUNDLED_PACKAGES.includes(name))
    .flatMap((name) => [name, `${name}/*`]);
  for (const entry of ['src/main.js', 'src/cli/main.js']) {
    const file = join(dir, entry);
    await bundle({
      entryPoints: [file],
      outfile: file,
      allowOverwrite: true,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external,
      // a bundled CommonJS module's require of a Node built-in (yaml's `require('process')`)
      banner: { js: "import { createRequire as bundleRequire } from 'node:module'; const require = bundleRequire(import.meta.url);" },
      logLevel: 'warning',
    });
  }
}

async function build(hash) {
  let tsc;
  try {
    tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    console.error('build: dist/ is missing or out of date and TypeScript is not installed; run `npm ci` (with dev dependencies), then `npm run build`.');
    process.exit(1);
  }
  // Built beside dist/ and swapped in whole, so a build that fails leaves the old dist/ as it was.
  const next = join(root, `dist.next-${process.pid}`);
  rmSync(next, { recursive: true, force: true });
  try {
    run([tsc, '-p', 'tsconfig.build.json', '--outDir', next], 'tsc');
    await bundleEntryPoints(next);
    await writeWebPage(join(next, 'public'));
    await makeInitialDataDir(join(next, 'pglite-initdb'));
    writeFileSync(join(next, '.build-hash'), `${hash}\n`);
    rmSync(DIST, { recursive: true, force: true });
    renameSync(next, DIST);
  } finally {
    rmSync(next, { recursive: true, force: true });
  }
}

/**
 * One build at a time (two `npm start` at once, or test runs side by side): the lock is a directory
 * holding the builder's pid; a lock whose builder is gone is taken over. Whoever waited finds dist/
 * built and, with --if-stale, has nothing left to do.
 */
async function withBuildLock(fn) {
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      if (!builderAlive()) rmSync(LOCK, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

function builderAlive() {
  let pid;
  try {
    pid = Number(readFileSync(join(LOCK, 'pid'), 'utf8'));
  } catch {
    return Date.now() - statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs < 5_000; // pid not written yet
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

const ifStale = process.argv.includes('--if-stale');
if (ifStale && !existsSync(join(root, 'src'))) process.exit(0);
const hash = sourceHash();
if (ifStale && builtFrom() === hash) process.exit(0);
await withBuildLock(async () => {
  if (ifStale && builtFrom() === hash) return;
  console.error(ifStale ? 'build: dist/ is missing or out of date; building…' : 'build: building…');
  const started = Date.now();
  await build(hash);
  console.error(`build: dist/ built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});
