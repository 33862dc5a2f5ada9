// SPDX-License-Identifier: Apache-2.0
// Trust features: deterministic sampling per installation, and the local log of what was sent.
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../helpers/receiver.js';
import { noticedHome, runAcme } from '../helpers/acme.js';
import { REPO, runCli } from '../helpers/run-cli.js';

let receiver: Receiver;
beforeAll(async () => { receiver = await startReceiver(); });
afterAll(async () => { await receiver.close(); });

async function pool<T>(items: T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(Array.from({ length: size }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await fn(item);
  }));
}

describe('deterministic sampling', () => {
  it('splits installations near the rate, each always in or always out, and sampled-out runs write nothing', async () => {
    const script = join(REPO, 'test/fixtures/sampled-cli.mjs');
    const installs = Array.from({ length: 200 }, () => {
      const home = noticedHome('halfway');
      const id = randomUUID();
      writeFileSync(join(home, '.local/state/clitel/halfway/installation-id'), `${id}\n`);
      return { home, id };
    });
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url };
    for (let round = 0; round < 2; round++) await pool(installs, 4, async ({ home }) => { await runCli(['go'], { home, script, env }); });
    const spoolFiles = () => installs.flatMap(({ home }) => {
      try {
        return readdirSync(join(home, '.local/state/clitel/halfway/spool')).filter((n) => n.endsWith('.json'));
      } catch {
        return [];
      }
    });
    for (const end = Date.now() + 60_000; spoolFiles().length > 0 && Date.now() < end;) await new Promise((r) => setTimeout(r, 200));
    expect(spoolFiles()).toEqual([]);
    const spans = receiver.spans().filter((s) => s.resource['service.name'] === 'halfway');
    const perId = new Map<string, number>();
    for (const s of spans) perId.set(String(s.resource['clitel.installation.id']), (perId.get(String(s.resource['clitel.installation.id'])) ?? 0) + 1);
    expect([...perId.values()].filter((n) => n !== 2)).toEqual([]);
    expect(perId.size).toBeGreaterThan(70);
    expect(perId.size).toBeLessThan(130);
    expect(spans.every((s) => s.attributes['clitel.sample_rate'] === 0.5)).toBe(true);
    for (const { home, id } of installs) {
      if (!perId.has(id)) expect(existsSync(join(home, '.local/state/clitel/halfway/spool'))).toBe(false);
    }
  }, 120_000);
});

describe('telemetry show', () => {
  it('lists exactly the runs the receiver got, and prints the OTLP/JSON with --json', async () => {
    const home = noticedHome();
    const before = receiver.spans().length;
    const commands = [['deploy', 'web', '--env', 'prod', '--token', 't'], ['greet', '--name', 'Ann'], ['fail']];
    for (const c of commands) await runAcme(c, receiver.url, { home });
    const received = (await receiver.waitForSpans(before + 3)).slice(before);
    const show = await runAcme(['telemetry', 'show'], receiver.url, { home });
    const id = received[0].resource['clitel.installation.id'];
    expect(show.stdout).toContain(`Installation id: ${id}`);
    const runLines = show.stdout.split('\n').filter((l) => / {2}acme /.test(l));
    expect(runLines.map((l) => l.split('  ')[1])).toEqual(received.map((s) => s.name));
    expect(runLines[0]).toContain('clitel.option.env=prod');
    expect(runLines[2]).toContain('process.exit.code=3');
    const json = await runAcme(['telemetry', 'show', '--json'], receiver.url, { home });
    const bodies = json.stdout.trim().split('\n').map((l) => JSON.parse(l) as { resourceSpans: { scopeSpans: { spans: { spanId: string }[] }[] }[] });
    const logged = bodies.flatMap((b) => b.resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans.map((s) => s.spanId))));
    expect(logged).toEqual(received.map((s) => s.spanId));
  });

  it('deletes the log when the user opts out', async () => {
    const home = noticedHome();
    await runAcme(['greet', '--name', 'x'], receiver.url, { home });
    expect(existsSync(join(home, '.local/state/clitel/acme/sent.jsonl'))).toBe(true);
    await runAcme(['telemetry', 'disable'], receiver.url, { home });
    expect(existsSync(join(home, '.local/state/clitel/acme/sent.jsonl'))).toBe(false);
  });
});
