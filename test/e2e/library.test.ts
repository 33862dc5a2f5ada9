// SPDX-License-Identifier: Apache-2.0
// @clitel/library in real processes: a host program uses two fixture libraries a known number of
// times; the counts arrive as OTLP metrics at a real receiver, under the consent rules.
// Delivery is the default background sender (its wait is bounded by 30 s, not 1 s as in CI mode,
// so a busy machine cannot drop a record); "nothing sent" is proven from the state directory,
// which holds no spooled record and no sender files when a module is off.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../helpers/receiver.js';
import { filesUnder, freshHome, REPO, runCli, type CliResult } from '../helpers/run-cli.js';
import type { DecodedPoint } from '../helpers/otlp-decode.js';

const APP = join(REPO, 'test/fixtures/library/app.mjs');
const STDOUT = 'sum=21 greetings=3 shouts=5\n';
const MODULES = ['fixture-lib-a', 'fixture-lib-b'];

const receivers: Receiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

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

const stateFiles = (home: string, module: string): string[] => filesUnder(join(home, '.local/state/clitel', module));
const of = (points: DecodedPoint[], module: string): DecodedPoint[] => points.filter((p) => p.resource['service.name'] === module);
const calls = (points: DecodedPoint[]): Record<string, number> =>
  Object.fromEntries(points.filter((p) => p.metric === 'clitel.function.calls').map((p) => [String(p.attributes['clitel.function']), p.value]));

async function until(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
}

/** Runs the host program against a fresh receiver and waits for the modules expected to send. */
async function runApp(options: { env?: Record<string, string>; home?: string; expect?: string[]; waitMs?: number } = {}): Promise<{ run: CliResult; receiver: Receiver; home: string }> {
  const receiver = await startReceiver();
  receivers.push(receiver);
  const home = options.home ?? noticedHomeFor(...MODULES);
  const run = await runCli([], { script: APP, home, env: { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, ...options.env } });
  const expected = options.expect ?? [];
  await until(() => expected.every((m) => of(receiver.points(), m).length > 0), options.waitMs);
  return { run, receiver, home };
}

describe('library usage counters', () => {
  it('sends the exact call count of each tracked function, with one module load', async () => {
    const { run, receiver } = await runApp({ expect: ['fixture-lib-a'] });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(STDOUT);
    const a = of(receiver.points(), 'fixture-lib-a');
    expect(calls(a)).toEqual({ add: 7, greet: 3, slow: 2 });
    expect(a.filter((p) => p.metric === 'clitel.module.loads').map((p) => p.value)).toEqual([1]);
    expect(a[0].resource['service.version']).toBe('2.1.0');
    expect(a[0].resource['process.runtime.version']).toBe(process.versions.node);
    expect(a.find((p) => p.attributes['clitel.function'] === 'slow')?.attributes).toEqual({ 'clitel.function': 'slow', 'fixture.flavor': 'async' });
  });

  // Two clitel users in one process: each exit listener must run (a listener removed while
  // signal-exit walked its list used to skip the next one).
  it('sends the counts of every module that shares the process', async () => {
    const { receiver } = await runApp({ expect: MODULES, waitMs: 8_000 });
    expect(calls(of(receiver.points(), 'fixture-lib-a'))).toEqual({ add: 7, greet: 3, slow: 2 });
    expect(calls(of(receiver.points(), 'fixture-lib-b'))).toEqual({ shout: 5 });
  });

  it('never sends arguments, unregistered names or non-allowlisted attributes', async () => {
    const { receiver } = await runApp({ expect: ['fixture-lib-a'] });
    const bytes = receiver.allBytes().toString('latin1');
    expect(bytes).toContain('fixture-lib-a');
    for (const secret of ['arg-secret', 'not-allowlisted', 'fixture.secret', 'unused', 'slowImpl', 'never called']) expect(bytes).not.toContain(secret);
  });

  it('keeps a module configured with level minimal to service.name and service.version', async () => {
    const { receiver } = await runApp({ env: { FIXTURE_LIB_A_TELEMETRY_OPTOUT: '1' }, expect: ['fixture-lib-b'] });
    const b = of(receiver.points(), 'fixture-lib-b');
    expect(calls(b)).toEqual({ shout: 5 });
    for (const p of b) expect(Object.keys(p.resource).sort()).toEqual(['service.name', 'service.version']);
  });

  it('keeps every module minimal when CLITEL_LEVEL=minimal', async () => {
    const { receiver } = await runApp({ env: { CLITEL_LEVEL: 'minimal' }, expect: ['fixture-lib-a'] });
    const a = of(receiver.points(), 'fixture-lib-a');
    expect(calls(a)).toEqual({ add: 7, greet: 3, slow: 2 });
    for (const p of a) expect(Object.keys(p.resource).sort()).toEqual(['service.name', 'service.version']);
  });

  it('sends nothing for a module whose own opt-out is set, and still sends the others', async () => {
    const { run, receiver, home } = await runApp({ env: { FIXTURE_LIB_A_TELEMETRY_OPTOUT: '1' }, expect: ['fixture-lib-b'] });
    expect(run.stdout).toBe(STDOUT);
    expect(calls(of(receiver.points(), 'fixture-lib-b'))).toEqual({ shout: 5 });
    expect(of(receiver.points(), 'fixture-lib-a')).toEqual([]);
    // Opting out deletes the module's state: no spooled record is left to be sent later.
    expect(stateFiles(home, 'fixture-lib-a')).toEqual([]);
  });

  it.each([
    ['DO_NOT_TRACK', '1'],
    ['CLITEL_TELEMETRY_OPTOUT', '1'],
    ['OTEL_SDK_DISABLED', 'true'],
  ])('sends nothing for any module when %s=%s, and the program behaves the same', async (name, value) => {
    const { run, receiver, home } = await runApp({ env: { [name]: value } });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(STDOUT);
    expect(run.stderr).toBe('');
    expect(filesUnder(home)).toEqual([]);
    expect(receiver.requests).toEqual([]);
  });

  it('shows each module\'s first-run notice on stderr and spools nothing on that run', async () => {
    const { run, home } = await runApp({ home: freshHome() });
    expect(run.stdout).toBe(STDOUT);
    expect(run.stderr).toContain('fixture-lib-a');
    expect(run.stderr).toContain('fixture-lib-b');
    for (const m of MODULES) expect(stateFiles(home, m).filter((f) => !['notice', 'installation-id'].includes(f))).toEqual([]);
  });

  it('behaves the same when the state directory cannot be written', async () => {
    const home = freshHome();
    writeFileSync(join(home, '.local'), 'not a directory');
    const { run, receiver } = await runApp({ home });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(STDOUT);
    expect(receiver.requests).toEqual([]);
  });
});
