/* global process */
// The dashboard's page (issue 13): web/src/main.ts bundled by esbuild with the ECharts parts it
// imports, beside index.html, app.css and link-refused.html. `npm run build` writes these files to
// dist/public/; running from the sources (tsx, tests) the server bundles them in memory once.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const WEB_FILES = ['index.html', 'app.js', 'app.css', 'link-refused.html'];

/** @returns {Promise<Record<string, Uint8Array>>} file name → content */
export async function bundleWeb() {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [join(here, 'src', 'main.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    legalComments: 'none',
    write: false,
    outfile: 'app.js',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const [js] = result.outputFiles;
  const files = { 'app.js': js.contents };
  for (const name of ['index.html', 'app.css', 'link-refused.html']) files[name] = await readFile(join(here, name));
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = await bundleWeb();
  for (const [name, content] of Object.entries(files)) process.stdout.write(`${name}\t${content.length} bytes\n`);
}
