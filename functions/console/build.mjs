// Builds the console into one folder of static files: app-<hash>.js, app-<hash>.css, index.html, favicon.svg.
// Usage: node build.mjs [outDir]   (the functions Maven build passes target/classes/console).
// Everything the page loads comes from that folder: no CDN, no web fonts (the API's CSP allows 'self' only).
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const outDir = resolve(process.argv[2] || process.env.CONSOLE_OUT || join(here, 'dist'));
// The whole runtime (Preact included) stays small: a growing bundle is a review question, not an accident.
const BUDGET_BYTES = 120 * 1024;

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const result = await esbuild.build({
  entryPoints: { app: join(here, 'src/main.jsx') },
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['es2020'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  entryNames: '[name]-[hash]',
  outdir: outDir,
  metafile: true,
  legalComments: 'none',
  logLevel: 'warning',
});

const outputs = Object.keys(result.metafile.outputs).map((p) => basename(p));
const js = outputs.find((f) => f.endsWith('.js'));
const css = outputs.find((f) => f.endsWith('.css'));
if (!js || !css) {
  throw new Error(`esbuild produced ${outputs.join(', ')}; expected one .js and one .css`);
}

const index = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>TikTok Shop Connector · Console</title>
<link rel="icon" href="favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${css}">
<script type="module" src="${js}"></script>
</head>
<body>
<noscript>The console needs JavaScript.</noscript>
<div id="app"></div>
</body>
</html>
`;
writeFileSync(join(outDir, 'index.html'), index);
copyFileSync(join(here, 'src/favicon.svg'), join(outDir, 'favicon.svg'));

let total = 0;
for (const f of [js, css, 'index.html', 'favicon.svg']) {
  const size = statSync(join(outDir, f)).size;
  total += size;
  console.log(`console: ${f} ${size} bytes`);
}
if (total > BUDGET_BYTES) {
  throw new Error(`console bundle is ${total} bytes, over the budget of ${BUDGET_BYTES}`);
}
console.log(`console: built into ${outDir}`);
