// SPDX-License-Identifier: Apache-2.0
// npm run bench: what telemetry adds to the example CLI, against the same program with the
// telemetry lines removed, measured in the same run (rounds interleaved so that machine noise hits
// every scenario alike). An ESM and a CommonJS host; a fresh HOME for every run (no lingering
// sender) and one HOME shared by all runs of a scenario; sessions (20 runs at typing pace, 200
// back to back); instructions counted by valgrind. `--write` puts the tables into docs/performance.md.
// Env: BENCH_RUNS (30), BENCH_GAP_MS (4000, between typed runs), BENCH_SKIP=sessions,instructions.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeVariants } from './bench/fixtures.mjs';
import { startEndpoints } from './bench/receiver.mjs';
import { countInstructions, findValgrind } from './bench/instructions.mjs';

const REPO = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const GAP_MS = Number(process.env.BENCH_GAP_MS ?? 4_000);
const SKIP = new Set((process.env.BENCH_SKIP ?? '').split(','));
const WARMUP = 3;
const ARGS = ['greet', '--name', 'Bench'];
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const INSTALLATION_ID = '3f0c1e4a-5b6d-4e7f-8a9b-0c1d2e3f4a5b';

/** A HOME as a previous run leaves it: the notice shown, an installation id, an empty spool. */
function home() {
  const dir = mkdtempSync(join(tmpdir(), 'clitel-bench-'));
  const state = join(dir, '.local/state/clitel/acme');
  mkdirSync(state, { recursive: true });
  writeFileSync(join(state, 'notice'), '1\n');
  writeFileSync(join(state, 'installation-id'), `${INSTALLATION_ID}\n`);
  return dir;
}

/** The scenarios of one host (`esm` or `cjs`): the bare copy first, then clitel's. */
function scenarios(host, variants, ep, freshHome) {
  const bare = host === 'esm' ? variants.plain : variants.plainCjs;
  const script = host === 'esm' ? variants.esm : variants.cjs;
  const on = (endpoint) => ({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint });
  const list = [
    { name: 'bare copy (no telemetry code)', script: bare, env: {} },
    { name: 'off: OTEL_SDK_DISABLED=true', script, env: { ...on(ep.up), OTEL_SDK_DISABLED: 'true' } },
    { name: 'opted out: ACME_TELEMETRY_OPTOUT=1', script, env: { ...on(ep.up), ACME_TELEMETRY_OPTOUT: '1' } },
    { name: 'recorded, collector up', script, env: on(ep.up) },
    { name: 'recorded, collector down (port closed)', script, env: on(ep.closed) },
    { name: 'recorded, collector blackholed', script, env: on(ep.blackhole) },
    { name: 'recorded, starting a sender (CLITEL_SEND_NOW=1)', script, env: { ...on(ep.up), CLITEL_SEND_NOW: '1' } },
  ];
  if (host === 'esm' && !freshHome) {
    list.push({ name: 'naive @opentelemetry/sdk-node, collector up', script: variants.sdkNode, env: on(ep.up) });
  }
  return list.map((s) => ({ ...s, host, freshHome, home: home(), times: [], rss: [], codes: new Set(), stdout: new Set() }));
}

function envOf(s) {
  return { PATH: process.env.PATH, HOME: s.freshHome ? home() : s.home, ...s.env };
}

function runOnce(s, args = ARGS) {
  const env = envOf(s);
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [s.script, ...args], { env, encoding: 'utf8', timeout: 60_000 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  s.codes.add(r.status);
  s.stdout.add(r.stdout);
  return ms;
}

function peakRss(s) {
  if (TIME == null) return undefined;
  const r = spawnSync(TIME, ['-f', '%M', process.execPath, s.script, ...ARGS], { env: envOf(s), encoding: 'utf8', timeout: 60_000 });
  const kb = Number(r.stderr.trim().split('\n').pop());
  return Number.isFinite(kb) ? kb / 1024 : undefined;
}

const quantile = (xs, q) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1) + 0.5))];
};
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const fmt = (n, d = 1) => (n == null ? 'n/a' : n.toFixed(d));
const signed = (n, d = 1) => (n == null ? 'n/a' : `${n >= 0 ? '+' : ''}${n.toFixed(d)}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Every scenario of both hosts and both HOME modes, interleaved round by round. */
function measureRuns(variants, ep) {
  const groups = [];
  for (const host of ['esm', 'cjs']) for (const freshHome of [true, false]) groups.push(scenarios(host, variants, ep, freshHome));
  const all = groups.flat();
  for (const s of all) for (let i = 0; i < WARMUP; i++) runOnce(s);
  for (let round = 0; round < RUNS; round++) for (const s of all) s.times.push(runOnce(s));
  for (const s of all) for (let i = 0; i < 5; i++) s.rss.push(peakRss(s));
  return groups.map((group) => {
    const base = group[0];
    const baseMedian = quantile(base.times, 0.5);
    const baseP95 = quantile(base.times, 0.95);
    const baseRss = quantile(base.rss.filter((x) => x != null), 0.5);
    const rows = group.map((s) => {
      const median = quantile(s.times, 0.5);
      const p95 = quantile(s.times, 0.95);
      const rss = quantile(s.rss.filter((x) => x != null), 0.5);
      const same = s.codes.size === 1 && [...s.codes][0] === 0 && s.stdout.size === 1 && [...s.stdout][0] === [...base.stdout][0];
      return `| ${s.name} | ${fmt(median)} | ${signed(median - baseMedian)} | ${fmt(median / baseMedian, 3)}× | ${fmt(p95)} | ${signed(p95 - baseP95)} | ${fmt(rss)} | ${signed(rss - baseRss)} | ${same ? 'yes' : 'NO'} |`;
    });
    return [
      `**${base.host === 'esm' ? 'ESM host' : 'CommonJS host'}, ${base.freshHome ? 'a fresh HOME for every run' : 'one HOME shared by the runs of a scenario'}**`,
      '',
      '| scenario | median ms | added ms | ratio | p95 ms | added p95 ms | peak RSS MB | added RSS MB | output and exit code unchanged |',
      '|---|---|---|---|---|---|---|---|---|',
      ...rows,
    ].join('\n');
  });
}

/** Amortized cost of a session: the bare copy and clitel alternate, each in its own shared HOME. */
async function measureSession(variants, ep, count, gapMs) {
  const bare = { script: variants.plain, env: {}, home: home(), freshHome: false, codes: new Set(), stdout: new Set() };
  const clitel = { script: variants.esm, env: { OTEL_EXPORTER_OTLP_ENDPOINT: ep.up }, home: home(), freshHome: false, codes: new Set(), stdout: new Set() };
  const times = { bare: [], clitel: [] };
  for (let i = 0; i < count; i++) {
    const order = i % 2 === 0 ? [['bare', bare], ['clitel', clitel]] : [['clitel', clitel], ['bare', bare]];
    for (const [key, s] of order) times[key].push(runOnce(s));
    if (gapMs > 0) await sleep(gapMs);
  }
  const added = mean(times.clitel) - mean(times.bare);
  return { bare: mean(times.bare), clitel: mean(times.clitel), added, total: added * count };
}

/** Instruction counts of one run per scenario, against the bare copy of the same host. */
function measureInstructions(variants, ep) {
  const valgrind = findValgrind();
  if (valgrind == null) return 'Instruction counts: valgrind is not installed (Debian: `apt-get install valgrind`).';
  const rows = [];
  for (const host of ['esm', 'cjs']) {
    const bare = host === 'esm' ? variants.plain : variants.plainCjs;
    const script = host === 'esm' ? variants.esm : variants.cjs;
    const list = [
      ['bare copy', bare, {}],
      ['off: OTEL_SDK_DISABLED=true', script, { OTEL_SDK_DISABLED: 'true' }],
      ['opted out: ACME_TELEMETRY_OPTOUT=1', script, { ACME_TELEMETRY_OPTOUT: '1' }],
      ['recorded (delivery delayed)', script, { OTEL_EXPORTER_OTLP_ENDPOINT: ep.closed }],
      ['recorded, starting a sender', script, { OTEL_EXPORTER_OTLP_ENDPOINT: ep.closed, CLITEL_SEND_NOW: '1' }],
    ];
    let base;
    for (const [name, file, env] of list) {
      const { instructions } = countInstructions(valgrind, file, ARGS, { PATH: process.env.PATH, HOME: home(), ...env });
      base ??= instructions;
      rows.push(`| ${host === 'esm' ? 'ESM' : 'CommonJS'} | ${name} | ${fmt(instructions / 1e6)} | ${signed((instructions - base) / 1e6)} | ${fmt(instructions / base, 3)}× |`);
    }
  }
  return ['| host | scenario | M instructions | added M | ratio |', '|---|---|---|---|---|', ...rows].join('\n');
}

async function main() {
  const variants = writeVariants(REPO);
  const ep = await startEndpoints();
  try {
    const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}, ${process.platform}`;
    const parts = [
      `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}, load average ${readLoad()}; \`acme ${ARGS.join(' ')}\`; ${RUNS} interleaved runs per scenario after ${WARMUP} warm-ups; p95 over those runs; peak RSS is the median of 5 runs under /usr/bin/time. The bare copy is the same program with the two telemetry lines removed.`,
      '',
      ...measureRuns(variants, ep).flatMap((t) => [t, '']),
    ];
    process.stdout.write(`${parts.join('\n')}\n`);
    if (!SKIP.has('sessions')) {
      const typed = await measureSession(variants, ep, 20, GAP_MS);
      const burst = await measureSession(variants, ep, 200, 0);
      const session = [
        '**Sessions** (ESM host, one shared HOME each, the bare copy and clitel alternating; mean, which includes the runs that start a sender)',
        '',
        '| session | bare mean ms | clitel mean ms | added ms per run | added ms in all |',
        '|---|---|---|---|---|',
        `| 20 runs, ${GAP_MS / 1000} s apart (a person typing) | ${fmt(typed.bare)} | ${fmt(typed.clitel)} | ${signed(typed.added)} | ${signed(typed.total, 0)} |`,
        `| 200 runs back to back (a build script) | ${fmt(burst.bare)} | ${fmt(burst.clitel)} | ${signed(burst.added)} | ${signed(burst.total, 0)} |`,
        '',
      ].join('\n');
      parts.push(session);
      process.stdout.write(`${session}\n`);
    }
    if (!SKIP.has('instructions')) {
      const counts = `**Instructions per run** (valgrind, \`node --predictable\`, a fresh HOME; independent of machine load)\n\n${measureInstructions(variants, ep)}\n`;
      parts.push(counts);
      process.stdout.write(`${counts}\n`);
    }
    if (process.argv.includes('--write')) writeDoc(parts.join('\n').trimEnd());
  } finally {
    variants.cleanup();
    await ep.close();
  }
}

function readLoad() {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
  } catch {
    return 'n/a';
  }
}

function writeDoc(table) {
  const file = join(REPO, 'docs/performance.md');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const doc = existsSync(file) ? readFileSync(file, 'utf8') : '# Performance\n';
  const block = `${start}\n${table}\n${end}`;
  const next = doc.includes(start) ? doc.replace(new RegExp(`${start}[\\s\\S]*?${end}`), block) : `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
  process.stdout.write(`wrote ${file}\n`);
}

await main();
