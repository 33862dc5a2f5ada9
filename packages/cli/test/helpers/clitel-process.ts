// SPDX-License-Identifier: Apache-2.0
// Runs the built `clitel` (dist/bin.js) as a real process, as users run it.
import { execFile, spawn } from 'node:child_process';
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

/** A running `clitel dev --json`. */
export interface DevProcess {
  url: string;
  events: Record<string, unknown>[];
  /** Sends SIGTERM and waits for the exit. */
  stop(): Promise<ClitelResult>;
}

/** Starts `clitel dev --port 0 --json <extra>` and waits for it to listen. */
export function startDev(cwd: string, extra: readonly string[] = []): Promise<DevProcess> {
  const child = spawn(process.execPath, [BIN, 'dev', '--port', '0', '--json', ...extra], { cwd, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  const events: Record<string, unknown>[] = [];
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  const exited = new Promise<ClitelResult>((resolve) => child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr })));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`clitel dev did not start: ${stderr}`)), 30_000);
    createInterface({ input: child.stdout }).on('line', (line) => {
      stdout += `${line}\n`;
      const event = JSON.parse(line) as Record<string, unknown>;
      events.push(event);
      if (event.event === 'listening') {
        clearTimeout(timer);
        resolve({ url: event.url as string, events, stop: () => { child.kill('SIGTERM'); return exited; } });
      }
    });
    void exited.then((r) => { clearTimeout(timer); reject(new Error(`clitel dev exited with ${r.code}: ${r.stderr}`)); });
  });
}
