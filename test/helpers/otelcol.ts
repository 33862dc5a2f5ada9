// SPDX-License-Identifier: Apache-2.0
// The real collector in tests: otelcol-clitel built by `npm run collector:build` (the cached
// binary of collector-config/distribution/manifest.yaml). A test that needs it skips with one
// printed line when it is missing, and fails instead when CLITEL_REQUIRE_REAL=1 (CI).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { REPO } from './run-cli.js';

/** Where `npm run collector:build` puts (or would put) the binary; the script owns the rule. */
function binaryPath(): string {
  const result = spawnSync(process.execPath, [join(REPO, 'scripts/collector-build.mjs'), '--print-path'], { encoding: 'utf8' });
  return result.stdout.trim();
}

// CLITEL_OTELCOL runs the same tests with another build (an otelcol-contrib binary, say).
const path = process.env.CLITEL_OTELCOL || binaryPath();

/** The collector binary, or undefined when it was not built. */
const OTELCOL: string | undefined = path !== '' && existsSync(path) ? path : undefined;

/** CI sets CLITEL_REQUIRE_REAL=1: then a missing real part is a failure, not a skip. */
const REQUIRE_REAL = process.env.CLITEL_REQUIRE_REAL === '1';

const MISSING = `otelcol-clitel is not built (${path}); run: npm run collector:build`;

/** True when the tests of this file should be skipped; prints the one line saying why. */
export function skipWithoutCollector(what: string): boolean {
  if (OTELCOL != null || REQUIRE_REAL) return false;
  process.stderr.write(`skipped ${what}: ${MISSING}\n`);
  return true;
}

/** The binary, or a failure naming how to build it (with CLITEL_REQUIRE_REAL=1 nothing skips). */
function requireCollector(): string {
  if (OTELCOL == null) throw new Error(`${MISSING} (CLITEL_REQUIRE_REAL=1)`);
  return OTELCOL;
}

/** Runs `otelcol-clitel validate` on a list of config files. */
export function validate(configs: readonly string[], env: Record<string, string> = {}): { status: number | null; output: string } {
  const args = ['validate', ...configs.flatMap((c) => ['--config', c])];
  const result = spawnSync(requireCollector(), args, { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env }, timeout: 60_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** An unused loopback port (the OS picks it, then it is released for the collector). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A collector process started by a test. */
export interface RunningCollector {
  /** OTLP/HTTP base URL (http://127.0.0.1:port). */
  url: string;
  /** The collector's own log so far (stderr). */
  log(): string;
  /** SIGTERM, then waits for the exit (SIGKILL after 10 s). */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Config files, merged in order; a last test overlay keeps everything on loopback. */
  configs: readonly string[];
  /** Extra environment for the config's ${env:…} references. */
  env?: Record<string, string>;
  /** More of the test overlay (merged last): exporters, pipelines, shorter intervals. */
  overlay?: Record<string, unknown>;
}

/** Starts the collector on loopback ports and waits until its OTLP/HTTP receiver answers. */
export async function startCollector(options: StartOptions): Promise<RunningCollector> {
  const bin = requireCollector();
  const [httpPort, grpcPort] = [await freePort(), await freePort()];
  const dir = mkdtempSync(join(tmpdir(), 'clitel-otelcol-'));
  // The collector's own metrics server would listen on :8888; tests turn it off.
  const overlay = { ...(options.overlay ?? {}), service: { telemetry: { metrics: { level: 'none' } }, ...((options.overlay?.service as object | undefined) ?? {}) } };
  const overlayPath = join(dir, 'overlay-test.yaml');
  writeFileSync(overlayPath, stringify(overlay));
  const env = { PATH: process.env.PATH ?? '', ...options.env, CLITEL_OTLP_HTTP_ENDPOINT: `127.0.0.1:${httpPort}`, CLITEL_OTLP_GRPC_ENDPOINT: `127.0.0.1:${grpcPort}` };
  const child: ChildProcess = spawn(bin, [...options.configs, overlayPath].flatMap((c) => ['--config', c]), { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => { log += chunk.toString(); });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const running: RunningCollector = {
    url: `http://127.0.0.1:${httpPort}`,
    log: () => log,
    stop: async () => {
      if (child.exitCode == null && child.signalCode == null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  // Ready when an empty export is accepted; bounded: 300 tries, 100 ms apart.
  for (let i = 0; i < 300; i++) {
    if (child.exitCode != null) break;
    const res = await fetch(`${running.url}/v1/traces`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).catch(() => undefined);
    if (res?.status === 200) return running;
    await new Promise((r) => setTimeout(r, 100));
  }
  await running.stop();
  throw new Error(`the collector did not start: ${log.slice(-3000)}`);
}

/** Posts one OTLP/HTTP export request (JSON object or protobuf bytes); returns the status. */
export async function post(url: string, signal: 'traces' | 'metrics', body: object | Uint8Array): Promise<number> {
  const proto = body instanceof Uint8Array;
  const res = await fetch(`${url}/v1/${signal}`, { method: 'POST', headers: { 'content-type': proto ? 'application/x-protobuf' : 'application/json' }, body: proto ? body : JSON.stringify(body) });
  await res.arrayBuffer();
  return res.status;
}

/** The export requests a file exporter wrote so far (one OTLP/JSON request per line; a last line still being written is left out). */
export function readLines(file: string): Record<string, unknown>[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').slice(0, -1).filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Polls `probe` every 100 ms until it returns a value, at most `tries` times. */
export async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, tries = 300): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`gave up waiting for ${what}`);
}

/** The three outputs of a gateway started by `startGateway`. */
export interface GatewayFiles { traces: string; runMetrics: string; clients: string }

/**
 * The committed acme base.yaml with every pipeline written to its own file: spans, the
 * span_metrics run metrics, and the client metrics. Only timing is changed (batch 100 ms,
 * run metrics flushed every second) so a test does not wait for the production intervals.
 */
export async function startGateway(dir: string): Promise<{ collector: RunningCollector; files: GatewayFiles }> {
  const files = { traces: join(dir, 'traces.jsonl'), runMetrics: join(dir, 'run-metrics.jsonl'), clients: join(dir, 'clients.jsonl') };
  const collector = await startCollector({
    configs: [join(REPO, 'collector-config/acme/base.yaml')],
    overlay: {
      exporters: { 'file/traces': { path: files.traces, format: 'json' }, 'file/run-metrics': { path: files.runMetrics, format: 'json' }, 'file/clients': { path: files.clients, format: 'json' } },
      processors: { batch: { timeout: '100ms' } },
      connectors: { span_metrics: { metrics_flush_interval: '1s' } },
      service: { pipelines: { traces: { exporters: ['file/traces', 'span_metrics'] }, metrics: { exporters: ['file/run-metrics'] }, 'metrics/clients': { exporters: ['file/clients'] } } },
    },
  });
  return { collector, files };
}
