// SPDX-License-Identifier: Apache-2.0
// End to end with the real collector: the example CLI → otelcol-clitel (base.yaml + the file
// overlay) → clitel ingest → clitel report, counts equal to the runs sent; the same runs through
// the OTLP/HTTP overlay to `clitel dev` as the vendor; and the Prometheus overlay's /metrics,
// whose target_info and series carry no installation id, session id or OS version.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '@clitel/cli';
import { REPO } from '../helpers/run-cli.js';
import { runAcme } from '../helpers/acme.js';
import { outSpans } from '../helpers/otlp-build.js';
import { freePort, readLines, skipWithoutCollector, startCollector, until, type RunningCollector } from '../helpers/otelcol.js';
import { runClitel, startDev } from '../../packages/cli/test/helpers/clitel-process.js';

const skip = skipWithoutCollector('the collector end-to-end tests');
const CONFIG = join(REPO, 'collector-config/acme');
const temp = mkdtempSync(join(tmpdir(), 'clitel-pipeline-'));
const running: RunningCollector[] = [];
afterAll(async () => {
  for (const c of running) await c.stop();
  rmSync(temp, { recursive: true, force: true });
});

/** The runs each test sends: command path, arguments, expected exit code. */
const RUNS: { command: string; args: string[]; code: number }[] = [
  { command: 'deploy', args: ['deploy', 'web', '--env', 'prod', '--token', 'tok-1'], code: 0 },
  { command: 'deploy', args: ['deploy', 'api', '--env', 'staging', '--token', 'tok-2', '--force'], code: 0 },
  { command: 'greet', args: ['greet', '--name', 'alice'], code: 0 },
  { command: 'fail', args: ['fail'], code: 3 },
];
/** Only timing differs from production: a 100 ms batch. */
const FAST = { processors: { batch: { timeout: '100ms' } } };

async function sendRuns(url: string): Promise<void> {
  for (const run of RUNS) {
    const result = await runAcme(run.args, url);
    expect(result.code, result.stderr).toBe(run.code);
  }
}

function expectReport(report: Report): void {
  expect(report.service).toBe('acme');
  expect(report.totals.runs).toBe(RUNS.length);
  expect(report.totals.errors).toBe(RUNS.filter((r) => r.code !== 0).length);
  const counts = Object.fromEntries(report.commands.map((c) => [c.command, c.runs]));
  for (const command of new Set(RUNS.map((r) => r.command))) expect(counts[command], command).toBe(RUNS.filter((r) => r.command === command).length);
}

describe.skipIf(skip)('the example CLI through the real collector', () => {
  it('file overlay → clitel ingest → clitel report counts every run', async () => {
    const file = join(temp, 'spans.jsonl');
    const collector = await startCollector({ configs: [join(CONFIG, 'base.yaml'), join(CONFIG, 'overlay-file.yaml')], env: { CLITEL_FILE_PATH: file }, overlay: FAST });
    running.push(collector);
    await sendRuns(collector.url);
    await until('the file exporter to write every run', () => (outSpans(readLines(file)).length >= RUNS.length ? true : undefined));
    await collector.stop();
    expect(outSpans(readLines(file))).toHaveLength(RUNS.length);
    // The argument values given to the runs never reach the backend's bytes.
    const raw = readFileSync(file, 'utf8');
    for (const secret of ['tok-1', 'tok-2', 'alice', 'web', 'api', homedir()]) expect(raw, secret).not.toContain(secret);
    const ingest = await runClitel(['ingest', file, '--db', 'runs.duckdb', '--json'], { cwd: temp });
    expect(ingest.code, ingest.stderr).toBe(0);
    const report = await runClitel(['report', '--db', 'runs.duckdb', '--format', 'json'], { cwd: temp });
    expect(report.code, report.stderr).toBe(0);
    expectReport(JSON.parse(report.stdout) as Report);
  }, 180_000);

  it('OTLP/HTTP overlay forwards every run to a vendor (clitel dev)', async () => {
    const dir = mkdtempSync(join(temp, 'vendor-'));
    const dev = await startDev(dir, ['--db', 'vendor.duckdb']);
    let stopped = false;
    try {
      const collector = await startCollector({
        configs: [join(CONFIG, 'base.yaml'), join(CONFIG, 'overlay-otlp-http.yaml')],
        env: { CLITEL_OTLP_EXPORT_ENDPOINT: dev.url, CLITEL_OTLP_EXPORT_HEADER: 'x-vendor-key', CLITEL_OTLP_EXPORT_TOKEN: 'test-token' },
        overlay: FAST,
      });
      running.push(collector);
      await sendRuns(collector.url);
      await until('the vendor to receive every run', () => (dev.events.filter((e) => e.event === 'span').length >= RUNS.length ? true : undefined));
      await collector.stop();
      const result = await dev.stop();
      stopped = true;
      expect(result.code, result.stderr).toBe(0);
      const report = await runClitel(['report', '--db', 'vendor.duckdb', '--format', 'json'], { cwd: dir });
      expect(report.code, report.stderr).toBe(0);
      expectReport(JSON.parse(report.stdout) as Report);
    } finally {
      if (!stopped) await dev.stop();
    }
  }, 180_000);

  it('Prometheus overlay serves run counts with no installation id, session id or OS version', async () => {
    const port = await freePort();
    const collector = await startCollector({
      configs: [join(CONFIG, 'base.yaml'), join(CONFIG, 'overlay-prometheus.yaml')],
      env: { CLITEL_PROMETHEUS_ENDPOINT: `127.0.0.1:${port}` },
      overlay: { ...FAST, connectors: { span_metrics: { metrics_flush_interval: '1s' } } },
    });
    running.push(collector);
    await sendRuns(collector.url);
    const text = await until('the run counts on /metrics', async () => {
      const body = await fetch(`http://127.0.0.1:${port}/metrics`).then((r) => r.text()).catch(() => '');
      const total = [...body.matchAll(/^clitel_run_calls_total\{[^}]*\} (\d+)/gm)].reduce((n, m) => n + Number(m[1]), 0);
      return total >= RUNS.length ? body : undefined;
    });
    for (const key of ['clitel_installation_id', 'clitel_session_id', 'os_version', 'host_arch', 'telemetry_sdk']) expect(text).not.toContain(key);
    expect(text).toMatch(/clitel_command="deploy"/);
  }, 180_000);
});
