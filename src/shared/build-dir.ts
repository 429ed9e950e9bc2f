import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Written last into dist/ by `npm run build` (scripts/build.mjs): its directory is the build. */
const BUILD_MARKER = '.build-hash';

/**
 * The build's directory (dist/) when this code runs from it — as one bundled file (dist/src/main.js)
 * or as separate modules — and null when it runs from the sources (tsx: development, tests).
 */
export const buildDir: string | null = findBuildDir(dirname(fileURLToPath(import.meta.url)));

function findBuildDir(from: string): string | null {
  // dist/src/shared/ (modules) or dist/src/ (the bundle): the build is two or one levels up
  for (let dir = from, level = 0; level < 4; level++, dir = dirname(dir)) if (existsSync(join(dir, BUILD_MARKER))) return dir;
  return null;
}

/** The repository when running from the sources (src/shared → the repository). */
export const sourceRoot: string = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
