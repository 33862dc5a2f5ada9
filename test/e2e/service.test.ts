// SPDX-License-Identifier: Apache-2.0
// @clitel/service in real processes: a fixture service sends heartbeats to a real receiver,
// directly or through a real local proxy, under the consent rules.
import { mkdirSync, writeFileSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../helpers/receiver.js';
import { filesUnder, freshHome, REPO, runCli, type CliResult } from '../helpers/run-cli.js';
import type { DecodedPoint } from '../helpers/otlp-decode.js';
import { startProxy, type TestProxy } from '../fixtures/proxy.js';
import { hasOpenssl, startHttpsReceiver, type HttpsReceiver } from '../fixtures/service/https-receiver.js';

const SERVER = join(REPO, 'test/fixtures/service/server.mjs');
const RESOURCE_KEYS = [
  'clitel.edition', 'clitel.session.id', 'host.arch', 'os.type', 'os.version', 'process.runtime.name', 'process.runtime.version',
  'service.name', 'service.version', 'telemetry.distro.name', 'telemetry.distro.version', 'telemetry.sdk.language',
  'telemetry.sdk.name', 'telemetry.sdk.version',
];

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((o) => o.close()));
});

async function receiver(options: Parameters<typeof startReceiver>[0] = {}): Promise<Receiver> {
  const r = await startReceiver(options);
  open.push(r);
  return r;
}

async function proxy(): Promise<TestProxy> {
  const p = await startProxy();
  open.push(p);
  return p;
}

async function until(check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
}

/**
 * Runs the service until `count` heartbeats arrived (or the wait is over), then stops it with
 * SIGTERM; `beforeStop` is how many had arrived when it was told to stop.
 */
async function serveUntil(heartbeats: () => number, count: number, env: Record<string, string>, home = freshHome()): Promise<CliResult & { beforeStop: number }> {
  let beforeStop = -1;
  const run = await runCli([], {
    script: SERVER,
    home,
    env: { FIXTURE_TELEMETRY: 'on', FIXTURE_INTERVAL_MS: '300', ...env },
    onSpawn: (child: ChildProcess) => {
      void until(() => heartbeats() >= count).then(() => {
        beforeStop = heartbeats();
        child.kill('SIGTERM');
      });
    },
  });
  return { ...run, beforeStop };
}

/** Runs the service in "start, then shut down" mode. */
function serveOnce(env: Record<string, string>, home = freshHome()): Promise<CliResult> {
  return runCli([], { script: SERVER, home, env: { FIXTURE_ONCE: '1', ...env } });
}

const metricRequests = (r: Receiver): number => r.requests.filter((q) => q.path === '/v1/metrics').length;
const named = (points: DecodedPoint[], metric: string): DecodedPoint[] => points.filter((p) => p.metric === metric);

describe('service heartbeats', () => {
  it('sends a heartbeat at start and again after the interval, with one session id', async () => {
    const r = await receiver();
    const run = await serveUntil(() => metricRequests(r), 2, { OTEL_EXPORTER_OTLP_ENDPOINT: r.url });
    expect(run.beforeStop).toBeGreaterThanOrEqual(2);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('fixture-svc up, telemetry on\nfixture-svc stopped\n');
    const points = r.points();
    const beats = named(points, 'clitel.service.heartbeats').map((p) => p.value);
    expect(beats.slice(0, 2)).toEqual([1, 2]);
    expect(new Set(points.map((p) => p.resource['clitel.session.id'])).size).toBe(1);
    const first = points[0].resource;
    expect(Object.keys(first).sort()).toEqual(RESOURCE_KEYS);
    expect(first['service.name']).toBe('fixture-svc');
    expect(first['service.version']).toBe('3.2.1');
    expect(first['clitel.edition']).toBe('enterprise');
    expect(first['process.runtime.version']).toBe(process.versions.node);
    expect(named(points, 'clitel.service.uptime').every((p) => Number.isInteger(p.value) && p.value >= 0)).toBe(true);
  });

  it('sends the first heartbeat at start, not after the first interval', async () => {
    const r = await receiver();
    const run = await serveUntil(() => metricRequests(r), 1, { OTEL_EXPORTER_OTLP_ENDPOINT: r.url, FIXTURE_INTERVAL_MS: '3600000' });
    expect(run.beforeStop).toBe(1);
    expect(named(r.points(), 'clitel.service.heartbeats')[0].value).toBe(1);
  });

  it('reports host counts only as buckets, and errors only by type', async () => {
    const r = await receiver();
    await serveOnce({ FIXTURE_TELEMETRY: 'on', OTEL_EXPORTER_OTLP_ENDPOINT: r.url });
    const points = r.points();
    const counts = named(points, 'clitel.service.count');
    const last = (name: string): DecodedPoint | undefined => counts.filter((p) => p.attributes['clitel.count.name'] === name).at(-1);
    expect(last('users')).toMatchObject({ value: 10, attributes: { 'clitel.count.name': 'users', 'clitel.count.bucket': '10-100' } });
    expect(last('projects')).toMatchObject({ value: 1000, attributes: { 'clitel.count.bucket': '1000-10000' } });
    expect(last('broken')).toBeUndefined();
    const errors = Object.fromEntries(named(points, 'clitel.service.errors').map((p) => [p.attributes['error.type'], p.value]));
    expect(errors).toEqual({ TypeError: 2, RangeError: 1 });
    const bytes = r.allBytes().toString('latin1');
    for (const secret of ['alice', 'example.com', 'E_SECRET', 'secret-path', 'out of range', hostname(), userInfo().username]) expect(bytes).not.toContain(secret);
  });

  it('sends an edition outside the allowlist as _other', async () => {
    const r = await receiver();
    await serveOnce({ FIXTURE_TELEMETRY: 'on', FIXTURE_EDITION: 'acme-corp-site-license-42', OTEL_EXPORTER_OTLP_ENDPOINT: r.url });
    expect(r.points()[0].resource['clitel.edition']).toBe('_other');
    expect(r.allBytes().toString('latin1')).not.toContain('acme-corp');
  });

  it('sends only service.name and service.version, uptime and errors at CLITEL_LEVEL=minimal', async () => {
    const r = await receiver();
    await serveOnce({ FIXTURE_TELEMETRY: 'on', CLITEL_LEVEL: 'minimal', OTEL_EXPORTER_OTLP_ENDPOINT: r.url });
    const points = r.points();
    expect(points.length).toBeGreaterThan(0);
    for (const p of points) expect(Object.keys(p.resource).sort()).toEqual(['service.name', 'service.version']);
    expect([...new Set(points.map((p) => p.metric))].sort()).toEqual(['clitel.service.errors', 'clitel.service.heartbeats', 'clitel.service.uptime']);
  });
});

describe('service consent', () => {
  it('is opt-in: sends nothing until the operator enables it', async () => {
    const r = await receiver();
    const home = freshHome();
    const run = await serveOnce({ OTEL_EXPORTER_OTLP_ENDPOINT: r.url }, home);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('fixture-svc up, telemetry off\nfixture-svc stopped\n');
    expect(r.requests).toEqual([]);
    expect(filesUnder(home)).toEqual([]);
  });

  it('is enabled by a persisted choice too', async () => {
    const r = await receiver();
    const home = freshHome();
    mkdirSync(join(home, '.config/clitel/tools'), { recursive: true });
    writeFileSync(join(home, '.config/clitel/tools/fixture-svc.json'), '{"telemetry":"enabled"}\n');
    await serveOnce({ OTEL_EXPORTER_OTLP_ENDPOINT: r.url }, home);
    expect(metricRequests(r)).toBeGreaterThan(0);
  });

  it.each([
    ['DO_NOT_TRACK', '1'],
    ['CLITEL_TELEMETRY_OPTOUT', '1'],
    ['OTEL_SDK_DISABLED', 'true'],
    ['FIXTURE_SVC_TELEMETRY_OPTOUT', '1'],
  ])('sends nothing when %s=%s, even when the service enables telemetry', async (name, value) => {
    const r = await receiver();
    const run = await serveOnce({ FIXTURE_TELEMETRY: 'on', OTEL_EXPORTER_OTLP_ENDPOINT: r.url, [name]: value });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('fixture-svc up, telemetry off\nfixture-svc stopped\n');
    expect(r.requests).toEqual([]);
  });

  it('sends nothing when the machine-wide choice is disabled', async () => {
    const r = await receiver();
    const home = freshHome();
    mkdirSync(join(home, '.config/clitel'), { recursive: true });
    writeFileSync(join(home, '.config/clitel/config.json'), '{"telemetry":"disabled"}\n');
    await serveOnce({ FIXTURE_TELEMETRY: 'on', OTEL_EXPORTER_OTLP_ENDPOINT: r.url }, home);
    expect(r.requests).toEqual([]);
  });

  it('prints what would be sent with CLITEL_DEBUG=1 and sends nothing', async () => {
    const r = await receiver();
    const run = await serveOnce({ FIXTURE_TELEMETRY: 'on', CLITEL_DEBUG: '1', OTEL_EXPORTER_OTLP_ENDPOINT: r.url });
    expect(run.stderr).toContain('"clitel.service.heartbeats"');
    expect(run.stdout).not.toContain('resourceMetrics');
    expect(r.requests).toEqual([]);
  });

  it('announces itself on stderr when the service is opt-out and nobody chose', async () => {
    const r = await receiver();
    const run = await serveOnce({ FIXTURE_MODE: 'opt-out', OTEL_EXPORTER_OTLP_ENDPOINT: r.url });
    expect(run.stderr).toMatch(/^clitel: fixture-svc sends an anonymous heartbeat .* FIXTURE_SVC_TELEMETRY_OPTOUT=1/m);
    expect(run.stdout).toBe('fixture-svc up, telemetry on\nfixture-svc stopped\n');
    expect(metricRequests(r)).toBeGreaterThan(0);
  });
});

describe('service export path', () => {
  it('goes through HTTP_PROXY (a real forward proxy) to an http endpoint', async () => {
    const r = await receiver();
    const p = await proxy();
    await serveUntil(() => metricRequests(r), 2, { OTEL_EXPORTER_OTLP_ENDPOINT: r.url, HTTP_PROXY: p.url });
    expect(metricRequests(r)).toBeGreaterThanOrEqual(2);
    expect(p.forwards.length).toBe(metricRequests(r));
    expect(new Set(p.forwards)).toEqual(new Set([`${r.url}/v1/metrics`]));
    expect(named(r.points(), 'clitel.service.heartbeats').map((x) => x.value).slice(0, 2)).toEqual([1, 2]);
  });

  it('sends proxy credentials from the proxy URL', async () => {
    const r = await receiver();
    const p = await proxy();
    await serveOnce({ FIXTURE_TELEMETRY: 'on', OTEL_EXPORTER_OTLP_ENDPOINT: r.url, http_proxy: p.url.replace('://', '://ops:s3cret@') });
    expect(p.authorizations[0]).toBe(`Basic ${Buffer.from('ops:s3cret').toString('base64')}`);
    expect(r.allBytes().toString('latin1')).not.toContain('s3cret');
  });

  it('bypasses the proxy for hosts in NO_PROXY', async () => {
    const r = await receiver();
    const p = await proxy();
    await serveOnce({ FIXTURE_TELEMETRY: 'on', OTEL_EXPORTER_OTLP_ENDPOINT: r.url, HTTP_PROXY: p.url, NO_PROXY: 'localhost,127.0.0.1' });
    expect(metricRequests(r)).toBeGreaterThan(0);
    expect(p.forwards).toEqual([]);
    expect(p.connects).toEqual([]);
  });

  it.skipIf(!hasOpenssl())('tunnels through HTTPS_PROXY with CONNECT to an https endpoint', async () => {
    const tls: HttpsReceiver = await startHttpsReceiver();
    open.push(tls);
    const p = await proxy();
    await serveUntil(() => tls.requests(), 2, { OTEL_EXPORTER_OTLP_ENDPOINT: tls.url, HTTPS_PROXY: p.url, NODE_EXTRA_CA_CERTS: tls.caFile });
    expect(tls.requests()).toBeGreaterThanOrEqual(2);
    expect(new Set(p.connects)).toEqual(new Set([new URL(tls.url).host]));
    expect(p.forwards).toEqual([]);
    expect(named(tls.points(), 'clitel.service.heartbeats').map((x) => x.value).slice(0, 2)).toEqual([1, 2]);
  });

  it('shuts down within its bound when the endpoint never answers', async () => {
    const r = await receiver({ blackhole: true });
    const run = await serveOnce({ FIXTURE_TELEMETRY: 'on', OTEL_EXPORTER_OTLP_ENDPOINT: r.url });
    expect(run.signal).toBeNull();
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('fixture-svc up, telemetry on\nfixture-svc stopped\n');
  });

  it('never keeps the process alive: an idle service exits on its own', async () => {
    const r = await receiver();
    const run = await runCli([], { script: SERVER, env: { FIXTURE_TELEMETRY: 'on', FIXTURE_IDLE: '1', OTEL_EXPORTER_OTLP_ENDPOINT: r.url } });
    expect(run.signal).toBeNull();
    expect(run.code).toBe(0);
  });

  it('behaves the same when the endpoint is closed', async () => {
    const r = await receiver();
    const url = r.url;
    await r.close();
    const run = await serveOnce({ FIXTURE_TELEMETRY: 'on', OTEL_EXPORTER_OTLP_ENDPOINT: url });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('fixture-svc up, telemetry on\nfixture-svc stopped\n');
    expect(run.stderr).toBe('');
  });
});
