// SPDX-License-Identifier: Apache-2.0
// Delivery off the critical path: spool, detached sender, retries, caps, signals.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../helpers/receiver.js';
import { noticedHome } from '../helpers/acme.js';
import { REPO, runCli } from '../helpers/run-cli.js';
import { recordFigure } from '../helpers/faults.js';

const SLOW = join(REPO, 'test/fixtures/slow-cli.mjs');
const DEPLOY = ['deploy', 'web', '--env', 'prod', '--token', 't'];
const spoolOf = (home: string, tool = 'acme'): string[] => {
  try {
    return readdirSync(join(home, '.local/state/clitel', tool, 'spool')).filter((n) => n.endsWith('.json'));
  } catch {
    return [];
  }
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (!check() && Date.now() < end) await sleep(100);
  return check();
}

const receivers: Receiver[] = [];
async function receiver(options?: Parameters<typeof startReceiver>[0]): Promise<Receiver> {
  const r = await startReceiver(options);
  receivers.push(r);
  return r;
}
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

describe('background delivery', () => {
  it('200 concurrent runs: the sender drains, every run arrives, and a copy only ever with its span id', async () => {
    const r = await receiver();
    const home = noticedHome();
    // Delivery is at least once: on a loaded machine this busy test process can answer after a
    // request's timeout, and that batch is sent again. What must hold is that no run is lost and a
    // copy is the same span (same ids), so a backend can drop it. Two senders racing on one spool
    // are checked for exactly once in test/faults/kill.test.ts.
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: r.url };
    const runs = await Promise.all(Array.from({ length: 200 }, () => runCli(DEPLOY, { home, env, timeoutMs: 90_000 })));
    expect(runs.every((run) => run.code === 0)).toBe(true);
    await r.waitForSpans(200, 90_000);
    await until(() => spoolOf(home).length === 0, 30_000);
    await sleep(1_000);
    const spanIds = new Map<unknown, Set<string>>();
    for (const s of r.spans()) spanIds.set(s.attributes['clitel.run.id'], (spanIds.get(s.attributes['clitel.run.id']) ?? new Set()).add(s.spanId));
    const copiesWithOtherIds = [...spanIds.values()].filter((ids) => ids.size > 1).length;
    recordFigure('200 concurrent runs', { received: r.spans().length, unique: spanIds.size });
    expect({ unique: spanIds.size, copiesWithOtherIds, leftInSpool: spoolOf(home).length }).toEqual({ unique: 200, copiesWithOtherIds: 0, leftInSpool: 0 });
    expect(r.spans().every((s) => s.name === 'acme deploy')).toBe(true);
  }, 180_000);

  it('keeps runs made while the receiver is down and delivers them on a later run', async () => {
    const first = await receiver();
    const port = first.port;
    await first.close();
    const home = noticedHome();
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}` };
    for (let i = 0; i < 3; i++) await runCli(DEPLOY, { home, env });
    expect(await until(() => spoolOf(home).length === 3, 10_000)).toBe(true);
    const back = await receiver({ port });
    await sleep(2_500); // the first backoff after a failure is 2 s
    await runCli(DEPLOY, { home, env });
    const spans = await back.waitForSpans(4, 20_000);
    expect(spans).toHaveLength(4);
    expect(await until(() => spoolOf(home).length === 0, 5_000)).toBe(true);
  }, 60_000);

  it('retries after 503 with Retry-After, waiting the time it asks for', async () => {
    const r = await receiver({ respond: (n) => (n === 0 ? { status: 503, headers: { 'retry-after': '1' } } : { status: 200 }) });
    const home = noticedHome();
    await runCli(DEPLOY, { home, env: { OTEL_EXPORTER_OTLP_ENDPOINT: r.url } });
    const spans = await r.waitForSpans(1, 20_000);
    expect(spans).toHaveLength(1);
    expect(r.requests.map((q) => q.status)).toEqual([503, 200]);
    expect(r.requests[1].time - r.requests[0].time).toBeGreaterThanOrEqual(950);
  }, 30_000);

  it('drops a batch the receiver rejects with 400 and never sends it again', async () => {
    const r = await receiver({ respond: () => ({ status: 400 }) });
    const home = noticedHome();
    const env = { CI: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: r.url };
    await runCli(DEPLOY, { home, env });
    expect(r.requests).toHaveLength(1);
    expect(spoolOf(home)).toEqual([]);
    await runCli(DEPLOY, { home, env });
    expect(r.requests).toHaveLength(2);
    expect(r.requests.map((q) => q.body.length)).toEqual([r.requests[0].body.length, r.requests[1].body.length]);
  }, 30_000);
});

describe('spool bounds and broken entries', () => {
  it('enforces the entry cap, dropping the oldest first', async () => {
    const home = noticedHome('slow');
    const dead = { CI: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' }; // discard port: refused
    const seen = new Set<string>();
    for (let i = 0; i < 5; i++) {
      await runCli(['quick'], { home, script: SLOW, env: dead });
      spoolOf(home, 'slow').forEach((n) => seen.add(n));
    }
    await sleep(2_100); // past the first backoff, so the next run's sender enforces the caps
    await runCli(['quick'], { home, script: SLOW, env: dead });
    spoolOf(home, 'slow').forEach((n) => seen.add(n));
    const kept = spoolOf(home, 'slow');
    expect(seen.size).toBe(6);
    expect(kept).toEqual([...seen].sort().slice(-3));
  }, 60_000);

  /** A home whose spool holds a run written 8 days ago and a corrupt entry, and, if given, a failure streak that began then. */
  function eightDaysOld(failingFor?: number): string {
    const home = noticedHome();
    const state = join(home, '.local/state/clitel/acme');
    const spool = join(state, 'spool');
    mkdirSync(spool, { recursive: true });
    const old = { v: 1, resource: { 'service.name': 'acme' }, traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), name: 'acme old', start: 1, end: 2, status: 0, attributes: {}, events: [] };
    writeFileSync(join(spool, `${String(Date.now() - 8 * 86_400_000).padStart(13, '0')}-1-aaaaaaaa.json`), JSON.stringify(old));
    writeFileSync(join(spool, `${String(Date.now() - 1000).padStart(13, '0')}-1-bbbbbbbb.json`), '{"v":1,"name":');
    if (failingFor != null) writeFileSync(join(state, 'sender.backoff'), JSON.stringify({ until: Date.now() - 1000, failures: 40, since: Date.now() - failingFor, reason: 'ECONNREFUSED' }));
    return home;
  }

  it('drops entries that waited past the age cap while delivery failed, and skips corrupt ones', async () => {
    const r = await receiver();
    const home = eightDaysOld(8 * 86_400_000);
    await runCli(DEPLOY, { home, env: { CI: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: r.url } });
    const spans = await r.waitForSpans(1);
    expect(spans.map((s) => s.name)).toEqual(['acme deploy']);
    expect(spoolOf(home)).toEqual([]);
  });

  it('delivers an old entry when delivery has not been failing: the age cap counts only failed time', async () => {
    for (const failingFor of [undefined, 6 * 86_400_000]) {
      const r = await receiver();
      const home = eightDaysOld(failingFor);
      await runCli(DEPLOY, { home, env: { CI: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: r.url } });
      const spans = await r.waitForSpans(2);
      expect({ failingFor, names: spans.map((s) => s.name).sort() }).toEqual({ failingFor, names: ['acme deploy', 'acme old'] });
      expect(spoolOf(home)).toEqual([]);
      await r.close();
    }
  });
});

describe('signals', () => {
  it('records a span with exit code 130 when the command is interrupted with SIGINT', async () => {
    const r = await receiver();
    const home = noticedHome('slow');
    const run = await runCli(['wait'], {
      home,
      script: SLOW,
      env: { CI: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: r.url },
      onSpawn: (child) => child.stdout?.once('data', () => child.kill('SIGINT')),
    });
    expect(run.signal).toBe('SIGINT');
    const spans = await r.waitForSpans(1);
    expect(spans[0].name).toBe('slow wait');
    expect(spans[0].attributes['process.exit.code']).toBe(130);
    expect(spans[0].attributes['error.type']).toBe('130');
  });
});
