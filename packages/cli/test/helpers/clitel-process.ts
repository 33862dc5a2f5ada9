// SPDX-License-Identifier: Apache-2.0
// Runs the built `clitel` (dist/bin.js) as a real process, as users run it.
import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

export const BIN = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));

/** A finished run. */
export interface ClitelResult { code: number; stdout: string; stderr: string }

/** A clean environment: no CI markers, no colour forcing, nothing from the test runner. */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: '/nonexistent', ...extra };
}

/** Runs `clitel <args>` to completion. */
export function runClitel(args: readonly string[], options: { cwd: string; env?: Record<string, string> }): Promise<ClitelResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: options.cwd, env: options.env ?? cleanEnv(), timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error == null ? 0 : typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : 1;
      resolve({ code, stdout, stderr });
    });
  });
}

/** A running long-lived `clitel … --json` (dev, dashboard --serve). */
export interface ClitelProcess {
  url: string;
  events: Record<string, unknown>[];
  /** True while the process has not exited. */
  alive(): boolean;
  /** The process's peak resident memory in kB (VmHWM, Linux), or undefined where unknown. */
  peakRssKb(): number | undefined;
  /** Sends SIGTERM and waits for the exit. */
  stop(): Promise<ClitelResult>;
}

/** A running `clitel dev --json`. */
export type DevProcess = ClitelProcess;

/** Starts `clitel <args>` (which must print JSON lines) and waits for the event `ready` with a url. */
export function startClitel(cwd: string, args: readonly string[], ready: string): Promise<ClitelProcess> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  const events: Record<string, unknown>[] = [];
  let stdout = '';
  let stderr = '';
  let exitedCode: number | undefined;
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  const exited = new Promise<ClitelResult>((resolve) => child.on('close', (code) => { exitedCode = code ?? 1; resolve({ code: code ?? 1, stdout, stderr }); }));
  const peakRssKb = (): number | undefined => {
    try {
      const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      return match == null ? undefined : Number(match[1]);
    } catch {
      return undefined;
    }
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`clitel ${args[0]} did not start: ${stderr}`)), 30_000);
    createInterface({ input: child.stdout }).on('line', (line) => {
      stdout += `${line}\n`;
      const event = JSON.parse(line) as Record<string, unknown>;
      events.push(event);
      if (event.event === ready) {
        clearTimeout(timer);
        resolve({ url: event.url as string, events, alive: () => exitedCode == null, peakRssKb, stop: () => { child.kill('SIGTERM'); return exited; } });
      }
    });
    void exited.then((r) => { clearTimeout(timer); reject(new Error(`clitel ${args[0]} exited with ${r.code}: ${r.stderr}`)); });
  });
}

/** Starts `clitel dev --port 0 --json <extra>` and waits for it to listen. */
export function startDev(cwd: string, extra: readonly string[] = []): Promise<DevProcess> {
  return startClitel(cwd, ['dev', '--port', '0', '--json', ...extra], 'listening');
}
