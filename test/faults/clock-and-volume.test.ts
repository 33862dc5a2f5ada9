// SPDX-License-Identifier: Apache-2.0
// The clock moved by days around the 7-day age cap (Debian's libfaketime, preloaded into the CLI
// and the sender it starts; the system clock is never touched), and a spool of 10 000 runs
// drained by the real sender with its memory and time measured.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { noticedHome } from '../helpers/acme.js';
import { startReceiver } from '../helpers/receiver.js';
import { runCli } from '../helpers/run-cli.js';
import { GREET, HELLO, awaitSenders, hasStackTrace, recordFigure, requireReal, runSender, seedSpool, senderConfig, spoolOf, stateOf } from '../helpers/faults.js';

const FAKETIME = ['/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1', '/usr/lib/aarch64-linux-gnu/faketime/libfaketimeMT.so.1', '/usr/lib/faketime/libfaketimeMT.so.1'].find((p) => existsSync(p));
const DEAD = 'http://127.0.0.1:9'; // the discard port: refused

/** A sync (CI) run with the clock shifted by `offset` (libfaketime syntax, e.g. `-10d`). */
async function runAt(offset: string | undefined, home: string, endpoint: string) {
  const env: Record<string, string> = { CI: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: endpoint };
  if (offset != null && FAKETIME != null) Object.assign(env, { LD_PRELOAD: FAKETIME, FAKETIME: offset, FAKETIME_DONT_RESET: '1' });
  const run = await runCli(GREET, { home, env });
  expect({ code: run.code, stdout: run.stdout, stackTrace: hasStackTrace(run.stderr) }).toEqual({ code: 0, stdout: HELLO, stackTrace: false });
  return run;
}

describe('the clock moves', () => {
  it('runs written 10 days in the past, sent with the right clock: dropped by the 7-day cap, newer runs unaffected', async () => {
    if (!requireReal(FAKETIME != null, "libfaketime (Debian's faketime package) shifts the clock of one process")) return;
    const r = await startReceiver();
    const home = noticedHome();
    await runAt('-10d', home, DEAD);
    await runAt('-10d', home, DEAD);
    const spooled = spoolOf(home).length;
    await runAt(undefined, home, r.url);
    recordFigure('clock 10 days back at write', { delivered: r.spans().length, made: 3, droppedByAgeCap: spooled, left: spoolOf(home).length });
    expect({ spooled, delivered: r.spans().length, left: spoolOf(home).length }).toEqual({ spooled: 2, delivered: 1, left: 0 });
    await r.close();
  });

  it('runs written 6 days in the past (inside the cap): delivered', async () => {
    if (!requireReal(FAKETIME != null, "libfaketime (Debian's faketime package) shifts the clock of one process")) return;
    const r = await startReceiver();
    const home = noticedHome();
    await runAt('-6d', home, DEAD);
    await runAt(undefined, home, r.url);
    recordFigure('clock 6 days back at write', { delivered: r.spans().length, made: 2, left: spoolOf(home).length });
    expect({ delivered: r.spans().length, left: spoolOf(home).length }).toEqual({ delivered: 2, left: 0 });
    await r.close();
  });

  it('a failure recorded with the clock 3 days ahead: the right clock does not wait 3 days, both runs delivered', async () => {
    if (!requireReal(FAKETIME != null, "libfaketime (Debian's faketime package) shifts the clock of one process")) return;
    const r = await startReceiver();
    const home = noticedHome();
    await runAt('+3d', home, DEAD);
    const backedOff = existsSync(join(stateOf(home), 'sender.backoff'));
    await runAt(undefined, home, r.url);
    recordFigure('clock 3 days ahead, then back', { delivered: r.spans().length, made: 2, left: spoolOf(home).length, backoffWritten: backedOff });
    expect({ backedOff, delivered: r.spans().length, left: spoolOf(home).length }).toEqual({ backedOff: true, delivered: 2, left: 0 });
    await r.close();
  });

  it('a tool run once and again 8 days later, the collector healthy throughout: both runs delivered', async () => {
    if (!requireReal(FAKETIME != null, "libfaketime (Debian's faketime package) shifts the clock of one process")) return;
    const r = await startReceiver();
    const home = noticedHome();
    // Background delivery with its delay, as on a person's machine: the first run only spools.
    const person = { OTEL_EXPORTER_OTLP_ENDPOINT: r.url, CLITEL_SEND_NOW: '' };
    const first = await runCli(GREET, { home, env: { ...person, LD_PRELOAD: FAKETIME ?? '', FAKETIME: '-8d', FAKETIME_DONT_RESET: '1' } });
    const spooled = spoolOf(home).length;
    const second = await runCli(GREET, { home, env: person });
    await r.waitForSpans(2, 20_000);
    await awaitSenders(home, 10_000);
    recordFigure('a run, then the next 8 days later', { delivered: r.spans().length, made: 2, spooledAfterFirst: spooled, left: spoolOf(home).length });
    expect({ codes: [first.code, second.code], spooled, delivered: r.spans().length, left: spoolOf(home).length }).toEqual({ codes: [0, 0], spooled: 1, delivered: 2, left: 0 });
    await r.close();
  });

  it('a failed delivery, then the sender runs with the clock 8 days ahead: the failed run is past the cap and dropped', async () => {
    if (!requireReal(FAKETIME != null, "libfaketime (Debian's faketime package) shifts the clock of one process")) return;
    const r = await startReceiver();
    const home = noticedHome();
    await runAt(undefined, home, DEAD);
    await runAt('+8d', home, r.url);
    recordFigure('clock 8 days ahead at send', { delivered: r.spans().length, made: 2, droppedByAgeCap: 1, left: spoolOf(home).length });
    expect({ delivered: r.spans().map((s) => s.name), left: spoolOf(home).length }).toEqual({ delivered: ['acme greet'], left: 0 });
    await r.close();
  });
});

describe('a spool of 10 000 runs', () => {
  it('is drained by background senders exactly once, with bounded memory', async () => {
    const r = await startReceiver();
    const home = noticedHome();
    const made = seedSpool(join(stateOf(home), 'spool'), 10_000, Date.now() - 60_000);
    const senders = [];
    for (let i = 0; i < 4 && spoolOf(home).length > 0; i++) senders.push(await runSender(senderConfig(home, r.url)));
    await awaitSenders(home, 5_000);
    const got = r.spans().map((s) => s.attributes['clitel.run.id']);
    const peakMb = Math.max(...senders.map((s) => s.peakKb)) / 1024;
    const seconds = senders.reduce((n, s) => n + s.ms, 0) / 1000;
    recordFigure('10 000 spooled runs', { delivered: new Set(got).size, made: 10_000, duplicates: got.length - new Set(got).size, senders: senders.length, seconds, peakMb: Math.round(peakMb), requests: r.requests.length });
    expect({ delivered: new Set(got).size, duplicates: got.length - new Set(got).size, left: spoolOf(home).length }).toEqual({ delivered: made.length, duplicates: 0, left: 0 });
    expect(peakMb).toBeLessThan(400); // a hang-guard sized bound, not a budget: the figure goes to docs/reliability.md
    await r.close();
  }, 180_000);
});
