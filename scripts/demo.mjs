// SPDX-License-Identifier: Apache-2.0
// `npm run demo`: the whole maintainer flow on one machine, with no collector and no network.
// Starts `clitel dev` on a free port, runs the example CLI (examples/acme) a few hundred times as
// separate installations (each its own state directory, three versions, CI and interactive),
// adds clearly labelled simulated installations for platforms and history a single machine cannot
// produce, then prints the report and writes the dashboard and the public aggregates.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLITEL = join(ROOT, 'packages/cli/dist/bin.js');
const ACME = join(ROOT, 'examples/acme');
const CURRENT = JSON.parse(readFileSync(join(ACME, 'package.json'), 'utf8')).version;
const OLDER = ['1.2.0', '1.3.0'];
const REAL_INSTALLATIONS = 20;
const RUNS_PER_INSTALLATION = 10;
const SIMULATED_INSTALLATIONS = 80;
const CONCURRENCY = Math.max(2, Math.min(4, availableParallelism() * 2));
const started = Date.now();
const say = (text) => process.stdout.write(`${text}\n`);
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

// A seeded random source, so every demo tells the same story.
let seed = 20_240_611;
const random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (items) => items[Math.floor(random() * items.length)];

const work = mkdtempSync(join(tmpdir(), 'clitel-demo-'));
const out = join(work, 'out');
const db = join(work, 'demo.duckdb');

/** Runs a command to completion and returns its exit code and output. */
function run(command, args, options) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** Starts `clitel dev` and resolves with its URL and a live count of stored spans. */
function startDev() {
  const child = spawn(process.execPath, [CLITEL, 'dev', '--port', '0', '--db', db, '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const state = { child, url: '', spans: 0, stopped: undefined };
  const exited = new Promise((resolve) => child.on('close', resolve));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    void exited.then((code) => { if (state.url === '') reject(new Error(`clitel dev exited with ${code}`)); });
    createInterface({ input: child.stdout }).on('line', (line) => {
      const event = JSON.parse(line);
      if (event.event === 'listening') {
        state.url = event.url;
        resolve({ ...state, get spans() { return state.spans; }, stop: () => { child.kill('SIGTERM'); return exited; } });
      } else if (event.event === 'span') state.spans += 1;
      else if (event.event === 'rejected') process.stderr.write(`demo: the receiver refused a request: ${event.reason}\n`);
    });
  });
}

/** A copy of the example CLI with another version in its package.json (node_modules linked). */
function acmeAt(version) {
  if (version === CURRENT) return ACME;
  const dir = join(work, `acme-${version}`);
  cpSync(join(ACME, 'bin'), join(dir, 'bin'), { recursive: true });
  cpSync(join(ACME, 'telemetry.schema.json'), join(dir, 'telemetry.schema.json'));
  const pkg = JSON.parse(readFileSync(join(ACME, 'package.json'), 'utf8'));
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ ...pkg, version }, null, 2)}\n`);
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/** One command line of a plausible session. */
function commandLine() {
  const r = random();
  if (r < 0.4) {
    const args = ['deploy', pick(['web', 'api', 'worker']), '--env', pick(['dev', 'staging', 'prod', 'prod', 'qa']), '--token', randomBytes(6).toString('hex')];
    if (random() < 0.25) args.push('--force');
    if (random() < 0.3) args.push('--region', pick(['eu-west-1', 'us-east-1']));
    return args;
  }
  if (r < 0.58) return ['greet', '--name', pick(['Ada', 'Linus', 'Grace'])];
  if (r < 0.72) return random() < 0.5 ? ['init', `proj-${Math.floor(random() * 100)}`] : ['init', 'site', '--template', pick(['basic', 'blog'])];
  if (r < 0.82) return ['fail'];
  if (r < 0.86) return ['crash'];
  if (r < 0.92) return [pick(['deplyo', 'stats', 'login'])];
  return ['telemetry', 'status'];
}

/** Runs `tasks` with at most `limit` at a time. */
async function pool(tasks, limit) {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) await tasks[next++]();
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

/** Real installations: each its own HOME and XDG state, some in CI (sync delivery), most interactive. */
function realInstallations() {
  const dirs = new Map([CURRENT, ...OLDER].map((v) => [v, acmeAt(v)]));
  return Array.from({ length: REAL_INSTALLATIONS }, (_, i) => {
    const version = i < 10 ? CURRENT : i < 16 ? OLDER[1] : OLDER[0];
    const home = join(work, 'installations', `i${i}`);
    const state = join(home, '.local', 'state');
    mkdirSync(join(state, 'clitel', 'acme'), { recursive: true });
    writeFileSync(join(state, 'clitel', 'acme', 'notice'), '1'); // the first-run notice was already shown
    const ci = i % 5 === 0;
    return {
      home,
      spool: join(state, 'clitel', 'acme', 'spool'),
      entry: join(dirs.get(version), 'bin', 'acme.js'),
      env: { PATH: process.env.PATH ?? '', HOME: home, XDG_STATE_HOME: state, XDG_CONFIG_HOME: join(home, '.config'), OTEL_EXPORTER_OTLP_ENDPOINT: '', ...(ci ? { CI: 'true', GITHUB_ACTIONS: 'true' } : {}) },
    };
  });
}

/** Runs the CLI RUNS_PER_INSTALLATION times per installation, interleaved; returns runs and spans expected. */
async function driveRealRuns(installations, url) {
  const tasks = [];
  let expected = 0;
  for (const inst of installations) {
    inst.env.OTEL_EXPORTER_OTLP_ENDPOINT = url;
    for (let n = 0; n < RUNS_PER_INSTALLATION; n++) {
      const args = commandLine();
      if (args[0] !== 'telemetry') expected += 1;
      tasks.push(() => run(process.execPath, [inst.entry, ...args], { env: inst.env, cwd: inst.home }));
    }
  }
  tasks.sort(() => random() - 0.5); // installations overlap, as they would in real life
  await pool(tasks, CONCURRENCY);
  return { runs: tasks.length, expected };
}

/** Interactive runs wait for more runs before delivering (docs/delivery.md): one more run per spool, delivering now. */
async function flushSpools(installations) {
  const pending = installations.filter((inst) => existsSync(inst.spool) && readdirSync(inst.spool).length > 0);
  await pool(pending.map((inst) => () => run(process.execPath, [inst.entry, 'greet', '--name', 'again'], { env: { ...inst.env, CLITEL_SEND_NOW: '1' }, cwd: inst.home })), CONCURRENCY);
  return pending.length;
}

const DAY = 86_400_000;
const attr = (key, value) => ({ key, value: typeof value === 'boolean' ? { boolValue: value } : typeof value === 'number' ? { intValue: value } : { stringValue: value } });

/** Simulated installations over the last 30 days, labelled clitel.source=simulated, posted as OTLP/JSON. */
async function postSimulated(url) {
  const now = Date.now();
  let spans = 0;
  const requests = [];
  for (let i = 0; i < SIMULATED_INSTALLATIONS; i++) {
    const id = `5130a7ed-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const os = pick(['linux', 'linux', 'darwin', 'darwin', 'windows']);
    const arch = os === 'darwin' ? pick(['arm64', 'arm64', 'amd64']) : pick(['amd64', 'amd64', 'arm64']);
    const node = pick(['20.19.2', '22.16.0', '22.16.0', '24.2.0']);
    const ci = random() < 0.2;
    const channel = pick(['npm', 'npm', 'npx', 'homebrew']);
    const firstDay = Math.floor(random() * random() * 29);
    const adopter = random();
    const byVersion = new Map();
    for (let d = firstDay; d >= 0; d--) {
      if (random() < 0.45) continue;
      // 1.3.0 appeared 24 days ago, the current version 9 days ago; people upgrade at their own pace.
      const version = d <= 9 - adopter * 8 ? CURRENT : d <= 24 - adopter * 6 ? OLDER[1] : OLDER[0];
      for (let n = 0, count = 1 + Math.floor(random() * 4); n < count; n++) {
        const args = commandLine();
        if (args[0] === 'telemetry') continue;
        const known = ['deploy', 'greet', 'init', 'fail', 'crash'].includes(args[0]);
        const command = known ? args[0] : '_unknown';
        const spike = d === 3 && command === 'deploy' && version === CURRENT && random() < 0.6;
        const exit = command === 'fail' ? 3 : command === 'crash' || command === '_unknown' || spike ? 1 : 0;
        const start = now - d * DAY - Math.floor(random() * 8 * 3_600_000);
        const duration = Math.floor((command === 'deploy' ? 180 : 40) + random() * 300);
        const options = args.filter((a) => a.startsWith('--')).map((a) => a.slice(2));
        const attributes = [
          attr('process.executable.name', 'acme'), attr('process.exit.code', exit), attr('clitel.command', command),
          attr('clitel.run.id', randomBytes(16).toString('hex')),
          ...(options.length > 0 && known ? [{ key: 'clitel.options', value: { arrayValue: { values: options.map((o) => ({ stringValue: o })) } } }] : []),
          ...(command === 'deploy' ? [attr('clitel.option.env', ['dev', 'staging', 'prod'].includes(args[3]) ? args[3] : '_other')] : []),
          ...(exit !== 0 ? [attr('error.type', exit === 3 ? '3' : 'Error')] : []),
        ];
        const span = {
          traceId: randomBytes(16).toString('hex'), spanId: randomBytes(8).toString('hex'), name: command === '' ? 'acme' : `acme ${command}`, kind: 1,
          startTimeUnixNano: `${BigInt(start) * 1_000_000n}`, endTimeUnixNano: `${BigInt(start + duration) * 1_000_000n}`,
          attributes, status: { code: exit !== 0 ? 2 : 0 },
        };
        byVersion.set(version, [...(byVersion.get(version) ?? []), span]);
        spans += 1;
      }
    }
    for (const [version, list] of byVersion) {
      const resource = [
        attr('service.name', 'acme'), attr('service.version', version), attr('telemetry.sdk.name', 'opentelemetry'), attr('telemetry.sdk.language', 'nodejs'),
        attr('telemetry.distro.name', 'clitel'), attr('os.type', os), attr('host.arch', arch), attr('process.runtime.name', 'nodejs'),
        attr('process.runtime.version', node), attr('clitel.installation.id', id), attr('clitel.ci', ci), ...(ci ? [attr('clitel.ci.provider', 'GitLab CI')] : []),
        attr('clitel.source', 'simulated'), attr('clitel.channel', channel),
      ];
      requests.push({ resourceSpans: [{ resource: { attributes: resource }, scopeSpans: [{ scope: { name: '@clitel/core' }, spans: list }] }] });
    }
  }
  for (const body of requests) {
    const response = await fetch(`${url}/v1/traces`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (response.status !== 200) throw new Error(`the receiver answered ${response.status}`);
  }
  return spans;
}

async function waitFor(condition, timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (!condition() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
  return condition();
}

/** Waits until `count()` reaches `target` or stops growing for 3 s (senders are done). */
async function waitForQuiet(count, target) {
  let last = count();
  let since = Date.now();
  while (count() < target && Date.now() - since < 3_000) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (count() !== last) {
      last = count();
      since = Date.now();
    }
  }
}

async function main() {
  say(`clitel demo: working in ${work}`);
  const dev = await startDev();
  say(`1. clitel dev is receiving on ${dev.url} and storing into ${db}`);
  say(`2. running examples/acme ${REAL_INSTALLATIONS * RUNS_PER_INSTALLATION} times as ${REAL_INSTALLATIONS} installations (versions ${CURRENT}, ${OLDER[1]}, ${OLDER[0]}; CI and interactive; ${CONCURRENCY} at a time)…`);
  const installations = realInstallations();
  const real = await driveRealRuns(installations, dev.url);
  await waitForQuiet(() => dev.spans, real.expected);
  const flushed = await flushSpools(installations);
  const expected = real.expected + flushed;
  const arrived = await waitFor(() => dev.spans >= expected, 20_000);
  say(`   ${real.runs + flushed} real runs (${flushed} of them to flush a queue; telemetry status records nothing): ${dev.spans} spans arrived through the real pipeline${arrived ? '' : `; ${expected - dev.spans} did not arrive (their queues are in ${join(work, 'installations')})`} [${elapsed()}]`);
  const before = dev.spans;
  const simulated = await postSimulated(dev.url);
  await waitFor(() => dev.spans >= before + simulated, 10_000);
  say(`3. posted ${simulated} SIMULATED runs of ${SIMULATED_INSTALLATIONS} SIMULATED installations (clitel.source=simulated): other platforms and 30 days of history that one machine cannot produce [${elapsed()}]`);
  await dev.stop();

  say('4. clitel report:\n');
  const report = await run(process.execPath, [CLITEL, 'report', '--db', db, '--since', '30d'], { env: process.env });
  process.stdout.write(report.stdout);
  if (report.code !== 0) throw new Error(report.stderr);
  const dashboard = await run(process.execPath, [CLITEL, 'dashboard', '--db', db, '--since', '30d', '--out', join(out, 'dashboard')], { env: process.env });
  if (dashboard.code !== 0) throw new Error(dashboard.stderr);
  const publish = await run(process.execPath, [CLITEL, 'publish', '--db', db, '--window', '30d', '--min-installations', '10', '--out', join(out, 'public')], { env: process.env });
  if (publish.code !== 0) throw new Error(publish.stderr);
  say(`5. dashboard: ${join(out, 'dashboard', 'index.html')}`);
  say(`   public aggregates (cells under 10 installations suppressed): ${join(out, 'public')}`);
  say(`   try: node packages/cli/dist/bin.js dashboard --db ${db} --serve`);
  say(`done in ${elapsed()}`);
}

main().catch((error) => {
  process.stderr.write(`demo: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
