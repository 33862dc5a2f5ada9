// SPDX-License-Identifier: Apache-2.0
// Processes killed at every step, racing senders, and a state directory deleted mid-run. The
// CLI is killed with SIGKILL at a chosen system call by strace's fault injection (before the
// spool rename, and at the first look at the lock just after it); the sender is killed before,
// during and after its request by the test itself.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { noticedHome } from '../helpers/acme.js';
import { startReceiver } from '../helpers/receiver.js';
import { ACME, REPO, baseEnv, runCli } from '../helpers/run-cli.js';
import {
  GREET, HELLO, awaitSenders, hasCommand, hasStackTrace, recordFigure, requireReal, runSender, seedSpool, senderConfig,
  sendersOf, sleep, spoolOf, stateOf, until,
} from '../helpers/faults.js';

const HOLD = join(REPO, 'test/fixtures/hold-cli.mjs');
const ID = '0f0e0d0c-0b0a-4908-8706-050403020100';

function preparedHome(): string {
  const home = noticedHome();
  writeFileSync(join(stateOf(home), 'installation-id'), `${ID}\n`);
  return home;
}

/** Runs acme under strace, killed with SIGKILL where `inject` says. */
function killedAt(home: string, endpoint: string, strace: string[]): Promise<string | number | null> {
  return new Promise((resolve) => {
    const child = spawn('strace', ['-f', '-qq', '-o', '/dev/null', ...strace, process.execPath, ACME, ...GREET], {
      env: { ...baseEnv(home), CLITEL_SEND_NOW: '1', OTEL_EXPORTER_OTLP_ENDPOINT: endpoint },
      stdio: 'ignore',
    });
    // strace ends itself with the signal that ended the CLI.
    child.on('close', (code, signal) => resolve(signal ?? code));
  });
}

const ids = (r: { spans(): { attributes: Record<string, unknown> }[] }): unknown[] => r.spans().map((s) => s.attributes['clitel.run.id']);

describe('SIGKILL of the CLI', () => {
  it('before the spool write (while the command runs): that run is lost, nothing half-written', async () => {
    const r = await startReceiver();
    const home = preparedHome();
    const run = await runCli(['hold'], { home, script: HOLD, env: { OTEL_EXPORTER_OTLP_ENDPOINT: r.url }, onSpawn: (child) => child.stdout?.once('data', () => child.kill('SIGKILL')) });
    await sleep(500);
    const files = existsSync(join(stateOf(home), 'spool')) ? readdirSync(join(stateOf(home), 'spool')).length : 0;
    recordFigure('SIGKILL CLI before spool write', { delivered: r.spans().length, made: 1, files });
    expect({ signal: run.signal, files, requests: r.requests.length }).toEqual({ signal: 'SIGKILL', files: 0, requests: 0 });
    await r.close();
  });

  it('during the spool write (before the rename): no entry, and the next run delivers only its own', async () => {
    if (!requireReal(hasCommand('strace'), 'strace injects SIGKILL at the spool rename')) return;
    const r = await startReceiver();
    const home = preparedHome();
    const code = await killedAt(home, r.url, ['-e', 'trace=rename,renameat,renameat2', '-e', 'inject=rename,renameat,renameat2:signal=KILL']);
    const entries = spoolOf(home).length;
    const temps = readdirSync(join(stateOf(home), 'spool')).filter((n) => n.endsWith('.tmp')).length;
    const next = await runCli(GREET, { home, env: { OTEL_EXPORTER_OTLP_ENDPOINT: r.url } });
    expect(await awaitSenders(home)).toBe(true);
    recordFigure('SIGKILL CLI during spool write', { delivered: r.spans().length, made: 2, entriesAfterKill: entries, tempFilesAfterKill: temps });
    expect({ code, entries, next: next.stdout, delivered: r.spans().length, left: spoolOf(home).length }).toEqual({ code: 'SIGKILL', entries: 0, next: HELLO, delivered: 1, left: 0 });
    await r.close();
  });

  it('after the spool write (before a sender starts): the entry is kept and the next run delivers both, once each', async () => {
    if (!requireReal(hasCommand('strace'), 'strace injects SIGKILL at the first look at the lock')) return;
    const r = await startReceiver();
    const home = preparedHome();
    const code = await killedAt(home, r.url, ['-P', join(stateOf(home), 'sender.lock'), '-e', 'inject=all:signal=KILL']);
    const entries = spoolOf(home).length;
    await runCli(GREET, { home, env: { OTEL_EXPORTER_OTLP_ENDPOINT: r.url } });
    expect(await awaitSenders(home)).toBe(true);
    const got = ids(r);
    recordFigure('SIGKILL CLI after spool write', { delivered: got.length, made: 2, duplicates: got.length - new Set(got).size, entriesAfterKill: entries });
    expect({ code, entries, delivered: got.length, unique: new Set(got).size, left: spoolOf(home).length }).toEqual({ code: 'SIGKILL', entries: 1, delivered: 2, unique: 2, left: 0 });
    await r.close();
  });
});

describe('SIGKILL of the sender', () => {
  it('before its request: the next sender takes over the dead lock at once and delivers everything once', async () => {
    const r = await startReceiver();
    const home = noticedHome();
    const made = seedSpool(join(stateOf(home), 'spool'), 5);
    const config = senderConfig(home, r.url);
    const killed = await runSender(config, { onSpawn: (pid) => process.kill(pid, 'SIGKILL') });
    const second = await runSender(config);
    const got = ids(r);
    recordFigure('SIGKILL sender before request', { delivered: got.length, made: 5, duplicates: got.length - new Set(got).size, takeoverMs: second.ms });
    expect({ killed: killed.code, got: [...got].sort(), left: spoolOf(home).length }).toEqual({ killed: null, got: [...made].sort(), left: 0 });
  });

  it('during its request (received, not answered): nothing lost; that batch is sent again (at least once)', async () => {
    const r = await startReceiver({ respond: () => ({ status: 200 }) });
    const stall = await startReceiver({ blackhole: true });
    const home = noticedHome();
    const made = seedSpool(join(stateOf(home), 'spool'), 5);
    const killed = runSender(senderConfig(home, stall.url));
    await until(() => stall.requests.length > 0, 20_000);
    const heldRequests = stall.requests.length;
    for (const pid of sendersOf(stateOf(home))) process.kill(pid, 'SIGKILL');
    await killed;
    await runSender(senderConfig(home, r.url));
    const got = ids(r);
    recordFigure('SIGKILL sender during request', { delivered: got.length, made: 5, requestsBeforeKill: heldRequests, resent: got.length, left: spoolOf(home).length });
    expect({ heldRequests, got: [...got].sort(), left: spoolOf(home).length }).toEqual({ heldRequests: 1, got: [...made].sort(), left: 0 });
    await stall.close();
    await r.close();
  });

  it('just after its request was answered: nothing lost, at most that batch again', async () => {
    const home = noticedHome();
    const made = seedSpool(join(stateOf(home), 'spool'), 5);
    let killedOnce = false;
    const r = await startReceiver({
      respond: () => {
        if (!killedOnce) {
          killedOnce = true;
          setImmediate(() => {
            for (const pid of sendersOf(stateOf(home))) process.kill(pid, 'SIGKILL');
          });
        }
        return { status: 200 };
      },
    });
    await runSender(senderConfig(home, r.url));
    await runSender(senderConfig(home, r.url));
    const got = ids(r);
    recordFigure('SIGKILL sender after response', { delivered: new Set(got).size, made: 5, duplicates: got.length - new Set(got).size });
    expect({ unique: [...new Set(got)].sort(), left: spoolOf(home).length }).toEqual({ unique: [...made].sort(), left: 0 });
    expect(got.length - new Set(got).size).toBeLessThanOrEqual(5);
    await r.close();
  });
});

describe('two senders after a stale lock', () => {
  it('ten rounds of two senders started together on a lock left by a dead sender: every run delivered exactly once', async () => {
    const r = await startReceiver();
    const home = noticedHome();
    const state = stateOf(home);
    const made: unknown[] = [];
    for (let round = 0; round < 10; round++) {
      made.push(...seedSpool(join(state, 'spool'), 20, Date.now() + round * 1_000, `${round}f`));
      writeFileSync(join(state, 'sender.lock'), '999999999');
      const old = (Date.now() - 60_000) / 1000;
      utimesSync(join(state, 'sender.lock'), old, old);
      await Promise.all([runSender(senderConfig(home, r.url)), runSender(senderConfig(home, r.url))]);
    }
    const got = ids(r);
    recordFigure('two senders after a stale lock', { delivered: new Set(got).size, made: made.length, duplicates: got.length - new Set(got).size, rounds: 10 });
    expect({ got: [...got].sort(), left: spoolOf(home).length }).toEqual({ got: [...made].sort(), left: 0 });
    await r.close();
  }, 120_000);
});

describe('state directory deleted', () => {
  it('while the command runs: the directory is made again and the run is delivered', async () => {
    const r = await startReceiver();
    const home = preparedHome();
    const run = await runCli(['hold'], { home, script: HOLD, env: { OTEL_EXPORTER_OTLP_ENDPOINT: r.url }, onSpawn: (child) => child.stdout?.once('data', () => rmSync(stateOf(home), { recursive: true, force: true, maxRetries: 20 })) });
    expect({ code: run.code, stdout: run.stdout, stackTrace: hasStackTrace(run.stderr) }).toEqual({ code: 0, stdout: 'holding\ndone\n', stackTrace: false });
    await r.waitForSpans(1, 20_000);
    expect(await awaitSenders(home)).toBe(true);
    recordFigure('state directory deleted during a run', { delivered: r.spans().length, made: 1 });
    expect(r.spans()).toHaveLength(1);
    await r.close();
  });

  it('while the sender drains: it ends without a crash, and what it had sent is not sent again', async () => {
    const r = await startReceiver({ respond: () => ({ status: 200 }) });
    const home = noticedHome();
    seedSpool(join(stateOf(home), 'spool'), 600);
    const sender = runSender(senderConfig(home, r.url));
    await until(() => r.requests.length > 0, 20_000);
    // Renamed away in one step, as a user's `rm -rf` of a busy directory ends up, then removed.
    const gone = `${stateOf(home)}.gone`;
    renameSync(stateOf(home), gone);
    const result = await sender;
    rmSync(gone, { recursive: true, force: true });
    mkdirSync(stateOf(home), { recursive: true });
    const got = ids(r);
    recordFigure('state directory deleted during a send', { delivered: got.length, made: 600, duplicates: got.length - new Set(got).size, senderExit: result.code });
    expect({ exit: result.code, duplicates: got.length - new Set(got).size }).toEqual({ exit: 0, duplicates: 0 });
    await r.close();
  });
});
