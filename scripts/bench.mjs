// SPDX-License-Identifier: Apache-2.0
// npm run bench: wall time and peak RSS of the example CLI per scenario, against an
// uninstrumented baseline measured in the same run (rounds are interleaved so that machine noise
// hits every scenario alike). `--write` puts the table into docs/performance.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeVariants } from './bench/fixtures.mjs';
import { startEndpoints } from './bench/receiver.mjs';

const REPO = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const ACME = join(REPO, 'examples/acme/bin/acme.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUP = 3;
const ARGS = ['greet', '--name', 'Bench'];
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function home() {
  const dir = mkdtempSync(join(tmpdir(), 'clitel-bench-'));
  mkdirSync(join(dir, '.local/state/clitel/acme'), { recursive: true });
  writeFileSync(join(dir, '.local/state/clitel/acme/notice'), '1\n');
  return dir;
}

function scenarios(variants, ep) {
  const on = (endpoint) => ({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint });
  return [
    { name: 'plain (no telemetry code)', script: variants.plain, env: {} },
    { name: 'clitel on, collector up', script: ACME, env: on(ep.up) },
    { name: 'clitel on, collector down (port closed)', script: ACME, env: on(ep.closed) },
    { name: 'clitel on, collector blackholed', script: ACME, env: on(ep.blackhole) },
    { name: 'clitel, OTEL_SDK_DISABLED=true', script: ACME, env: { ...on(ep.up), OTEL_SDK_DISABLED: 'true' } },
    { name: 'clitel, opted out (ACME_TELEMETRY_OPTOUT=1)', script: ACME, env: { ...on(ep.up), ACME_TELEMETRY_OPTOUT: '1' } },
    { name: 'naive @opentelemetry/sdk-node, collector up', script: variants.sdkNode, env: on(ep.up) },
    { name: 'naive sdk-node, OTEL_SDK_DISABLED=true', script: variants.sdkNode, env: { ...on(ep.up), OTEL_SDK_DISABLED: 'true' } },
  ].map((s) => ({ ...s, env: { PATH: process.env.PATH, HOME: home(), ...s.env }, times: [], rss: [], codes: new Set(), stdout: new Set() }));
}

function runOnce(s) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [s.script, ...ARGS], { env: s.env, encoding: 'utf8', timeout: 60_000 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  s.codes.add(r.status);
  s.stdout.add(r.stdout);
  return ms;
}

function peakRss(s) {
  if (TIME == null) return undefined;
  const r = spawnSync(TIME, ['-f', '%M', process.execPath, s.script, ...ARGS], { env: s.env, encoding: 'utf8', timeout: 60_000 });
  const kb = Number(r.stderr.trim().split('\n').pop());
  return Number.isFinite(kb) ? kb / 1024 : undefined;
}

const quantile = (xs, q) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1) + 0.5))];
};
const fmt = (n, d = 1) => (n == null ? 'n/a' : n.toFixed(d));
const signed = (n, d = 1) => (n == null ? 'n/a' : `${n >= 0 ? '+' : ''}${n.toFixed(d)}`);

async function main() {
  const variants = writeVariants(REPO);
  const ep = await startEndpoints();
  try {
    const all = scenarios(variants, ep);
    for (const s of all) for (let i = 0; i < WARMUP; i++) runOnce(s);
    for (let round = 0; round < RUNS; round++) for (const s of all) s.times.push(runOnce(s));
    for (const s of all) for (let i = 0; i < 5; i++) s.rss.push(peakRss(s));
    const base = all[0];
    const baseMedian = quantile(base.times, 0.5);
    const baseRss = quantile(base.rss.filter((x) => x != null), 0.5);
    const rows = all.map((s) => {
      const median = quantile(s.times, 0.5);
      const rss = quantile(s.rss.filter((x) => x != null), 0.5);
      const same = s.codes.size === 1 && [...s.codes][0] === 0 && s.stdout.size === 1 && [...s.stdout][0] === [...base.stdout][0];
      return `| ${s.name} | ${fmt(median)} | ${fmt(quantile(s.times, 0.95))} | ${signed(median - baseMedian)} | ${fmt(median / baseMedian, 2)}× | ${fmt(rss)} | ${signed(rss - baseRss)} | ${same ? 'yes' : 'NO'} |`;
    });
    const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}, ${process.platform}`;
    const table = [
      `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}; \`acme ${ARGS.join(' ')}\`, ${RUNS} interleaved runs per scenario after ${WARMUP} warm-ups; peak RSS is the median of 5 runs under /usr/bin/time.`,
      '',
      '| scenario | median ms | p95 ms | added ms (median) | ratio | peak RSS MB | added RSS MB | stdout and exit code unchanged |',
      '|---|---|---|---|---|---|---|---|',
      ...rows,
    ].join('\n');
    process.stdout.write(`${table}\n`);
    if (process.argv.includes('--write')) writeDoc(table);
  } finally {
    variants.cleanup();
    await ep.close();
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
