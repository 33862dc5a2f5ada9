// SPDX-License-Identifier: Apache-2.0
// Tools for the fault-injection suite: the real sender started on a prepared spool, sender
// processes found through /proc, peak memory read from /proc, and synthetic spool entries.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { REPO } from './run-cli.js';

const SENDER = join(REPO, 'packages/core/dist/sender.js');
export const HELLO = 'Hello, x!\n';
export const GREET = ['greet', '--name', 'x'];

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Waits until `check` holds or the time is up; returns whether it held. */
export async function until(check: () => boolean, timeoutMs: number, stepMs = 100): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (!check() && Date.now() < end) await sleep(stepMs);
  return check();
}

/** A Node stack trace on stderr (`    at fn (file:line:col)`). */
export function hasStackTrace(stderr: string): boolean {
  return /^\s+at .+[(:]\d+/m.test(stderr) || /\b(TypeError|RangeError|Error): /.test(stderr);
}

/** A tool's state directory under a test HOME. */
export const stateOf = (home: string, tool = 'acme'): string => join(home, '.local/state/clitel', tool);
/** Entry names in a tool's spool. */
export function spoolOf(home: string, tool = 'acme'): string[] {
  try {
    return readdirSync(join(stateOf(home, tool), 'spool')).filter((n) => n.endsWith('.json'));
  } catch {
    return [];
  }
}

/** Pids of sender processes whose environment names `marker` (Linux /proc). */
export function sendersOf(marker: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const environ = readFileSync(`/proc/${entry}/environ`, 'latin1');
      if (environ.includes('CLITEL_SENDER_CONFIG=') && environ.includes(marker)) pids.push(Number(entry));
    } catch {
      // gone or not ours
    }
  }
  return pids;
}

/** Waits until no sender of this HOME runs (a sender lives 30 s at most); returns whether one ran. */
export async function awaitSenders(home: string, timeoutMs = 40_000): Promise<boolean> {
  let seen = false;
  await until(() => {
    const alive = sendersOf(home).length > 0;
    seen ||= alive;
    return !alive;
  }, timeoutMs, 100);
  await sleep(150);
  return seen && sendersOf(home).length === 0;
}

/** A spool record shaped like a run's, with a known run id. */
function fakeRecord(runId: string, start = Date.now()): Record<string, unknown> {
  return {
    v: 1,
    resource: { 'service.name': 'acme', 'service.version': '1.0.0' },
    traceId: runId.padEnd(32, '0').slice(0, 32),
    spanId: runId.padEnd(16, '0').slice(0, 16),
    name: 'acme deploy',
    start,
    end: start + 5,
    status: 0,
    attributes: { 'process.executable.name': 'acme', 'process.exit.code': 0, 'clitel.command': 'deploy', 'clitel.run.id': runId },
    events: [],
  };
}

/** Writes `count` entries into a spool, named as runs name them; returns the run ids (hex, `prefix` first). */
export function seedSpool(spoolDir: string, count: number, time = Date.now(), prefix = ''): string[] {
  mkdirSync(spoolDir, { recursive: true });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = `${prefix}${(i + 1).toString(16).padStart(8, '0')}`.padStart(32, 'a');
    ids.push(id);
    writeFileSync(join(spoolDir, `${String(time + i).padStart(13, '0')}-1-${(i + 1).toString(16).padStart(8, '0')}.json`), JSON.stringify(fakeRecord(id, time + i)));
  }
  return ids;
}

export interface SenderRun {
  code: number | null;
  ms: number;
  /** Peak resident memory of the sender in kB (VmHWM, last read before it exited). */
  peakKb: number;
}

/** The sender's configuration for a HOME, as a run would give it (background deadline and linger). */
export function senderConfig(home: string, endpoint: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const stateDir = stateOf(home);
  return {
    traces: { url: `${endpoint}/v1/traces`, protocol: 'http/protobuf', headers: {}, timeoutMillis: 10_000, proxy: { httpsProxy: undefined, httpProxy: undefined, noProxy: undefined } },
    spoolDir: join(stateDir, 'spool'),
    stateDir,
    deadlineMillis: 30_000,
    lingerMillis: 0,
    caps: { maxBytes: 10_000_000, maxEntries: 10_000, maxAgeMillis: 7 * 86_400_000 },
    ...extra,
  };
}

/** Runs the real sender on a prepared state directory and measures it. */
export function runSender(config: Record<string, unknown>, options: { env?: Record<string, string>; onSpawn?: (pid: number) => void; timeoutMs?: number } = {}): Promise<SenderRun> {
  const started = Date.now();
  const child = spawn(process.execPath, [SENDER], {
    stdio: 'ignore',
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...options.env, CLITEL_SENDER_CONFIG: JSON.stringify(config) },
  });
  let peakKb = 0;
  const poll = setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m != null) peakKb = Math.max(peakKb, Number(m[1]));
    } catch {
      // exited
    }
  }, 20);
  if (child.pid != null) options.onSpawn?.(child.pid);
  const guard = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 45_000);
  return new Promise((resolve) => {
    child.on('close', (code) => {
      clearInterval(poll);
      clearTimeout(guard);
      resolve({ code, ms: Date.now() - started, peakKb });
    });
  });
}

/** A raw TCP server on loopback whose connections the test handles itself. */
export async function startRawServer(onSocket: (socket: Socket, request: Buffer) => void): Promise<{ url: string; port: number; bodies: Buffer[]; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const bodies: Buffer[] = [];
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buffered = Buffer.alloc(0);
    let handled = false;
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      const end = buffered.indexOf('\r\n\r\n');
      if (handled || end < 0) return;
      const length = Number(/content-length:\s*(\d+)/i.exec(buffered.subarray(0, end).toString('latin1'))?.[1] ?? 0);
      if (buffered.length < end + 4 + length) return;
      handled = true;
      bodies.push(buffered.subarray(end + 4, end + 4 + length));
      onSocket(socket, buffered);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    bodies,
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}

/** A port nothing listens on (bound, then closed). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Whether a command exists on PATH. */
export function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/** Skips with one printed line, or fails when CLITEL_REQUIRE_REAL=1 asks for every real part. */
export function requireReal(available: boolean, why: string): boolean {
  if (available) return true;
  if (process.env.CLITEL_REQUIRE_REAL === '1') throw new Error(`required for this test: ${why}`);
  process.stdout.write(`skipped: ${why}\n`);
  return false;
}

/** Where the suite's figures go (one JSON line each), to build docs/reliability.md from. */
export function recordFigure(fault: string, figure: Record<string, unknown>): void {
  const line = JSON.stringify({ fault, ...figure });
  process.stdout.write(`figure ${line}\n`);
  const file = process.env.CLITEL_FIGURES;
  if (file != null && file !== '') writeFileSync(file, `${line}\n`, { flag: 'a' });
}
