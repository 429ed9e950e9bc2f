import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildDir, sourceRoot } from '../../shared/build-dir.js';

/** The page: built into dist/public by `npm run build` (scripts/build.mjs); bundled in memory when running from the sources. */
export interface WebAssets {
  html: Buffer;
  js: Buffer;
  css: Buffer;
  /** The page a used or expired login link gets. */
  linkRefused: Buffer;
}

export const WEB_FILES = ['index.html', 'app.js', 'app.css', 'link-refused.html'] as const;

let bundled: Promise<WebAssets> | null = null;

export function loadWebAssets(): Promise<WebAssets> {
  const built = buildDir === null ? null : join(buildDir, 'public');
  if (built !== null && existsSync(join(built, 'index.html'))) return readAssets(built);
  // From the sources (tsx: dev, tests): web/bundle.mjs with esbuild (a dev dependency), once per process.
  return (bundled ??= (async () => {
    const bundle = (await import(pathToFileURL(join(sourceRoot, 'web', 'bundle.mjs')).href)) as { bundleWeb(): Promise<Record<string, Uint8Array>> };
    const files = await bundle.bundleWeb();
    const get = (name: (typeof WEB_FILES)[number]) => Buffer.from(files[name]!);
    return { html: get('index.html'), js: get('app.js'), css: get('app.css'), linkRefused: get('link-refused.html') };
  })());
}

async function readAssets(dir: string): Promise<WebAssets> {
  const [html, js, css, linkRefused] = await Promise.all(WEB_FILES.map((name) => readFile(join(dir, name))));
  return { html: html!, js: js!, css: css!, linkRefused: linkRefused! };
}
