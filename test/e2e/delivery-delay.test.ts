// SPDX-License-Identifier: Apache-2.0
// The delivery delay (docs/delivery.md): a run starts a sender only when the spool holds 20 runs or
// its oldest entry waited 10 minutes; until then runs only write their entry. Nothing is lost: the
// run that finds the spool due delivers every entry, exactly once.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../helpers/receiver.js';
import { noticedHome } from '../helpers/acme.js';
import { runCli } from '../helpers/run-cli.js';

const GREET = ['greet', '--name', 'Delay'];
const state = (home: string): string => join(home, '.local/state/clitel/acme');
const spoolOf = (home: string): string[] => (existsSync(join(state(home), 'spool')) ? readdirSync(join(state(home), 'spool')).filter((n) => n.endsWith('.json')) : []);
/** Files a sender or a spawn decision leaves behind: none means no sender was ever started. */
const senderTraces = (home: string): string[] => readdirSync(state(home)).filter((n) => n.startsWith('sender.'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (!check() && Date.now() < end) await sleep(100);
  return check();
}

const receivers: Receiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

describe('delivery delay', () => {
  it('keeps 19 runs in the spool without starting a sender; the 20th delivers all of them once', async () => {
    const r = await startReceiver();
    receivers.push(r);
    const home = noticedHome();
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: r.url, CLITEL_SEND_NOW: '' };
    for (let i = 0; i < 19; i++) {
      const run = await runCli(GREET, { home, env });
      expect(run.code).toBe(0);
    }
    expect({ spooled: spoolOf(home).length, senderFiles: senderTraces(home), requests: r.requests.length }).toEqual({ spooled: 19, senderFiles: [], requests: 0 });
    await runCli(GREET, { home, env });
    const spans = await r.waitForSpans(20, 30_000);
    expect(await until(() => spoolOf(home).length === 0, 10_000)).toBe(true);
    const ids = spans.map((s) => s.attributes['clitel.run.id']);
    expect({ received: ids.length, unique: new Set(ids).size }).toEqual({ received: 20, unique: 20 });
  }, 120_000);

  it('starts a sender when the oldest entry has waited 10 minutes', async () => {
    const r = await startReceiver();
    receivers.push(r);
    const home = noticedHome();
    const spool = join(state(home), 'spool');
    mkdirSync(spool, { recursive: true });
    const waited = { v: 1, resource: { 'service.name': 'acme' }, traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), name: 'acme waited', start: 1, end: 2, status: 0, attributes: {}, events: [] };
    writeFileSync(join(spool, `${String(Date.now() - 11 * 60_000).padStart(13, '0')}-1-aaaaaaaa.json`), JSON.stringify(waited));
    await runCli(GREET, { home, env: { OTEL_EXPORTER_OTLP_ENDPOINT: r.url, CLITEL_SEND_NOW: '' } });
    const spans = await r.waitForSpans(2, 30_000);
    expect(spans.map((s) => s.name).sort()).toEqual(['acme greet', 'acme waited']);
    expect(await until(() => spoolOf(home).length === 0, 10_000)).toBe(true);
  }, 60_000);

  it('a young entry alone waits: the run writes it and starts no sender', async () => {
    const home = noticedHome();
    const run = await runCli(GREET, { home, env: { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9', CLITEL_SEND_NOW: '' } });
    expect({ code: run.code, stdout: run.stdout, spooled: spoolOf(home).length, senderFiles: senderTraces(home) }).toEqual({ code: 0, stdout: 'Hello, Delay!\n', spooled: 1, senderFiles: [] });
  });
});
