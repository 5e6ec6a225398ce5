// Bundles the browser app with esbuild: node build.mjs <out-dir>   (or OUT_DIR=<out-dir> node build.mjs)
// Writes <out-dir>/assets/app.js and <out-dir>/assets/app.css; server.mjs serves them (PUBLIC_DIR=<out-dir>).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const target = process.argv[2] || process.env.OUT_DIR;
if (!target) {
  console.error('usage: node build.mjs <out-dir>  (the bundle is never written into the source tree)');
  process.exit(2);
}
const outDir = path.resolve(target);
if (outDir === here || outDir.startsWith(here + path.sep)) {
  console.error(`build: refusing to write into the source tree (${outDir}); pick a directory outside ${here}`);
  process.exit(2);
}

const started = Date.now();
const result = await esbuild.build({
  absWorkingDir: here,
  entryPoints: { app: 'src/index.jsx' },
  outdir: path.join(outDir, 'assets'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['chrome109', 'firefox115', 'safari16'],
  minify: true,
  sourcemap: 'linked',
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
});
const files = Object.entries(result.metafile.outputs)
  .filter(([file]) => !file.endsWith('.map'))
  .map(([file, { bytes }]) => `${path.basename(file)} (${(bytes / 1024).toFixed(0)} KiB)`);
console.log(`build: wrote ${files.join(', ')} in ${Date.now() - started} ms`);
