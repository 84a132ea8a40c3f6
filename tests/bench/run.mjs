// npm run bench [-- --quick] [--no-build] [--only size,db] [--out DIR] [--seed N] [--rounds N]
// npm run bench -- --quick --compare <commit> [--only size,host-load,input-latency]
//
// Builds the extension, serves the demo case system, runs each benchmark
// module in turn and writes report.json, report.md and SVG plots. Each module
// is one file exporting { id, item, title, run(ctx) } and returning
// { rounds, metrics, tables, plots, notes, findings, raw }; adding a
// measured area is adding a file and its line in MODULES (see
// tests/bench/README.md, "Adding a section").
//
// --compare <commit>: also builds <commit> (lib/compare-build.mjs) and runs
// the modules that declare `compare: true` with it loaded as a further
// variant, interleaved; each returns `comparisons` (lib/section.mjs
// compareRow), printed and written as the report's comparison table.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startCaseSystem } from '../case-system/server.mjs';
import { assertExtensionBuilt, EXTENSION_DIR, findChromium, ROOT } from '../harness/chromium.mjs';
import { chromiumVersion } from './lib/browsers.mjs';
import { buildReference } from './lib/compare-build.mjs';
import { renderMarkdown, renderPlot } from './lib/report.mjs';
import { fmt } from './lib/section.mjs';
import size from './size.mjs';
import hostLoad from './host-load.mjs';
import inputLatency from './input-latency.mjs';
import panel from './panel.mjs';
import db from './db.mjs';
import templates from './templates.mjs';
import editors from './editors.mjs';
import detection from './detection.mjs';
import editorPages from './editor-pages.mjs';
import memory from './memory.mjs';
import interaction from './interaction.mjs';
import unfold from './unfold.mjs';
import frameAtIdle from './frame-at-idle.mjs';
import searchReady from './search-ready.mjs';

const MODULES = [
  size,
  hostLoad,
  inputLatency,
  panel,
  unfold,
  frameAtIdle,
  db,
  searchReady,
  templates,
  interaction,
  editors,
  detection,
  editorPages,
  memory,
];

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    only: { type: 'string' },
    out: { type: 'string', default: join(ROOT, 'bench-results') },
    seed: { type: 'string', default: '1' },
    // Measured rounds per page/scenario in the modules that read ctx.rounds (host-load,
    // input-latency, editor-pages, memory, interaction, unfold, frame-at-idle, search-ready):
    // for tiny checks of a module.
    rounds: { type: 'string' },
    compare: { type: 'string' },
  },
});

const packageVersion = (name) =>
  JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;

function gitDescribe() {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  const status = spawnSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' });
  const changed = status.stdout.split('\n').filter(Boolean).length;
  return `${head.stdout.trim() || 'unknown commit'}${changed ? `, ${changed} files changed in the working tree` : ''}`;
}

async function main() {
  const started = Date.now();
  findChromium();
  if (!args['no-build']) {
    console.log('Building the extension (npx wxt build)…');
    const build = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    if (build.status !== 0) throw new Error('wxt build failed');
  }
  assertExtensionBuilt();

  const only = args.only?.split(',').map((s) => s.trim());
  const comparable = MODULES.filter((m) => !args.compare || m.compare);
  const modules = only ? comparable.filter((m) => only.includes(m.id)) : comparable;
  if (modules.length === 0 || (only && modules.length < only.length))
    throw new Error(
      `--only ${args.only}: ${args.compare ? 'with --compare, ' : ''}the modules are ${comparable.map((m) => m.id).join(', ')}`,
    );
  let reference;
  if (args.compare) {
    reference = buildReference(ROOT, args.compare, { log: (m) => console.log(m) });
    console.log(`  reference built (${reference.deps}): ${reference.refDir}`);
  }

  const meta = {
    quick: args.quick,
    startedAt: new Date(started).toISOString(),
    git: gitDescribe(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: totalmem() / 2 ** 30,
      os: `${type()} ${release()}`,
      loadStart: loadavg()[0],
    },
    versions: {
      node: process.version,
      chromium: await chromiumVersion(),
      playwright: packageVersion('@playwright/test'),
      dexie: packageVersion('dexie'),
      sidevogn: JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')).version,
    },
  };
  console.log(
    `${meta.machine.cpus} × ${meta.machine.cpuModel}, Chromium ${meta.versions.chromium}, load ${meta.machine.loadStart.toFixed(2)}`,
  );

  const server = await startCaseSystem();
  const ctx = {
    quick: args.quick,
    rounds: args.rounds === undefined ? undefined : Number(args.rounds),
    seed: Number(args.seed),
    caseSystemUrl: server.url,
    demoCitizen: { caseId: 'S-20253886' },
    compare: reference && {
      refDir: reference.refDir,
      // Rounds per page or scenario: a quick comparison takes a sixth of the full count (at least 3).
      rounds: (full) => (args.quick ? Math.max(3, Math.ceil(full / 6)) : full),
    },
    log: (message) => console.log(message),
    progress: (done, total) => {
      if (done >= 0) process.stdout.write(`    round ${done + 1}/${total}\r`);
    },
  };

  const sections = [];
  try {
    for (const module of modules) {
      console.log(`\n[${module.item}] ${module.title}`);
      const t0 = Date.now();
      try {
        const result = await module.run(ctx);
        sections.push({
          id: module.id,
          item: module.item,
          title: module.title,
          ...result,
          durationS: (Date.now() - t0) / 1000,
        });
      } catch (error) {
        console.error(error);
        sections.push({ id: module.id, item: module.item, title: module.title, error: String(error?.stack ?? error) });
      }
      const last = sections.at(-1);
      for (const m of last.metrics ?? []) {
        const mark = { missed: '✗', met: '✓', untold: '?' }[m.status] ?? ' ';
        const interval = m.interval ? ` [${m.interval.join(', ')}]` : '';
        console.log(`  ${mark} ${m.label}: ${m.value} ${m.unit}${interval}${m.goal ? ` (goal ${m.goal.text})` : ''}`);
      }
      console.log(`  (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    }
  } finally {
    await server.close();
    reference?.cleanup();
  }

  meta.machine.loadEnd = loadavg()[0];
  meta.durationS = (Date.now() - started) / 1000;
  // Every goal in one list (also in each section's metrics), for tools that read report.json.
  const goals = sections.flatMap((s) =>
    (s.metrics ?? [])
      .filter((m) => m.goal)
      .map((m) => ({
        goalNo: m.goalNo ?? null,
        section: s.id,
        id: m.id,
        label: m.label,
        value: m.value,
        unit: m.unit,
        clock: m.clock ?? null,
        interval: m.interval ?? null,
        aaInterval: m.aaInterval ?? null,
        target: m.goal.text,
        status: m.status,
        superseded: !!m.superseded,
        proposed: !!m.proposed,
      })),
  );
  const report = { meta, goals, sections };
  if (reference) {
    meta.compare = { ref: reference.label, sha: reference.sha, deps: reference.deps };
    report.comparison = {
      ref: reference.label,
      cand: meta.git,
      rows: sections.flatMap((s) => s.comparisons ?? []),
    };
    printComparison(report.comparison);
  }
  const out = args.out;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'report.json'), JSON.stringify(report, null, 2));
  for (const s of sections) for (const p of s.plots ?? []) writeFileSync(join(out, `${p.id}.svg`), renderPlot(p));
  writeFileSync(join(out, 'report.md'), renderMarkdown(report));
  const missed = sections
    .flatMap((s) => s.metrics ?? [])
    .filter((m) => m.status === 'missed' && !m.superseded && !m.proposed);
  console.log(`\nWrote ${join(out, 'report.md')} in ${meta.durationS.toFixed(0)} s; ${missed.length} goals missed.`);
  if (sections.some((s) => s.error)) process.exitCode = 1;
}

function printComparison({ ref, cand, rows }) {
  console.log(`\nThis build (${cand}) ÷ ${ref}: ratio of medians [95 % interval], lower is better`);
  const width = Math.max(...rows.map((r) => `${r.section}: ${r.label}`.length), 10);
  for (const r of rows) {
    const name = `${r.section}: ${r.label}${r.clock ? ` (${r.clock})` : ''}`.padEnd(width + 7);
    const told = r.low > 1 ? '  higher' : r.high < 1 ? '  lower' : '';
    console.log(
      `  ${name} ${fmt(r.ratio, 3).toString().padStart(6)} [${fmt(r.low, 3)}, ${fmt(r.high, 3)}]` +
        `  ${fmt(r.cand)} vs ${fmt(r.ref)} ${r.unit}${told}`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
