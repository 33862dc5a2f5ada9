// SPDX-License-Identifier: Apache-2.0
// Host-side disk faults on a real small file system: a 64 kB tmpfs that is full (ENOSPC) or
// mounted read-only (EROFS), holding the state and config directories. Every write clitel makes
// there is hit: the notice marker and installation id (first run), the spool entry, the choice
// file (`telemetry disable`), the sender's lock and the sent log. EACCES is not tested: root (CI)
// bypasses permission bits, and a read-only mount is the failure a non-root user would meet.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freshHome, runCli, type CliResult } from '../helpers/run-cli.js';
import { startReceiver } from '../helpers/receiver.js';
import { GREET, HELLO, hasStackTrace, recordFigure, requireReal, runSender, seedSpool, senderConfig } from '../helpers/faults.js';

interface Mount {
  dir: string;
  /** Fills the file system, leaving about `leaveBytes` free. */
  fill(leaveBytes?: number): void;
  unfill(): void;
  readOnly(on: boolean): void;
  umount(): void;
}

function tryMount(): Mount | undefined {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'clitel-tmpfs-'));
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k,mode=0755', 'tmpfs', dir], { stdio: 'ignore' }).status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  const filler = join(dir, 'filler');
  return {
    dir,
    fill(leaveBytes = 0) {
      const free = statfsSync(dir).bavail * statfsSync(dir).bsize;
      try {
        writeFileSync(filler, Buffer.alloc(Math.max(0, free - leaveBytes)), { flag: 'a' });
      } catch {
        // full
      }
    },
    unfill: () => rmSync(filler, { force: true }),
    readOnly: (on) => { spawnSync('mount', ['-o', `remount,${on ? 'ro' : 'rw'}`, dir], { stdio: 'ignore' }); },
    umount() {
      spawnSync('umount', [dir], { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const mounts: Mount[] = [];
function mount(): Mount | undefined {
  const m = tryMount();
  if (!requireReal(m != null, 'mounting a tmpfs needs root on Linux (a full or read-only state directory)')) return undefined;
  mounts.push(m as Mount);
  return m;
}
afterEach(() => {
  for (const m of mounts.splice(0)) m.umount();
});

const ID = '0f0e0d0c-0b0a-4908-8706-050403020100';
/** Directories on the mount, with the notice already shown (and an id) unless `firstRun`. */
function dirsOn(m: Mount, firstRun: boolean): { env: Record<string, string>; state: string; config: string } {
  const state = join(m.dir, 'state/clitel/acme');
  const config = join(m.dir, 'config');
  mkdirSync(join(state, 'spool'), { recursive: true });
  mkdirSync(config, { recursive: true });
  if (!firstRun) {
    writeFileSync(join(state, 'notice'), '1\n');
    writeFileSync(join(state, 'installation-id'), `${ID}\n`);
  }
  return { env: { XDG_STATE_HOME: join(m.dir, 'state'), XDG_CONFIG_HOME: config }, state, config };
}

/** Every file on the mount but the filler (directories aside), for "nothing half-written left" checks. */
function filesOn(m: Mount): string[] {
  return readdirSync(m.dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name !== 'filler')
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

function expectHost(run: CliResult, stdout = HELLO, code = 0): void {
  expect({ code: run.code, stdout: run.stdout, stackTrace: hasStackTrace(run.stderr) }).toEqual({ code, stdout, stackTrace: false });
}

describe.each([
  ['ENOSPC (full)', (m: Mount) => m.fill()],
  ['EROFS (read-only)', (m: Mount) => m.readOnly(true)],
])('state directory %s', (fault, breakIt) => {
  it('first run (notice marker, installation id): host unchanged, nothing written half-way, nothing sent', async () => {
    const m = mount();
    if (m == null) return;
    const r = await startReceiver();
    const { env } = dirsOn(m, true);
    const before = filesOn(m);
    breakIt(m);
    const run = await runCli(GREET, { home: freshHome(), env: { ...env, OTEL_EXPORTER_OTLP_ENDPOINT: r.url, CI: 'true' } });
    expectHost(run);
    recordFigure(`${fault}: notice and id`, { delivered: r.spans().length, made: 1, strayFiles: filesOn(m).length - before.length });
    expect({ files: filesOn(m), requests: r.requests.length }).toEqual({ files: before, requests: 0 });
    await r.close();
  });

  it('a run (spool entry): host unchanged, no temp file left, the run is not recorded', async () => {
    const m = mount();
    if (m == null) return;
    const r = await startReceiver();
    const { env } = dirsOn(m, false);
    const before = filesOn(m);
    breakIt(m);
    const started = Date.now();
    const run = await runCli(GREET, { home: freshHome(), env: { ...env, OTEL_EXPORTER_OTLP_ENDPOINT: r.url, CI: 'true' } });
    expectHost(run);
    recordFigure(`${fault}: spool entry`, { delivered: r.spans().length, made: 1, strayFiles: filesOn(m).length - before.length, hostMs: Date.now() - started });
    expect({ files: filesOn(m), requests: r.requests.length }).toEqual({ files: before, requests: 0 });
    await r.close();
  });

  it('telemetry disable (choice file): a line saying why nothing was changed, no stack trace', async () => {
    const m = mount();
    if (m == null) return;
    const { env } = dirsOn(m, false);
    const before = filesOn(m);
    breakIt(m);
    const run = await runCli(['telemetry', 'disable'], { home: freshHome(), env });
    const lines = `${run.stdout}${run.stderr}`.trim().split('\n');
    recordFigure(`${fault}: choice file`, { exitCode: run.code, message: lines.join(' | ') });
    // The adapter (commander) adds its own error line after clitel's.
    expect({ code: run.code, stackTrace: hasStackTrace(run.stderr), files: filesOn(m) }).toEqual({ code: 1, stackTrace: false, files: before });
    expect(lines[0]).toMatch(/^clitel: could not disable telemetry \([A-Z]+\); nothing was changed$/);
  });

  it('the sender (lock): sends nothing, keeps every run, and delivers them all once the disk is back', async () => {
    const m = mount();
    if (m == null) return;
    const r = await startReceiver();
    const { state } = dirsOn(m, false);
    const home = freshHome();
    const ids = seedSpool(join(state, 'spool'), 3);
    const config = senderConfig(home, r.url, { stateDir: state, spoolDir: join(state, 'spool') });
    breakIt(m);
    const broken = await runSender(config);
    const keptWhileBroken = readdirSync(join(state, 'spool')).length;
    m.unfill();
    m.readOnly(false);
    await runSender(config);
    const got = r.spans().map((s) => s.attributes['clitel.run.id']);
    recordFigure(`${fault}: sender lock`, { delivered: got.length, made: 3, duplicates: got.length - new Set(got).size, sentWhileBroken: 0, keptWhileBroken, senderExit: broken.code });
    expect({ exit: broken.code, keptWhileBroken, got: [...got].sort(), left: readdirSync(join(state, 'spool')) }).toEqual({ exit: 0, keptWhileBroken: 3, got: [...ids].sort(), left: [] });
    await r.close();
  });
});

describe('sent log on a full disk', () => {
  it('the delivery stands, the entries go, nothing is sent twice, the old log stays readable', async () => {
    const m = mount();
    if (m == null) return;
    const r = await startReceiver();
    const { state } = dirsOn(m, false);
    const home = freshHome();
    // A 24 kB log: rewriting it needs more room than is left once the disk is filled.
    const line = JSON.stringify({ time: 1, body: { resourceSpans: [], pad: 'x'.repeat(2_000) } });
    writeFileSync(join(state, 'sent.jsonl'), `${Array.from({ length: 12 }, () => line).join('\n')}\n`);
    const ids = seedSpool(join(state, 'spool'), 2);
    m.fill(12_000);
    const config = senderConfig(home, r.url, { stateDir: state, spoolDir: join(state, 'spool') });
    await runSender(config);
    await runSender(config);
    const got = r.spans().map((s) => s.attributes['clitel.run.id']);
    const log = readFileSync(join(state, 'sent.jsonl'), 'utf8').trim().split('\n');
    recordFigure('ENOSPC: sent log', { delivered: got.length, made: 2, duplicates: got.length - new Set(got).size, logLines: log.length });
    expect({ got: [...got].sort(), left: readdirSync(join(state, 'spool')), logLines: log.length }).toEqual({ got: [...ids].sort(), left: [], logLines: 12 });
    expect(log.every((l) => JSON.parse(l) != null)).toBe(true);
    await r.close();
  });
});
