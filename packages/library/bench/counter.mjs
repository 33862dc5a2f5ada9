// SPDX-License-Identifier: Apache-2.0
// Measures what the function-call counter adds to each call of a tracked function, through the
// public API (trackModule → track) with counting on. CLITEL_DEBUG=1 keeps counting on without a
// network: the child process measuring prints, at exit, the OTLP/JSON that would be sent; this
// process reads the counts from it. Fails (exit 1) when the overhead is above the budget of 100 ns
// per call or a count is not exact. Run after `npm run build`: node bench/counter.mjs [calls]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { trackModule } from '@clitel/library';

const BUDGET_NS = 100;
const CALLS = Number(process.argv[2] ?? 20_000_000);
const ROUNDS = 7;

if (process.argv[3] !== '--child') {
  const home = mkdtempSync(join(tmpdir(), 'clitel-bench-'));
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), String(CALLS), '--child'], {
    env: { PATH: process.env.PATH, HOME: home, CLITEL_DEBUG: '1' },
    encoding: 'utf8',
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  rmSync(home, { recursive: true, force: true });
  const json = child.stderr.split('\n').find((line) => line.startsWith('{'));
  const metrics = json == null ? [] : JSON.parse(json).resourceMetrics[0].scopeMetrics[0].metrics;
  const points = metrics.find((m) => m.name === 'clitel.function.calls')?.sum.dataPoints ?? [];
  const counted = Object.fromEntries(points.map((p) => [p.attributes[0].value.stringValue, Number(p.asInt)]));
  const expected = (ROUNDS + 1) * CALLS; // warm-up plus the timed rounds
  const perRotated = expected / 16;
  const exact = ['add', 'concat'].every((name) => counted[name] === expected)
    && Array.from({ length: 16 }, (_, k) => counted[`f${k}`]).every((n) => n === perRotated);
  process.stdout.write(`counts sent at exit: add ${counted.add}, concat ${counted.concat}, f0 ${counted.f0} … f15 ${counted.f15}; expected ${expected}, ${expected} and ${perRotated} each: ${exact ? 'exact' : 'WRONG'}\n`);
  process.exitCode = child.status === 0 && exact ? 0 : 1;
} else {
  measureAll();
}

function measureAll() {
  const mod = trackModule({ name: 'bench-lib', version: '1.0.0' });
  if (!mod.recording) {
    process.stderr.write('bench: counting is off; cannot measure\n');
    process.exit(1);
  }
  function add(a, b) { return a + b; }
  function concat(a, b) { return `${a}:${b}`; }
  const lib = { add, concat };
  const tracked = mod.wrap(lib);
  // 16 distinct functions through one call site: the wrapper's inner call turns megamorphic,
  // the worst case for a library whose many exports share the wrapper code.
  const many = Array.from({ length: 16 }, (_, k) => new Function('a', 'b', `return a + b + ${k};`));
  const manyTracked = many.map((fn, k) => mod.track(fn, `f${k}`));
  const rows = [];
  for (const [label, base, wrapped] of [
    ['add(a, b), direct call', () => measure(add), () => measure(tracked.add)],
    ['lib.concat(a, b), property call', () => measureProperty(lib), () => measureProperty(tracked)],
    ['16 functions, one call site', () => measureMany(many), () => measureMany(manyTracked)],
  ]) {
    base(); wrapped(); // warm up both paths before timing
    const b = []; const w = [];
    for (let r = 0; r < ROUNDS; r++) { b.push(base()); w.push(wrapped()); }
    rows.push({ label, base: median(b), tracked: median(w), overhead: median(w) - median(b) });
  }
  const fmt = (n) => n.toFixed(2).padStart(7);
  process.stdout.write(`node ${process.versions.node}, ${process.platform}/${process.arch}, ${CALLS.toLocaleString('en')} calls x ${ROUNDS} rounds (median)\n`);
  process.stdout.write('| call | untracked ns/call | tracked ns/call | overhead ns/call |\n|---|---:|---:|---:|\n');
  for (const r of rows) process.stdout.write(`| ${r.label} | ${fmt(r.base)} | ${fmt(r.tracked)} | ${fmt(r.overhead)} |\n`);
  const worst = Math.max(...rows.map((r) => r.overhead));
  process.stdout.write(`worst overhead ${worst.toFixed(2)} ns/call, budget ${BUDGET_NS} ns/call: ${worst <= BUDGET_NS ? 'ok' : 'OVER'}\n`);
  if (worst > BUDGET_NS) process.exitCode = 1;
}

/** Nanoseconds per call of `fn` over CALLS calls (result kept alive so nothing is optimised away). */
function measure(fn) {
  let sink = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < CALLS; i++) sink = fn(sink, i & 7) & 0xffff;
  const ns = Number(process.hrtime.bigint() - start) / CALLS;
  if (sink === -1) process.stdout.write('');
  return ns;
}

/** Same, through an object property, the way library users call exports. */
function measureProperty(target) {
  let sink = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < CALLS; i++) sink = (target.concat(i & 7, 'x').length + sink) & 0xffff;
  const ns = Number(process.hrtime.bigint() - start) / CALLS;
  if (sink === -1) process.stdout.write('');
  return ns;
}

/** Same, rotating over several functions at one call site. */
function measureMany(fns) {
  let sink = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < CALLS; i++) sink = fns[i & 15](sink, 1) & 0xffff;
  const ns = Number(process.hrtime.bigint() - start) / CALLS;
  if (sink === -1) process.stdout.write('');
  return ns;
}

function median(xs) {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}
