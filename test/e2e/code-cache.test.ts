// SPDX-License-Identifier: Apache-2.0
// The runtime's V8 code cache (gate/load-runtime.ts), on the example CLI as real processes: the
// first recorded run writes it into the tool's state directory, later runs use it without
// rewriting it, and a corrupt, foreign or unreadable cache changes nothing for the user: same
// output and exit code, the run still recorded, the cache written anew.
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../helpers/receiver.js';
import { noticedHome } from '../helpers/acme.js';
import { runCli, type CliResult } from '../helpers/run-cli.js';

let receiver: Receiver;
beforeAll(async () => { receiver = await startReceiver(); });
afterAll(async () => { await receiver.close(); });

const GREET = ['greet', '--name', 'Ann'];
const cacheOf = (home: string): string => join(home, '.local/state/clitel/acme/runtime.v8-cache');

/** Runs acme greet with background delivery; returns the run and the span it sent. */
async function recorded(home: string, env: Record<string, string> = {}): Promise<CliResult> {
  const before = receiver.spans().length;
  const run = await runCli(GREET, { home, env: { CI: '', OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, ...env } });
  expect(run.code).toBe(0);
  expect(run.stdout).toBe('Hello, Ann!\n');
  expect(run.stderr).toBe('');
  const spans = (await receiver.waitForSpans(before + 1)).slice(before);
  expect(spans.map((s) => s.name)).toEqual(['acme greet']);
  return run;
}

describe('the runtime code cache', () => {
  it('is written by the first recorded run, private, keyed by the runtime and Node, and reused as is', async () => {
    const home = noticedHome();
    await recorded(home);
    const file = cacheOf(home);
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, bytes.indexOf(10)).toString()).toMatch(new RegExp(`^[0-9a-f]{16} ${process.version} ${process.arch}$`));
    expect(bytes.length).toBeGreaterThan(10_000);
    const mtime = statSync(file).mtimeMs;
    await recorded(home);
    await recorded(home);
    expect(statSync(file).mtimeMs).toBe(mtime);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('replaces a corrupt cache (right key, broken V8 data) and a foreign one (other key)', async () => {
    for (const corrupt of [(key: string) => `${key}\n${'x'.repeat(5000)}`, () => 'not a cache at all']) {
      const home = noticedHome();
      await recorded(home);
      const key = readFileSync(cacheOf(home), 'utf8').split('\n')[0];
      writeFileSync(cacheOf(home), corrupt(key));
      await recorded(home);
      const rewritten = readFileSync(cacheOf(home));
      expect(rewritten.subarray(0, key.length).toString()).toBe(key);
      expect(rewritten.length).toBeGreaterThan(10_000);
    }
  });

  it('records the run when the cache cannot be read', async () => {
    const home = noticedHome();
    await recorded(home);
    chmodSync(cacheOf(home), 0o000);
    // As root the mode does not stop a read: then the file is used as before, and the run still records.
    await recorded(home);
  });

  it('is not written by a run that only looks (debug mode) or by a run that is off, and an opt-out deletes it', async () => {
    const debugHome = noticedHome();
    const debug = await runCli(GREET, { home: debugHome, env: { CI: '', OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, CLITEL_DEBUG: '1' } });
    expect(debug.stdout).toBe('Hello, Ann!\n');
    expect(existsSync(cacheOf(debugHome))).toBe(false);
    const offHome = noticedHome();
    await runCli(GREET, { home: offHome, env: { CI: '', OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_SDK_DISABLED: 'true' } });
    expect(existsSync(cacheOf(offHome))).toBe(false);
    const home = noticedHome();
    await recorded(home);
    expect(existsSync(cacheOf(home))).toBe(true);
    await runCli(GREET, { home, env: { CI: '', OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, DO_NOT_TRACK: '1' } });
    expect(existsSync(cacheOf(home))).toBe(false);
  });
});
