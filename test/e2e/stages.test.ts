// SPDX-License-Identifier: Apache-2.0
// The events of one run: `start`, `progress` (stages the command reports, from the schema),
// `module-load` (modules the schema names), `exception`, `end`, each with the run id.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../helpers/receiver.js';
import { noticedHome, runAcme } from '../helpers/acme.js';
import { REPO } from '../helpers/run-cli.js';
import type { DecodedSpan } from '../helpers/otlp-decode.js';

let receiver: Receiver;
beforeAll(async () => { receiver = await startReceiver(); });
afterAll(async () => { await receiver.close(); });

async function spanOf(args: string[], env: Record<string, string> = {}, options: { script?: string; home?: string } = {}): Promise<DecodedSpan> {
  const before = receiver.spans().length;
  await runAcme(args, receiver.url, { ...options, env: { CI: '', ...env } });
  const spans = (await receiver.waitForSpans(before + 1, 25_000)).slice(before);
  expect(spans).toHaveLength(1);
  return spans[0];
}

const DEPLOY = ['deploy', 'web', '--env', 'prod', '--token', 'tok_live_123'];
const names = (span: DecodedSpan): string[] => span.events.map((e) => e.name);

describe('run events', () => {
  it('records start, the stages as progress events in order, and end', async () => {
    const span = await spanOf(DEPLOY);
    expect(names(span)).toEqual(['start', 'progress', 'progress', 'end']);
    expect(span.events.filter((e) => e.name === 'progress').map((e) => e.attributes['clitel.stage'])).toEqual(['build', 'upload']);
    const times = span.events.map((e) => e.time);
    expect([...times].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(times);
    expect(times[0] >= span.start && times[times.length - 1] <= span.end).toBe(true);
  });

  it('puts the run id on every event, and gives each run its own', async () => {
    const first = await spanOf(DEPLOY);
    const second = await spanOf(DEPLOY);
    const id = first.attributes['clitel.run.id'];
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(first.events.every((e) => e.attributes['clitel.run.id'] === id)).toBe(true);
    expect(second.attributes['clitel.run.id']).not.toBe(id);
  });

  it('carries nothing on events beyond the run id, the stage and exception type and frames', async () => {
    const span = await spanOf(DEPLOY);
    const keys = new Set(span.events.flatMap((e) => Object.keys(e.attributes)));
    expect([...keys].sort()).toEqual(['clitel.run.id', 'clitel.stage']);
  });

  it('records no progress for a command that reaches no stage', async () => {
    expect(names(await spanOf(['greet', '--name', 'Alice']))).toEqual(['start', 'end']);
  });

  it('records the exception before end when a command fails or crashes', async () => {
    expect(names(await spanOf(['deploy', 'web', '--env', 'prod']))).toEqual(['start', 'exception', 'end']);
    expect(names(await spanOf(['crash']))).toEqual(['start', 'exception', 'end']);
  });

  it('records the same events over OTLP/JSON', async () => {
    expect(names(await spanOf(DEPLOY, { OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' }))).toEqual(['start', 'progress', 'progress', 'end']);
  });

  it('records module-load only for modules the schema names', async () => {
    const span = await spanOf(['build'], {}, { script: join(REPO, 'test/fixtures/plugin-cli.mjs'), home: noticedHome('plugged') });
    const loads = span.events.filter((e) => e.name === 'module-load');
    expect(loads.map((e) => e.attributes)).toEqual([{ 'clitel.run.id': span.attributes['clitel.run.id'], 'clitel.module.name': 'fixture-lib-a', 'clitel.module.version': '2.1.0' }]);
    expect(names(span)).toEqual(['start', 'module-load', 'end']);
  });

  it('sends no events at CLITEL_LEVEL=minimal', async () => {
    expect((await spanOf(DEPLOY, { CLITEL_LEVEL: 'minimal' })).events).toEqual([]);
  });
});
