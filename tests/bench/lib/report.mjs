// report.md and its SVG plots, from the same object that becomes report.json.
import { fmt, intervalText } from './section.mjs';
import { median, quantile } from './stats.mjs';

const STATUS = { met: '✅ met', missed: '❌ missed', untold: '⚠️ too few samples to tell', info: '–' };
const COLORS = ['#1f77b4', '#7f7f7f', '#bcbd22', '#d62728', '#2ca02c', '#9467bd'];

const esc = (text) =>
  String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const mdCell = (text) =>
  String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\n/g, ' ');

function table(columns, rows) {
  return [
    `| ${columns.map(mdCell).join(' | ')} |`,
    `| ${columns.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(mdCell).join(' | ')} |`),
  ].join('\n');
}

export function renderMarkdown(report) {
  const { meta, sections } = report;
  const out = [];
  out.push(`# Sidevogn benchmarks${meta.quick ? ' (quick smoke run: too few rounds to rely on)' : ''}`, '');
  out.push(
    `Run ${meta.startedAt} in ${fmt(meta.durationS, 0)} s. Reproduce with \`npm run bench\`` +
      ` (\`npm run bench -- --quick\` for a smoke run).`,
    '',
  );
  out.push('## Machine and versions', '');
  out.push(
    table(
      ['', ''],
      [
        ['CPU', `${meta.machine.cpus} × ${meta.machine.cpuModel}`],
        ['Memory', `${fmt(meta.machine.memoryGiB, 1)} GiB`],
        ['OS', meta.machine.os],
        ['Load average at start / end (1 min)', `${fmt(meta.machine.loadStart)} / ${fmt(meta.machine.loadEnd)}`],
        ['Node', meta.versions.node],
        ['Chromium', meta.versions.chromium],
        ['Playwright', meta.versions.playwright],
        ['Dexie', meta.versions.dexie],
        ['Sidevogn', `${meta.versions.sidevogn} (${meta.git})`],
      ],
    ),
    '',
  );

  const all = sections.flatMap((s) => (s.metrics ?? []).map((m) => ({ ...m, section: s })));
  const goals = all.filter((m) => m.goal && !m.superseded && !m.proposed);
  const previous = all.filter((m) => m.goal && m.superseded);
  // A proposed reading's figure without a goal of its own (a ratio beside it) is listed with them.
  const proposed = all.filter((m) => m.proposed);
  const missed = goals.filter((m) => m.status === 'missed');
  out.push('## Goals', '');
  out.push(
    goals.length === 0
      ? 'No goal was measured in this run.'
      : missed.length === 0
        ? `All ${goals.length} goals met.`
        : `${goals.length - missed.length} of ${goals.length} goals met; missed: ${missed.map((m) => `**${m.label}**`).join('; ')}. Findings and recommendations are in each section below.`,
    '',
  );
  out.push(
    "Goal: the number in the goals table of `tests/bench/README.md` (issue 33). Clock: CPU is the thread's own " +
      'running time, wall is elapsed time (on a shared 2-core VM it includes waiting for a core). Interval: the ' +
      "figure's bootstrap 95 % interval; A/A: the same for two browsers without the extension, the noise floor.",
    '',
  );
  const goalRows = (list) =>
    [...list]
      .sort((x, y) => (x.goalNo ?? 99) - (y.goalNo ?? 99))
      .map((m) => [
        m.goalNo === undefined ? '' : String(m.goalNo),
        m.section.item,
        m.label + (m.detail ? ` — ${m.detail}` : ''),
        `${fmt(m.value)} ${m.unit}`.trim(),
        m.clock ?? '',
        intervalText(m.interval),
        intervalText(m.aaInterval),
        m.goal?.text ?? '',
        STATUS[m.status],
      ]);
  const goalColumns = ['Goal', 'Item', 'Figure', 'Value', 'Clock', '95 % interval', 'A/A', 'Target', 'Status'];
  out.push(table(goalColumns, goalRows(goals)), '');
  if (proposed.length) {
    out.push(
      '### Proposed readings',
      '',
      'Where a goal cannot be met as written without hurting a caseworker, the reading proposed for it, measured ' +
        'in the same run (tests/bench/README.md, "Proposed readings"); not counted above.',
      '',
      table(goalColumns, goalRows(proposed)),
      '',
    );
  }
  if (previous.length) {
    out.push(
      '### Previous goals',
      '',
      'The goals these replaced (issue 33), still measured so runs can be compared; not counted above.',
      '',
      table(goalColumns, goalRows(previous)),
      '',
    );
  }
  if (report.comparison) out.push(...renderComparison(report.comparison));
  const errors = sections.filter((s) => s.error);
  if (errors.length) {
    out.push('## Modules that failed', '');
    for (const s of errors) out.push(`- **${s.title}**: ${mdCell(s.error)}`);
    out.push('');
  }

  for (const s of sections) {
    out.push(`## ${s.item}. ${s.title}`, '');
    if (s.error) {
      out.push(`Failed: \`${mdCell(s.error)}\``, '');
      continue;
    }
    out.push(`Rounds: ${describeRounds(s.rounds)}. Took ${fmt(s.durationS, 0)} s.`, '');
    // Figures without a goal; a proposed reading's (a ratio beside it) is already listed with them.
    const info = (s.metrics ?? []).filter((m) => !m.goal && !m.proposed);
    if (info.length) {
      out.push(
        table(
          ['Figure', 'Value'],
          info.map((m) => [m.label + (m.detail ? ` — ${m.detail}` : ''), `${fmt(m.value)} ${m.unit}`.trim()]),
        ),
        '',
      );
    }
    for (const t of s.tables ?? []) {
      out.push(`**${t.title}**`, '', table(t.columns, t.rows), '');
      if (t.note) out.push(`_${t.note}_`, '');
    }
    for (const p of s.plots ?? []) out.push(`![${p.title}](${p.id}.svg)`, '');
    for (const f of s.findings ?? []) out.push(`- **Finding:** ${f}`);
    if (s.findings?.length) out.push('');
    for (const n of s.notes ?? []) out.push(`- ${n}`);
    if (s.notes?.length) out.push('');
  }
  return out.join('\n');
}

/** The --compare table: each headline figure of this build ÷ the reference build's, with its interval. */
export function renderComparison(comparison) {
  const out = [`## Comparison with ${comparison.ref}`, ''];
  out.push(
    `This build (${comparison.cand}) against ${comparison.ref}, both built and loaded interleaved in this run. ` +
      'Ratio: median of this build ÷ median of the reference, with a bootstrap 95 % interval; an interval that ' +
      'holds 1 is no change this run can tell. Lower is better for every figure.',
    '',
  );
  out.push(
    table(
      ['Section', 'Figure', 'Clock', 'This build', 'Reference', 'Ratio', '95 % interval', 'n'],
      comparison.rows.map((r) => [
        r.section,
        r.label,
        r.clock ?? '',
        `${fmt(r.cand)} ${r.unit}`.trim(),
        `${fmt(r.ref)} ${r.unit}`.trim(),
        fmt(r.ratio, 3),
        intervalText([r.low, r.high], 3),
        r.n ?? '',
      ]),
    ),
    '',
  );
  return out;
}

function describeRounds(rounds) {
  if (!rounds) return '–';
  if (typeof rounds === 'string') return rounds;
  return Object.entries(rounds)
    .map(([k, r]) => {
      if (typeof r !== 'object') return `${k}: ${r}`;
      const parts = [`${r.rounds} measured`];
      if (r.warmup) parts.push(`${r.warmup} warm-up discarded`);
      if (r.variants) parts.push(`interleaved over ${r.variants.join(', ')}`);
      if (r.samples) parts.push(`${r.samples} samples`);
      return `${k}: ${parts.join(', ')}`;
    })
    .join('; ');
}

/* ---------------------------------------------------------------- SVG */

const W = 720;
const LEFT = 150;
const RIGHT = 24;

function niceMax(x) {
  if (!(x > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  return [1, 2, 2.5, 5, 10].map((m) => m * p).find((m) => m >= x);
}

function axis(x0, x1, scale, y, unit, ticks) {
  const parts = [`<line x1="${x0}" x2="${x1}" y1="${y}" y2="${y}" stroke="#444"/>`];
  for (const t of ticks) {
    const x = scale(t);
    parts.push(`<line x1="${x}" x2="${x}" y1="${y}" y2="${y + 4}" stroke="#444"/>`);
    parts.push(`<text x="${x}" y="${y + 16}" text-anchor="middle">${esc(fmt(t))}</text>`);
  }
  parts.push(`<text x="${x1}" y="${y + 32}" text-anchor="end">${esc(unit)}</text>`);
  return parts.join('');
}

function frame(height, title, body) {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${height}" viewBox="0 0 ${W} ${height}" ` +
    `font-family="sans-serif" font-size="12"><rect width="100%" height="100%" fill="#fff"/>` +
    `<text x="10" y="18" font-weight="bold">${esc(title)}</text>${body}</svg>\n`
  );
}

/** Dots per series, jittered, with the median as a bar. */
function strip(plot) {
  const rowH = 34;
  const top = 34;
  const values = plot.series.flatMap((s) => s.values).filter(Number.isFinite);
  const max = niceMax(Math.max(...values, 0) * 1.05);
  const scale = (v) => LEFT + ((W - LEFT - RIGHT) * v) / max;
  const body = [];
  plot.series.forEach((s, i) => {
    const y = top + i * rowH + rowH / 2;
    body.push(`<text x="${LEFT - 8}" y="${y + 4}" text-anchor="end">${esc(s.label)}</text>`);
    s.values.forEach((v, j) => {
      const jitter = (((j * 7919) % 11) - 5) * 1.6;
      body.push(
        `<circle cx="${scale(v)}" cy="${y + jitter}" r="3" fill="${COLORS[i % COLORS.length]}" fill-opacity="0.6"/>`,
      );
    });
    const m = median(s.values);
    if (Number.isFinite(m))
      body.push(
        `<line x1="${scale(m)}" x2="${scale(m)}" y1="${y - 12}" y2="${y + 12}" stroke="#000" stroke-width="2"/>`,
      );
  });
  const axisY = top + plot.series.length * rowH + 4;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
  body.push(axis(LEFT, W - RIGHT, scale, axisY, plot.unit, ticks));
  return frame(axisY + 40, plot.title, body.join(''));
}

/** Empirical distribution functions, one line per series. */
function cdf(plot) {
  const top = 30;
  const h = 220;
  const values = plot.series.flatMap((s) => s.values).filter(Number.isFinite);
  const max = niceMax(quantile(values, 0.995) * 1.05);
  const scale = (v) => LEFT + ((W - LEFT - RIGHT) * Math.min(v, max)) / max;
  const yOf = (f) => top + h * (1 - f);
  const body = [];
  for (const f of [0, 0.5, 0.95, 1]) {
    body.push(`<line x1="${LEFT}" x2="${W - RIGHT}" y1="${yOf(f)}" y2="${yOf(f)}" stroke="#ddd"/>`);
    body.push(`<text x="${LEFT - 8}" y="${yOf(f) + 4}" text-anchor="end">${f === 0.95 ? 'p95' : f}</text>`);
  }
  plot.series.forEach((s, i) => {
    const xs = s.values.filter(Number.isFinite).sort((a, b) => a - b);
    const points = xs.map((v, k) => `${scale(v).toFixed(1)},${yOf((k + 1) / xs.length).toFixed(1)}`);
    const color = COLORS[i % COLORS.length];
    body.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${points.join(' ')}"/>`);
    body.push(`<rect x="${LEFT + 10}" y="${top + 8 + i * 16}" width="12" height="4" fill="${color}"/>`);
    body.push(`<text x="${LEFT + 28}" y="${top + 14 + i * 16}">${esc(s.label)}</text>`);
  });
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
  body.push(axis(LEFT, W - RIGHT, scale, top + h, plot.unit, ticks));
  return frame(top + h + 44, plot.title, body.join(''));
}

/** Horizontal bars on a log scale, for figures that span orders of magnitude. */
function bars(plot) {
  const rowH = 22;
  const top = 34;
  const values = plot.bars.map((b) => b.value).filter((v) => v > 0);
  const lo = 10 ** Math.floor(Math.log10(Math.min(...values, 1)));
  const hi = 10 ** Math.ceil(Math.log10(Math.max(...values, 1) * 1.01));
  const scale = (v) => LEFT + ((W - LEFT - RIGHT - 60) * Math.log10(Math.max(v, lo) / lo)) / Math.log10(hi / lo);
  const body = [];
  plot.bars.forEach((b, i) => {
    const y = top + i * rowH;
    const color = b.goal !== undefined && b.value > b.goal ? '#d62728' : COLORS[b.group ?? 0];
    body.push(`<text x="${LEFT - 8}" y="${y + 14}" text-anchor="end">${esc(b.label)}</text>`);
    body.push(
      `<rect x="${LEFT}" y="${y + 3}" width="${Math.max(1, scale(b.value) - LEFT)}" height="15" fill="${color}"/>`,
    );
    body.push(`<text x="${scale(b.value) + 4}" y="${y + 14}">${esc(fmt(b.value))}</text>`);
    if (b.goal !== undefined)
      body.push(
        `<line x1="${scale(b.goal)}" x2="${scale(b.goal)}" y1="${y + 1}" y2="${y + 20}" stroke="#000" stroke-dasharray="3,2"/>`,
      );
  });
  const axisY = top + plot.bars.length * rowH + 4;
  const ticks = [];
  for (let t = lo; t <= hi; t *= 10) ticks.push(t);
  body.push(axis(LEFT, W - RIGHT, scale, axisY, `${plot.unit} (log scale; dashed: goal)`, ticks));
  return frame(axisY + 40, plot.title, body.join(''));
}

export function renderPlot(plot) {
  if (plot.kind === 'strip') return strip(plot);
  if (plot.kind === 'cdf') return cdf(plot);
  if (plot.kind === 'bars') return bars(plot);
  throw new Error(`Unknown plot kind ${plot.kind}`);
}
