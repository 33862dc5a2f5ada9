// SPDX-License-Identifier: Apache-2.0
// npm run bench: what telemetry adds to the example CLI, against the same program with the
// telemetry lines removed, measured in the same run (rounds interleaved so that machine noise hits
// every scenario alike). An ESM and a CommonJS host; a fresh HOME for every run (no lingering
// sender) and one HOME shared by all runs of a scenario; sessions (20 runs at typing pace, 200
// back to back); instructions counted by valgrind. `--write` puts the tables into docs/performance.md.
// `--quick` (about a minute): 8 runs per scenario, 1 s between typed runs, 60 back to back.
// Env: BENCH_RUNS (30), BENCH_GAP_MS (4000, between typed runs), BENCH_SKIP=sessions,instructions.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeVariants } from './bench/fixtures.mjs';
import { startEndpoints } from './bench/receiver.mjs';
import { countInstructions, findValgrind } from './bench/instructions.mjs';
import { startRunner } from './bench/runner.mjs';

const REPO = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const QUICK = process.argv.includes('--quick');
const RUNS = Number(process.env.BENCH_RUNS ?? (QUICK ? 8 : 30));
const GAP_MS = Number(process.env.BENCH_GAP_MS ?? (QUICK ? 1_000 : 4_000));
const BURST = QUICK ? 60 : 200;
const SKIP = new Set((process.env.BENCH_SKIP ?? '').split(','));
const WARMUP = QUICK ? 1 : 3;
const HOMES = [];
const ARGS = ['greet', '--name', 'Bench'];
const INSTALLATION_ID = '3f0c1e4a-5b6d-4e7f-8a9b-0c1d2e3f4a5b';

/** The runtime's code cache a recorded run leaves in its state directory, per set of Node flags (V8 checks them). */
const CODE_CACHES = { timing: undefined, predictable: undefined };
const STATE = '.local/state/clitel/acme';

/**
 * A HOME as a previous run leaves it: the notice shown, an installation id, an empty spool and
 * (once `makeCodeCaches` ran, unless `cache` is null) the runtime's code cache. `'off'`: as a
 * previous opted-out run leaves it, with no clitel state (an opt-out deletes it).
 */
function home(cache = CODE_CACHES.timing) {
  const dir = mkdtempSync(join(tmpdir(), 'clitel-bench-'));
  HOMES.push(dir);
  if (cache === 'off') return dir;
  const state = join(dir, STATE);
  mkdirSync(state, { recursive: true });
  writeFileSync(join(state, 'notice'), '1\n');
  writeFileSync(join(state, 'installation-id'), `${INSTALLATION_ID}\n`);
  if (cache != null) writeFileSync(join(state, 'runtime.v8-cache'), cache);
  return dir;
}

/** Takes the code cache from one real recorded run of the example, with and without `--predictable`. */
function makeCodeCaches(script, ep) {
  for (const [key, flags] of [['timing', []], ['predictable', ['--predictable']]]) {
    const dir = home(null);
    spawnSync(process.execPath, [...flags, script, ...ARGS], { env: { PATH: process.env.PATH, HOME: dir, OTEL_EXPORTER_OTLP_ENDPOINT: ep.closed }, stdio: 'ignore' });
    const file = join(dir, STATE, 'runtime.v8-cache');
    if (!existsSync(file)) throw new Error('the recorded run left no code cache');
    CODE_CACHES[key] = readFileSync(file);
  }
}

/** The scenarios of one host (`esm` or `cjs`): the bare copy first, then clitel's. */
function scenarios(host, variants, ep, freshHome) {
  const bare = host === 'esm' ? variants.plain : variants.plainCjs;
  const script = host === 'esm' ? variants.esm : variants.cjs;
  const on = (endpoint) => ({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint });
  const list = [
    { name: 'bare copy (no telemetry code)', script: bare, env: {} },
    { name: 'off: OTEL_SDK_DISABLED=true', script, env: { ...on(ep.up), OTEL_SDK_DISABLED: 'true' }, left: 'off' },
    { name: 'opted out: ACME_TELEMETRY_OPTOUT=1', script, env: { ...on(ep.up), ACME_TELEMETRY_OPTOUT: '1' }, left: 'off' },
    ...(freshHome ? [{ name: 'opted out, first run after recorded ones (deletes their state)', script, env: { ...on(ep.up), ACME_TELEMETRY_OPTOUT: '1' } }] : []),
    { name: 'recorded, collector up', script, env: on(ep.up) },
    { name: 'recorded, collector down (port closed)', script, env: on(ep.closed) },
    { name: 'recorded, collector blackholed', script, env: on(ep.blackhole) },
    { name: 'recorded, starting a sender (CLITEL_SEND_NOW=1)', script, env: { ...on(ep.up), CLITEL_SEND_NOW: '1' } },
  ];
  if (host === 'esm' && !freshHome) {
    list.push({ name: 'naive @opentelemetry/sdk-node, collector up', script: variants.sdkNode, env: on(ep.up) });
  }
  return list.map((s) => ({ ...s, host, freshHome, home: home(s.left), runs: [], codes: new Set(), stdout: new Set() }));
}

/** A fresh HOME is as the scenario's own previous run leaves it; opted-out runs leave no state. */
function envOf(s) {
  return { PATH: process.env.PATH, HOME: s.freshHome ? home(s.left) : s.home, ...s.env };
}

async function runOnce(runner, s) {
  const r = await runner.run([process.execPath, s.script, ...ARGS], envOf(s));
  s.codes.add(r.status);
  s.stdout.add(r.stdout);
  return r;
}

const quantile = (xs, q) => {
  if (xs.length === 0) return undefined;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1) + 0.5))];
};
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const fmt = (n, d = 1) => (n == null || Number.isNaN(n) ? 'n/a' : n.toFixed(d));
const signed = (n, d = 1) => (n == null || Number.isNaN(n) ? 'n/a' : `${n >= 0 ? '+' : ''}${n.toFixed(d)}`);
const minus = (a, b) => (a == null || b == null ? undefined : a - b);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Median, p95, median CPU and median peak RSS (MB) of a scenario's timed runs. */
function stats(s) {
  const of = (key) => s.runs.map((r) => r[key]).filter((x) => x != null);
  const rss = quantile(of('rssKb'), 0.5);
  return { median: quantile(of('ms'), 0.5), p95: quantile(of('ms'), 0.95), cpu: quantile(of('cpuMs'), 0.5), rss: rss == null ? undefined : rss / 1024 };
}

/** Every scenario of both hosts and both HOME modes, interleaved round by round. */
async function measureRuns(runner, variants, ep) {
  const groups = [];
  for (const host of ['esm', 'cjs']) for (const freshHome of [true, false]) groups.push(scenarios(host, variants, ep, freshHome));
  const all = groups.flat();
  for (const s of all) for (let i = 0; i < WARMUP; i++) await runOnce(runner, s);
  for (let round = 0; round < RUNS; round++) for (const s of all) s.runs.push(await runOnce(runner, s));
  return groups.map((group) => {
    const base = stats(group[0]);
    const rows = group.map((s) => {
      const x = stats(s);
      const same = s.codes.size === 1 && [...s.codes][0] === 0 && s.stdout.size === 1 && [...s.stdout][0] === [...group[0].stdout][0];
      return `| ${s.name} | ${fmt(x.median)} | ${signed(minus(x.median, base.median))} | ${fmt(x.median / base.median, 3)}× | ${fmt(x.p95)} | ${signed(minus(x.p95, base.p95))} | ${fmt(x.cpu)} | ${signed(minus(x.cpu, base.cpu))} | ${fmt(x.rss)} | ${signed(minus(x.rss, base.rss))} | ${same ? 'yes' : 'NO'} |`;
    });
    return [
      `**${group[0].host === 'esm' ? 'ESM host' : 'CommonJS host'}, ${group[0].freshHome ? 'a fresh HOME for every run' : 'one HOME shared by the runs of a scenario'}**`,
      '',
      '| scenario | median ms | added ms | ratio | p95 ms | added p95 ms | CPU ms | added CPU ms | peak RSS MB | added RSS MB | output and exit code unchanged |',
      '|---|---|---|---|---|---|---|---|---|---|---|',
      ...rows,
    ].join('\n');
  });
}

/** Amortized cost of a session: the bare copy and clitel alternate, each in its own shared HOME. */
async function measureSession(runner, variants, ep, count, gapMs) {
  const bare = { script: variants.plain, env: {}, home: home(), freshHome: false, codes: new Set(), stdout: new Set() };
  const clitel = { script: variants.esm, env: { OTEL_EXPORTER_OTLP_ENDPOINT: ep.up }, home: home(), freshHome: false, codes: new Set(), stdout: new Set() };
  const runs = { bare: [], clitel: [] };
  for (let i = 0; i < count; i++) {
    const order = i % 2 === 0 ? [['bare', bare], ['clitel', clitel]] : [['clitel', clitel], ['bare', bare]];
    for (const [key, s] of order) runs[key].push(await runOnce(runner, s));
    if (gapMs > 0) await sleep(gapMs);
  }
  const avg = (list, key) => (list.some((r) => r[key] == null) ? undefined : mean(list.map((r) => r[key])));
  const row = (key) => ({ bare: avg(runs.bare, key), clitel: avg(runs.clitel, key), added: minus(avg(runs.clitel, key), avg(runs.bare, key)) });
  return { wall: row('ms'), cpu: row('cpuMs'), count };
}

/** Instruction counts of one run per scenario, against the bare copy of the same host. */
function measureInstructions(variants, ep) {
  const valgrind = findValgrind();
  if (valgrind == null) return 'Instruction counts: valgrind is not installed (Debian: `apt-get install valgrind`).';
  const rows = [];
  for (const host of QUICK ? ['esm'] : ['esm', 'cjs']) {
    const bare = host === 'esm' ? variants.plain : variants.plainCjs;
    const script = host === 'esm' ? variants.esm : variants.cjs;
    const list = [
      ['bare copy', bare, {}],
      ['off: OTEL_SDK_DISABLED=true', script, { OTEL_SDK_DISABLED: 'true' }, 'off'],
      ['opted out: ACME_TELEMETRY_OPTOUT=1', script, { ACME_TELEMETRY_OPTOUT: '1' }, 'off'],
      ['opted out, first run after recorded ones (deletes their state)', script, { ACME_TELEMETRY_OPTOUT: '1' }],
      ['recorded (delivery delayed)', script, { OTEL_EXPORTER_OTLP_ENDPOINT: ep.closed }],
      ['recorded, starting a sender', script, { OTEL_EXPORTER_OTLP_ENDPOINT: ep.closed, CLITEL_SEND_NOW: '1' }],
      ['recorded, first run (no code cache yet: compiles and writes it)', script, { OTEL_EXPORTER_OTLP_ENDPOINT: ep.closed }, null],
    ].filter(([name]) => !QUICK || !name.includes('opted out'));
    let base;
    for (const [name, file, env, cache = CODE_CACHES.predictable] of list) {
      const { instructions } = countInstructions(valgrind, file, ARGS, { PATH: process.env.PATH, HOME: home(cache), ...env });
      base ??= instructions;
      rows.push(`| ${host === 'esm' ? 'ESM' : 'CommonJS'} | ${name} | ${fmt(instructions / 1e6)} | ${signed((instructions - base) / 1e6)} | ${fmt(instructions / base, 3)}× |`);
    }
  }
  return ['| host | scenario | M instructions | added M | ratio |', '|---|---|---|---|---|', ...rows].join('\n');
}

async function main() {
  const variants = writeVariants(REPO);
  const ep = await startEndpoints();
  const runner = startRunner();
  try {
    makeCodeCaches(variants.esm, ep);
    const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}, ${process.platform}`;
    const how = runner.kind === 'wait4' ? 'wall time, CPU time (user + system) and peak RSS of each run from wait4(2)' : 'wall time only (python3 is missing, so no CPU time or RSS)';
    const parts = [
      `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}, load average ${readLoad()} at the start; \`acme ${ARGS.join(' ')}\`; ${RUNS} interleaved runs per scenario after ${WARMUP} warm-up${WARMUP === 1 ? '' : 's'}; ${how}; medians except p95. The bare copy is the same program with the telemetry lines removed.`,
      '',
      ...(await measureRuns(runner, variants, ep)).flatMap((t) => [t, '']),
    ];
    process.stdout.write(`${parts.join('\n')}\n`);
    if (!SKIP.has('sessions')) {
      const rows = [];
      for (const [label, count, gap] of [[`20 runs, ${GAP_MS / 1000} s apart (a person typing)`, 20, GAP_MS], [`${BURST} runs back to back (a build script)`, BURST, 0]]) {
        const { wall, cpu } = await measureSession(runner, variants, ep, count, gap);
        rows.push(`| ${label} | ${fmt(wall.bare)} | ${fmt(wall.clitel)} | ${signed(wall.added)} | ${signed(minus(wall.added * count, 0), 0)} | ${signed(cpu.added)} | ${signed(cpu.added == null ? undefined : cpu.added * count, 0)} |`);
      }
      const session = [
        '**Sessions** (ESM host, one shared HOME each, the bare copy and clitel alternating, collector up; means, so the runs that start a sender count)',
        '',
        '| session | bare mean ms | clitel mean ms | added ms per run | added ms in all | added CPU ms per run | added CPU ms in all |',
        '|---|---|---|---|---|---|---|',
        ...rows,
        '',
      ].join('\n');
      parts.push(session);
      process.stdout.write(`${session}\n`);
    }
    if (!SKIP.has('instructions')) {
      const counts = `**Instructions per run** (valgrind, \`node --predictable\`, a fresh HOME as a previous run leaves it; independent of machine load)\n\n${measureInstructions(variants, ep)}\n`;
      parts.push(counts);
      process.stdout.write(`${counts}\n`);
    }
    if (process.argv.includes('--write')) writeDoc(parts.join('\n').trimEnd());
  } finally {
    variants.cleanup();
    await runner.close();
    await ep.close();
    for (const dir of HOMES) rmSync(dir, { recursive: true, force: true });
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
