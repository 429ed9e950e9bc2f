import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The page: built into dist/public by `npm run build` (scripts/build.mjs); bundled in memory when running from the sources. */
export interface WebAssets {
  html: Buffer;
  js: Buffer;
  css: Buffer;
  /** The page a used or expired login link gets. */
  linkRefused: Buffer;
}

export const WEB_FILES = ['index.html', 'app.js', 'app.css', 'link-refused.html'] as const;

// src/features/dashboard → the repository; dist/src/features/dashboard → dist/
const up = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

let bundled: Promise<WebAssets> | null = null;

export function loadWebAssets(): Promise<WebAssets> {
  const built = join(up, 'public');
  if (existsSync(join(built, 'index.html'))) return readAssets(built);
  // From the sources (tsx: dev, tests): web/bundle.mjs with esbuild (a dev dependency), once per process.
  return (bundled ??= (async () => {
    const bundle = (await import(pathToFileURL(join(up, 'web', 'bundle.mjs')).href)) as { bundleWeb(): Promise<Record<string, Uint8Array>> };
    const files = await bundle.bundleWeb();
    const get = (name: (typeof WEB_FILES)[number]) => Buffer.from(files[name]!);
    return { html: get('index.html'), js: get('app.js'), css: get('app.css'), linkRefused: get('link-refused.html') };
  })());
}

async function readAssets(dir: string): Promise<WebAssets> {
  const [html, js, css, linkRefused] = await Promise.all(WEB_FILES.map((name) => readFile(join(dir, name))));
  return { html: html!, js: js!, css: css!, linkRefused: linkRefused! };
}
