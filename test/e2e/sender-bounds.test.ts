// SPDX-License-Identifier: Apache-2.0
// The sender never lingers, and the start-up path stays small.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../helpers/receiver.js';
import { noticedHome } from '../helpers/acme.js';
import { REPO, runCli } from '../helpers/run-cli.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Pids of sender processes whose environment names this HOME (Linux /proc). */
function sendersOf(home: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const environ = readFileSync(`/proc/${entry}/environ`, 'latin1');
      if (environ.includes('CLITEL_SENDER_CONFIG=') && environ.includes(home)) pids.push(Number(entry));
    } catch {
      // gone or not ours
    }
  }
  return pids;
}

let blackhole: Receiver;
beforeAll(async () => { blackhole = await startReceiver({ blackhole: true }); });
afterAll(async () => { await blackhole.close(); });

describe('sender bounds', () => {
  it.skipIf(process.platform !== 'linux')('ends the sender by its 30 s deadline when the collector never answers', async () => {
    const home = noticedHome();
    const started = Date.now();
    const run = await runCli(['greet', '--name', 'x'], { home, env: { OTEL_EXPORTER_OTLP_ENDPOINT: blackhole.url, OTEL_EXPORTER_OTLP_TIMEOUT: '120000' } });
    expect(run.code).toBe(0);
    let seen = false;
    while (Date.now() - started < 40_000) {
      const alive = sendersOf(home).length > 0;
      seen ||= alive;
      if (seen && !alive) break;
      await sleep(250);
    }
    expect(seen).toBe(true);
    expect(sendersOf(home)).toEqual([]);
    expect(Date.now() - started).toBeLessThan(35_000);
  }, 60_000);

  it('keeps the start-up bundle free of the OTel SDK and exporters, within its size budget', () => {
    const file = join(REPO, 'packages/core/dist/index.js');
    const code = readFileSync(file, 'utf8');
    const size = statSync(file).size;
    process.stdout.write(`start-up bundle: ${size} bytes\n`);
    expect(size).toBeLessThanOrEqual(75_000);
    for (const marker of ['OTLPTraceExporter', 'OTLPMetricExporter', 'sdk-node', 'ProtobufTraceSerializer', 'JsonTraceSerializer', '@opentelemetry/resources']) {
      expect({ marker, found: code.includes(marker) }).toEqual({ marker, found: false });
    }
  });
});
