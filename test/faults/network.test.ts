// SPDX-License-Identifier: Apache-2.0
// Network faults: what real collectors and proxies answer, against the real CLI and its real
// detached sender. For each: the host's output and exit code are unchanged, no stack trace,
// the run is delivered or kept as promised, and the figures go to docs/reliability.md.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticedHome } from '../helpers/acme.js';
import { decodeProtobuf, spansOf } from '../helpers/otlp-decode.js';
import { startReceiver, type Receiver } from '../helpers/receiver.js';
import { runCli, type CliResult } from '../helpers/run-cli.js';
import {
  GREET, HELLO, awaitSenders, closedPort, hasCommand, hasStackTrace, recordFigure, requireReal, runSender,
  seedSpool, senderConfig, sleep, spoolOf, startRawServer, stateOf,
} from '../helpers/faults.js';

/** A short export timeout keeps each failing case to a few seconds (the default is 10 s). */
const TIMEOUT = '3000';
let baselineMs = 0;

async function host(home: string, env: Record<string, string>): Promise<{ run: CliResult; ms: number }> {
  const started = Date.now();
  const run = await runCli(GREET, { home, env: { OTEL_EXPORTER_OTLP_TIMEOUT: TIMEOUT, ...env } });
  return { run, ms: Date.now() - started };
}

function expectHostUnchanged(run: CliResult): void {
  expect({ code: run.code, stdout: run.stdout, stackTrace: hasStackTrace(run.stderr) }).toEqual({ code: 0, stdout: HELLO, stackTrace: false });
}

function backoffOf(home: string): { until: number; failures: number; reason?: string } | undefined {
  try {
    return JSON.parse(readFileSync(join(stateOf(home), 'sender.backoff'), 'utf8')) as { until: number; failures: number; reason?: string };
  } catch {
    return undefined;
  }
}

const spanCount = (body: Buffer): number => spansOf(decodeProtobuf('traces', body)).length;

beforeAll(async () => {
  const r = await startReceiver();
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const home = noticedHome();
    times.push((await host(home, { OTEL_EXPORTER_OTLP_ENDPOINT: r.url })).ms);
    await awaitSenders(home);
  }
  await r.close();
  baselineMs = times.sort((a, b) => a - b)[1];
  process.stdout.write(`host run with a healthy collector: ${baselineMs} ms (median of 3)\n`);
}, 120_000);

/** Runs acme once against a receiver that answers as told, waits for its sender, and reports. */
async function throttled(fault: string, respond: NonNullable<Parameters<typeof startReceiver>[0]>['respond']): Promise<{ r: Receiver; home: string }> {
  const r = await startReceiver({ respond });
  const home = noticedHome();
  const { run, ms } = await host(home, { OTEL_EXPORTER_OTLP_ENDPOINT: r.url });
  expectHostUnchanged(run);
  await awaitSenders(home);
  const gaps = r.requests.slice(1).map((q, i) => q.time - r.requests[i].time);
  recordFigure(fault, { delivered: r.spans().length, made: 1, requests: r.requests.length, left: spoolOf(home).length, retryGapsMs: gaps, addedMs: ms - baselineMs });
  return { r, home };
}

describe('collector answers', () => {
  it('429 without Retry-After: retried with backoff, delivered once', async () => {
    const { r, home } = await throttled('429', (n) => (n === 0 ? { status: 429 } : { status: 200 }));
    expect({ statuses: r.requests.map((q) => q.status), delivered: r.spans().length, left: spoolOf(home).length }).toEqual({ statuses: [429, 200], delivered: 1, left: 0 });
    await r.close();
  }, 60_000);

  it('429 with Retry-After in seconds: waits, then delivered once', async () => {
    const { r, home } = await throttled('429 Retry-After: 2', (n) => (n === 0 ? { status: 429, headers: { 'retry-after': '2' } } : { status: 200 }));
    expect({ statuses: r.requests.map((q) => q.status), delivered: r.spans().length, left: spoolOf(home).length }).toEqual({ statuses: [429, 200], delivered: 1, left: 0 });
    await r.close();
  }, 60_000);

  it('503 with Retry-After as an HTTP-date: waits, then delivered once', async () => {
    const { r, home } = await throttled('503 Retry-After: <HTTP-date>', (n) => (n === 0 ? { status: 503, headers: { 'retry-after': new Date(Date.now() + 2_000).toUTCString() } } : { status: 200 }));
    expect({ statuses: r.requests.map((q) => q.status), delivered: r.spans().length, left: spoolOf(home).length }).toEqual({ statuses: [503, 200], delivered: 1, left: 0 });
    await r.close();
  }, 60_000);

  it('503 without Retry-After, for ever: bounded retries, the run is kept, delivery backs off', async () => {
    const { r, home } = await throttled('503 always', () => ({ status: 503 }));
    expect(r.spans()).toHaveLength(0);
    expect(r.requests.length).toBeGreaterThan(1);
    expect(r.requests.length).toBeLessThanOrEqual(12); // two rounds of at most six attempts
    expect(spoolOf(home)).toHaveLength(1);
    expect(backoffOf(home)?.reason).toBe('http-503');
    await r.close();
  }, 60_000);

  it('503 with a Retry-After longer than the deadline: one request, and later runs wait as long as asked', async () => {
    const { r, home } = await throttled('503 Retry-After: 120', () => ({ status: 503, headers: { 'retry-after': '120' } }));
    expect(r.requests).toHaveLength(1);
    expect(spoolOf(home)).toHaveLength(1);
    const backoff = backoffOf(home);
    expect(backoff?.reason).toBe('http-503');
    expect((backoff?.until ?? 0) - Date.now()).toBeGreaterThan(60_000);
    // A later run within that time starts no sender: the collector is not asked again.
    const { run } = await host(home, { OTEL_EXPORTER_OTLP_ENDPOINT: r.url });
    expectHostUnchanged(run);
    await sleep(1_000);
    expect({ requests: r.requests.length, left: spoolOf(home).length }).toEqual({ requests: 1, left: 2 });
    await r.close();
  }, 60_000);
});

describe('413 and partial success (sender on a spool of 8 runs)', () => {
  it('413 for any batch of more than one span: split until it fits, every run delivered once', async () => {
    const r = await startReceiver({ respond: (_n, body) => ({ status: spanCount(body) > 1 ? 413 : 200 }) });
    const home = noticedHome();
    const ids = seedSpool(join(stateOf(home), 'spool'), 8);
    const sender = await runSender(senderConfig(home, r.url));
    const got = r.spans().map((s) => s.attributes['clitel.run.id']);
    recordFigure('413 (batch too large)', { delivered: got.length, made: 8, duplicates: got.length - new Set(got).size, requests: r.requests.length, senderMs: sender.ms });
    expect({ delivered: [...got].sort(), left: spoolOf(home).length }).toEqual({ delivered: [...ids].sort(), left: 0 });
    expect(r.requests.length).toBeLessThanOrEqual(2 * 8 - 1);
    await r.close();
  }, 60_000);

  it('413 for every request: split down to single runs, then dropped; never a loop', async () => {
    const r = await startReceiver({ respond: () => ({ status: 413 }) });
    const home = noticedHome();
    seedSpool(join(stateOf(home), 'spool'), 8);
    const sender = await runSender(senderConfig(home, r.url));
    recordFigure('413 always', { delivered: 0, made: 8, dropped: 8, requests: r.requests.length, senderMs: sender.ms });
    expect({ requests: r.requests.length, left: spoolOf(home).length }).toEqual({ requests: 2 * 8 - 1, left: 0 });
    await r.close();
  }, 60_000);

  it('OTLP partial_success with rejected spans: counts as delivered, never resent', async () => {
    // ExportTraceServiceResponse { partial_success { rejected_spans: 3, error_message: "x" } }
    const partial = Buffer.from([0x0a, 0x05, 0x08, 0x03, 0x12, 0x01, 0x78]);
    const r = await startReceiver({ respond: () => ({ status: 200, body: partial }) });
    const home = noticedHome();
    seedSpool(join(stateOf(home), 'spool'), 8);
    await runSender(senderConfig(home, r.url));
    await runSender(senderConfig(home, r.url));
    recordFigure('partial_success', { requests: r.requests.length, made: 8, accepted: r.spans().length, left: spoolOf(home).length });
    expect({ requests: r.requests.length, left: spoolOf(home).length }).toEqual({ requests: 1, left: 0 });
    await r.close();
  }, 60_000);
});

describe('slow and stalled collectors', () => {
  it('a collector that trickles its answer one byte a second: the request is cut at the export timeout, the run kept', async () => {
    const raw = await startRawServer((socket) => {
      const answer = Buffer.from('HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n');
      let i = 0;
      const timer = setInterval(() => {
        if (socket.destroyed || i >= answer.length) return clearInterval(timer);
        socket.write(answer.subarray(i, ++i));
      }, 1_000);
      socket.on('close', () => clearInterval(timer));
    });
    const home = noticedHome();
    const started = Date.now();
    const { run, ms } = await host(home, { OTEL_EXPORTER_OTLP_ENDPOINT: raw.url });
    expectHostUnchanged(run);
    expect(await awaitSenders(home)).toBe(true);
    recordFigure('trickle 1 byte/s', { senderMs: Date.now() - started, requests: raw.bodies.length, left: spoolOf(home).length, addedMs: ms - baselineMs });
    expect(spoolOf(home)).toHaveLength(1);
    expect(backoffOf(home)?.reason).toBe('ETIMEDOUT');
    await raw.close();
  }, 60_000);

  it('a collector that sends 200 headers and then stalls: taken as delivered, not resent', async () => {
    const raw = await startRawServer((socket) => socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/x-protobuf\r\ncontent-length: 100\r\n\r\n'));
    const home = noticedHome();
    const { run, ms } = await host(home, { OTEL_EXPORTER_OTLP_ENDPOINT: raw.url });
    expectHostUnchanged(run);
    expect(await awaitSenders(home)).toBe(true);
    recordFigure('200 headers then stall', { requests: raw.bodies.length, made: 1, left: spoolOf(home).length, addedMs: ms - baselineMs });
    expect({ requests: raw.bodies.length, left: spoolOf(home).length }).toEqual({ requests: 1, left: 0 });
    await raw.close();
  }, 60_000);

  it('a collector that sends 503 headers and then stalls: the run kept', async () => {
    const raw = await startRawServer((socket) => socket.write('HTTP/1.1 503 Service Unavailable\r\ncontent-length: 100\r\n\r\n'));
    const home = noticedHome();
    const { run } = await host(home, { OTEL_EXPORTER_OTLP_ENDPOINT: raw.url });
    expectHostUnchanged(run);
    expect(await awaitSenders(home)).toBe(true);
    recordFigure('503 headers then stall', { requests: raw.bodies.length, left: spoolOf(home).length });
    expect(spoolOf(home)).toHaveLength(1);
    await raw.close();
  }, 60_000);
});

describe('TLS that does not verify', () => {
  const certs = (san: string): { key: string; cert: string } => {
    const dir = mkdtempSync(join(tmpdir(), 'clitel-tls-'));
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=clitel test', '-addext', `subjectAltName=${san}`], { stdio: 'ignore' });
    return { key, cert };
  };

  async function tlsCase(fault: string, san: string, trust: boolean): Promise<void> {
    if (!requireReal(hasCommand('openssl'), 'the openssl command line makes the test certificates')) return;
    const { key, cert } = certs(san);
    let handshakes = 0;
    let requests = 0;
    const server = createHttpsServer({ key: readFileSync(key), cert: readFileSync(cert) }, (_req, res) => {
      requests += 1;
      res.writeHead(200).end();
    });
    server.on('secureConnection', () => { handshakes += 1; });
    server.on('tlsClientError', () => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const home = noticedHome();
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: url, ...(trust ? { NODE_EXTRA_CA_CERTS: cert } : {}) };
    const { run, ms } = await host(home, env);
    expectHostUnchanged(run);
    expect(await awaitSenders(home)).toBe(true);
    const debug = await runCli(GREET, { home, env: { ...env, CLITEL_DEBUG: '1' } });
    const line = debug.stderr.split('\n').find((l) => l.includes('the last delivery failed')) ?? '';
    recordFigure(fault, { requests, handshakes, left: spoolOf(home).length, addedMs: ms - baselineMs, debugLine: line });
    expect({ requests, left: spoolOf(home).length }).toEqual({ requests: 0, left: 1 });
    expect(line).toMatch(/^clitel: the last delivery failed \([A-Z_]+\)/);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  it('a certificate from an unknown CA: no request is sent, the run kept, a debug line says why', () => tlsCase('TLS unknown CA', 'IP:127.0.0.1', false), 60_000);
  it('a certificate for another host name: no request is sent, the run kept, a debug line says why', () => tlsCase('TLS wrong host name', 'DNS:collector.test', true), 60_000);
});

describe('proxies and names that fail', () => {
  async function unreachable(fault: string, env: Record<string, string>): Promise<void> {
    const home = noticedHome();
    const started = Date.now();
    const { run, ms } = await host(home, env);
    expectHostUnchanged(run);
    expect(await awaitSenders(home)).toBe(true);
    const reason = backoffOf(home)?.reason;
    recordFigure(fault, { left: spoolOf(home).length, reason, senderMs: Date.now() - started, addedMs: ms - baselineMs });
    expect(spoolOf(home)).toHaveLength(1);
    expect(reason).toMatch(/^[A-Z_]+$/);
  }

  it('an HTTPS proxy that refuses connections: the run kept', async () => {
    await unreachable('HTTPS proxy refuses', { OTEL_EXPORTER_OTLP_ENDPOINT: 'https://127.0.0.1:9', HTTPS_PROXY: `http://127.0.0.1:${await closedPort()}` });
  }, 60_000);

  it('an HTTP proxy that accepts and never answers: the run kept', async () => {
    const stall = await startRawServer(() => undefined);
    await unreachable('HTTP proxy stalls', { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9', HTTP_PROXY: stall.url });
    await stall.close();
  }, 60_000);

  it('an HTTPS proxy that accepts CONNECT and never answers: the run kept', async () => {
    const stall = await startRawServer(() => undefined);
    await unreachable('HTTPS proxy stalls', { OTEL_EXPORTER_OTLP_ENDPOINT: 'https://127.0.0.1:9', HTTPS_PROXY: stall.url });
    await stall.close();
  }, 60_000);

  it('a collector name that does not resolve (.invalid): the run kept', async () => {
    await unreachable('DNS does not resolve', { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector.invalid:4318' });
  }, 60_000);
});

afterAll(() => {
  process.stdout.write(`baseline host run: ${baselineMs} ms\n`);
});
