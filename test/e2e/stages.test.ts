// SPDX-License-Identifier: Apache-2.0
// Execution stages of one run: the example CLI's deploy command calls run.stage('build') and
// run.stage('upload'); the schema allows exactly those names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../helpers/receiver.js';
import { runAcme } from '../helpers/acme.js';
import type { DecodedSpan } from '../helpers/otlp-decode.js';

let receiver: Receiver;
beforeAll(async () => { receiver = await startReceiver(); });
afterAll(async () => { await receiver.close(); });

async function spanOf(args: string[], env: Record<string, string> = {}): Promise<DecodedSpan> {
  const before = receiver.spans().length;
  await runAcme(args, receiver.url, { env: { CI: '', ...env } });
  const spans = (await receiver.waitForSpans(before + 1, 25_000)).slice(before);
  expect(spans).toHaveLength(1);
  return spans[0];
}

const DEPLOY = ['deploy', 'web', '--env', 'prod', '--token', 'tok_live_123'];

describe('execution stages', () => {
  it('records the stages as span events in the order the command reached them', async () => {
    const span = await spanOf(DEPLOY);
    expect(span.events.map((e) => e.name)).toEqual(['build', 'upload']);
    const [build, upload] = span.events;
    expect(build.time >= span.start).toBe(true);
    expect(upload.time >= build.time).toBe(true);
    expect(span.end >= upload.time).toBe(true);
  });

  it('carries no attributes on stage events, so no value can leak through them', async () => {
    const span = await spanOf(DEPLOY);
    for (const e of span.events) expect(e.attributes).toEqual({});
  });

  it('ties every event of a run to one run id, and gives each run its own', async () => {
    const first = await spanOf(DEPLOY);
    const second = await spanOf(DEPLOY);
    expect(first.attributes['clitel.run.id']).toMatch(/^[0-9a-f]{32}$/);
    expect(second.attributes['clitel.run.id']).toMatch(/^[0-9a-f]{32}$/);
    expect(first.attributes['clitel.run.id']).not.toBe(second.attributes['clitel.run.id']);
    // The events live inside the span that holds the run id, so they share it.
    expect(first.events).toHaveLength(2);
  });

  it('records no stages for a command that reaches none', async () => {
    expect((await spanOf(['greet', '--name', 'Alice'])).events).toEqual([]);
  });

  it('records no stages when the command fails before its action runs', async () => {
    const span = await spanOf(['deploy', 'web', '--env', 'prod']);
    expect(span.attributes['error.type']).toBe('CommanderError');
    expect(span.events.map((e) => e.name)).toEqual(['exception']);
  });

  it('records only the exception event when a command crashes before any stage', async () => {
    const span = await spanOf(['crash']);
    expect(span.events.map((e) => e.name)).toEqual(['exception']);
  });

  it('records the same stages over OTLP/JSON', async () => {
    const span = await spanOf(DEPLOY, { OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' });
    expect(span.events.map((e) => e.name)).toEqual(['build', 'upload']);
  });

  // Core records host-called stages only; it does not emit automatic `start`/`end` events, a
  // `progress` event carrying the stage name, or `module-load` as a span event.
  it.todo('emits a start event first and an end event last around the stages');
});
