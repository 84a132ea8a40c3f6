// Item 1: the content script's size as shipped, minified and compressed, with
// a breakdown by source module (an esbuild bundle of the same entry point).
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { EXTENSION_DIR, ROOT } from '../harness/chromium.mjs';
import { compareRow, fmt, metric } from './lib/section.mjs';

const KB = 1024;
/** The injected scripts' budgets, KB minified (as tests/e2e/build.spec.ts): the bridge's is issue 7's. */
const BUDGET_KB = { 'host.js': 10, 'host-fields.js': 16, 'host-page.js': 4 };
const gzip = (buf) => gzipSync(buf, { level: 9 }).length;
const brotli = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** Bytes in the bundle per source area (lib/host, lib/messaging, wxt, ...). */
async function breakdown() {
  const result = await build({
    stdin: {
      contents: "import { startBridge } from './lib/host/bridge';\nvoid startBridge();\n",
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'chrome120',
    write: false,
    metafile: true,
    logLevel: 'silent',
    alias: { '@': ROOT },
  });
  const [output] = Object.values(result.metafile.outputs);
  const rows = Object.entries(output.inputs)
    .map(([file, { bytesInOutput }]) => [
      relative(ROOT, join(ROOT, file)).replace(/^node_modules\//, ''),
      bytesInOutput,
    ])
    .filter(([, bytes]) => bytes > 0)
    .sort((a, b) => b[1] - a[1]);
  return { total: result.outputFiles[0].contents.length, rows };
}

function listFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

/** The content scripts a build's manifest injects, concatenated as shipped, and the other page files' bytes. */
function shippedOf(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const scripts = manifest.content_scripts.flatMap((c) => c.js ?? []);
  const shipped = Buffer.concat(scripts.map((file) => readFileSync(join(dir, file))));
  const pageBytes = listFiles(dir)
    .filter((f) => /\.(js|css|html)$/.test(f) && !scripts.includes(relative(dir, f)))
    .reduce((n, f) => n + readFileSync(f).length, 0);
  const bridge = existsSync(join(dir, 'host.js')) ? readFileSync(join(dir, 'host.js')).length : NaN;
  return { scripts, shipped, pageBytes, bridge };
}

export default {
  id: 'size',
  item: 1,
  title: 'Content-script size',
  // --compare: sizes are exact, so the ratios have no interval to speak of.
  compare: true,

  async run(ctx) {
    if (ctx.compare) {
      const [cand, ref] = [shippedOf(EXTENSION_DIR), shippedOf(ctx.compare.refDir)];
      const row = (label, of) => ({
        section: 'size',
        ...compareRow({ label, unit: 'KB', cand: [of(cand)], ref: [of(ref)] }),
      });
      return {
        rounds: 'one measurement of each build (sizes are exact)',
        metrics: [],
        comparisons: [
          row('The bridge (host.js), minified as shipped', (b) => b.bridge / KB),
          row('All injected scripts, minified as shipped', (b) => b.shipped.length / KB),
          row('All injected scripts, gzip -9', (b) => gzip(b.shipped) / KB),
          row('Extension-page files (js, css, html), total', (b) => b.pageBytes / KB),
        ],
      };
    }
    const { scripts, shipped } = shippedOf(EXTENSION_DIR);
    const esbuilt = await breakdown();

    const panelFiles = listFiles(EXTENSION_DIR)
      .filter((f) => /\.(js|css|html)$/.test(f) && !scripts.includes(relative(EXTENSION_DIR, f)))
      .map((f) => {
        const buf = readFileSync(f);
        return [relative(EXTENSION_DIR, f), buf.length, gzip(buf)];
      })
      .sort((a, b) => b[1] - a[1]);

    return {
      rounds: 'one measurement (sizes are exact)',
      metrics: [
        // Each injected script against its budget (tests/e2e/build.spec.ts checks the same).
        ...scripts.map((file) => {
          const bytes = readFileSync(join(EXTENSION_DIR, file)).length;
          const budget = BUDGET_KB[file];
          return metric({
            id: file === 'host.js' ? 'content-script.minified' : `content-script.${file}`,
            label: `${file === 'host.js' ? 'The bridge' : 'Injected script'} (${file}), minified as shipped`,
            value: bytes / KB,
            unit: 'KB',
            goal: budget ? { max: budget, text: `≤ ${budget} KB` } : undefined,
            detail: `gzip -9 ${fmt(gzip(readFileSync(join(EXTENSION_DIR, file))) / KB)} KB`,
          });
        }),
        metric({
          id: 'content-script.total',
          label: `All scripts injected into a case-system page (${scripts.join(', ')}), minified as shipped`,
          value: shipped.length / KB,
          unit: 'KB',
        }),
        metric({
          id: 'content-script.gzip',
          label: 'All injected scripts, gzip -9',
          value: gzip(shipped) / KB,
          unit: 'KB',
        }),
        metric({
          id: 'content-script.brotli',
          label: 'All injected scripts, brotli 11',
          value: brotli(shipped) / KB,
          unit: 'KB',
        }),
      ],
      tables: [
        {
          title: `Where the content script's bytes come from (esbuild bundle of lib/host/bridge.ts, minified: ${fmt(esbuilt.total / KB)} KB)`,
          columns: ['Source', 'Bytes', 'Share'],
          rows: esbuilt.rows.map(([file, bytes]) => [
            file,
            String(bytes),
            `${fmt((100 * bytes) / esbuilt.total, 0)} %`,
          ]),
        },
        {
          title: 'Extension-page files (not injected into the host; loaded by the panel frame)',
          columns: ['File', 'KB', 'KB gzip'],
          rows: panelFiles.map(([file, bytes, gz]) => [file, fmt(bytes / KB), fmt(gz / KB)]),
        },
      ],
      notes: [
        'KB = 1,024 bytes. The shipped file is what Vite/WXT produced; the breakdown re-bundles the same entry ' +
          'with esbuild, so its total differs slightly.',
      ],
      raw: { scripts, bytes: shipped.length, gzip: gzip(shipped), brotli: brotli(shipped), breakdown: esbuilt.rows },
    };
  },
};
