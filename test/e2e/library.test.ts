// SPDX-License-Identifier: Apache-2.0
// @clitel/library in real processes: a host program uses two fixture libraries a known number of
// times; the counts arrive as OTLP metrics at a real receiver, under the consent rules.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../helpers/receiver.js';
import { freshHome, REPO, runCli, type CliResult } from '../helpers/run-cli.js';
import type { DecodedPoint } from '../helpers/otlp-decode.js';

const APP = join(REPO, 'test/fixtures/library/app.mjs');
const STDOUT = 'sum=21 greetings=3 shouts=5\n';

let receiver: Receiver;
beforeAll(async () => { receiver = await startReceiver(); });
afterAll(async () => { await receiver.close(); });

/** A HOME where the first-run notice of each module was already shown. */
function noticedHomeFor(...modules: string[]): string {
  const home = freshHome();
  for (const m of modules) {
    const state = join(home, '.local/state/clitel', m);
    mkdirSync(state, { recursive: true });
    writeFileSync(join(state, 'notice'), '1\n');
  }
  return home;
}

/** Runs the host program with sync delivery; returns the run and the points it produced. */
async function runApp(env: Record<string, string> = {}, home = noticedHomeFor('fixture-lib-a', 'fixture-lib-b')): Promise<{ run: CliResult; points: DecodedPoint[]; requests: number }> {
  const requestsBefore = receiver.requests.length;
  const pointsBefore = receiver.points().length;
  const run = await runCli([], { script: APP, home, env: { CI: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, ...env } });
  return { run, points: receiver.points().slice(pointsBefore), requests: receiver.requests.length - requestsBefore };
}

const of = (points: DecodedPoint[], module: string): DecodedPoint[] => points.filter((p) => p.resource['service.name'] === module);
const calls = (points: DecodedPoint[]): Record<string, number> =>
  Object.fromEntries(points.filter((p) => p.metric === 'clitel.function.calls').map((p) => [String(p.attributes['clitel.function']), p.value]));

describe('library usage counters', () => {
  it('sends the exact call count of each tracked function, with one module load', async () => {
    const { run, points } = await runApp();
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(STDOUT);
    const a = of(points, 'fixture-lib-a');
    expect(calls(a)).toEqual({ add: 7, greet: 3, slow: 2 });
    expect(a.filter((p) => p.metric === 'clitel.module.loads').map((p) => p.value)).toEqual([1]);
    expect(a[0].resource['service.version']).toBe('2.1.0');
    expect(a[0].resource['process.runtime.version']).toBe(process.versions.node);
    expect(a.find((p) => p.attributes['clitel.function'] === 'slow')?.attributes).toEqual({ 'clitel.function': 'slow', 'fixture.flavor': 'async' });
  });

  // Known core bug: core's exit handler removes its signal-exit listener while signal-exit is
  // iterating its listener array, so the next clitel handler in the same process is skipped and
  // the second module's counts are lost. Flip to `it` when packages/core/src/lifecycle.ts is fixed.
  it.fails('sends the counts of every module that shares the process', async () => {
    const { points } = await runApp();
    expect(calls(of(points, 'fixture-lib-a'))).toEqual({ add: 7, greet: 3, slow: 2 });
    expect(calls(of(points, 'fixture-lib-b'))).toEqual({ shout: 5 });
  });

  it('never sends arguments, unregistered names or non-allowlisted attributes', async () => {
    const before = receiver.requests.length;
    await runApp();
    const bytes = Buffer.concat(receiver.requests.slice(before).map((r) => r.body)).toString('latin1');
    expect(bytes.length).toBeGreaterThan(0);
    for (const secret of ['arg-secret', 'not-allowlisted', 'fixture.secret', 'unused', 'slowImpl', 'never called']) expect(bytes).not.toContain(secret);
  });

  it('keeps a module configured with level minimal to service.name and service.version', async () => {
    const { points } = await runApp({ FIXTURE_LIB_A_TELEMETRY_OPTOUT: '1' });
    const b = of(points, 'fixture-lib-b');
    expect(b.length).toBeGreaterThan(0);
    for (const p of b) expect(Object.keys(p.resource).sort()).toEqual(['service.name', 'service.version']);
  });

  it('keeps every module minimal when CLITEL_LEVEL=minimal', async () => {
    const { points } = await runApp({ CLITEL_LEVEL: 'minimal' });
    const a = of(points, 'fixture-lib-a');
    expect(calls(a)).toEqual({ add: 7, greet: 3, slow: 2 });
    for (const p of a) expect(Object.keys(p.resource).sort()).toEqual(['service.name', 'service.version']);
  });

  it('sends nothing for a module whose own opt-out is set, and still sends the others', async () => {
    const { run, points } = await runApp({ FIXTURE_LIB_A_TELEMETRY_OPTOUT: '1' });
    expect(run.stdout).toBe(STDOUT);
    expect(of(points, 'fixture-lib-a')).toEqual([]);
    expect(calls(of(points, 'fixture-lib-b'))).toEqual({ shout: 5 });
  });

  it.each([
    ['DO_NOT_TRACK', '1'],
    ['CLITEL_TELEMETRY_OPTOUT', '1'],
    ['OTEL_SDK_DISABLED', 'true'],
  ])('sends nothing for any module when %s=%s, and the program behaves the same', async (name, value) => {
    const { run, requests } = await runApp({ [name]: value });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(STDOUT);
    expect(requests).toBe(0);
  });

  it('shows each module\'s first-run notice on stderr and sends nothing on that run', async () => {
    const { run, requests } = await runApp({}, freshHome());
    expect(run.stdout).toBe(STDOUT);
    expect(run.stderr).toContain('fixture-lib-a');
    expect(run.stderr).toContain('fixture-lib-b');
    expect(requests).toBe(0);
  });

  it('behaves the same when the state directory cannot be written', async () => {
    const home = freshHome();
    writeFileSync(join(home, '.local'), 'not a directory');
    const { run, requests } = await runApp({}, home);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(STDOUT);
    expect(requests).toBe(0);
  });
});
