// SPDX-License-Identifier: Apache-2.0
// Starting delivery from the host process: a detached sender (background) or a bounded
// synchronous one (sync / CI). Nothing here loads an exporter, and node:child_process (about
// 2.5 ms to load) is loaded only when a sender is actually started.
import { existsSync, statSync } from 'node:fs';
import { createExclusive } from '../shared/atomic-file.js';
import { join } from 'node:path';
import type { Env } from '../shared/types.js';
import type { SenderConfig } from '../shared/internal-types.js';
import { isLocked } from '../shared/lock.js';
import { builtin } from '../shared/builtin.js';
import { isBackingOff } from '../shared/backoff.js';
import { SENDER_DEADLINE_MILLIS, SENDER_LINGER_MILLIS, SPAWN_WINDOW_MILLIS, SYNC_WAIT_MILLIS, senderFiles } from '../shared/sender-files.js';

/** The sender script shipped in dist/, or undefined when it is missing (e.g. re-bundled). */
export function senderScript(distDir: string | undefined): string | undefined {
  try {
    if (distDir == null) return undefined;
    const path = join(distDir, 'sender.js');
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

function mtime(file: string): number | undefined {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

function claim(file: string): boolean {
  try {
    createExclusive(file, '');
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether this run should start a sender: none is running, delivery is not backing off, and
 * either nobody started one in this time window or the last one has already finished.
 */
export function shouldSpawn(stateDir: string, now: number): boolean {
  const files = senderFiles(stateDir);
  if (isLocked(files.lock, SENDER_DEADLINE_MILLIS, now)) return false;
  if (isBackingOff(files.backoff, now)) return false;
  const window = Math.floor(now / SPAWN_WINDOW_MILLIS);
  if (claim(files.claim(window))) return true;
  const claimed = mtime(files.claim(window)) ?? now;
  return (mtime(files.done) ?? 0) >= claimed;
}

function senderEnv(env: Env, config: SenderConfig): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v != null) out[k] = v;
  out.CLITEL_SENDER_CONFIG = JSON.stringify(config);
  return out;
}

/** Starts a detached sender that outlives the host. Never throws. */
export function spawnSender(script: string, config: SenderConfig, env: Env): void {
  const { spawn } = builtin('node:child_process');
  const child = spawn(process.execPath, [script], {
    detached: true,
    stdio: 'ignore',
    windowsHide: true,
    env: senderEnv(env, { ...config, deadlineMillis: SENDER_DEADLINE_MILLIS, lingerMillis: SENDER_LINGER_MILLIS }),
  });
  child.on('error', () => undefined);
  child.unref();
}

/** Sends now, waiting at most a second; what is not acknowledged stays in the spool. */
export function sendSync(script: string, config: SenderConfig, env: Env, now: number): void {
  if (isBackingOff(senderFiles(config.stateDir).backoff, now)) return;
  const { spawnSync } = builtin('node:child_process');
  spawnSync(process.execPath, [script], {
    stdio: 'ignore',
    windowsHide: true,
    timeout: SYNC_WAIT_MILLIS,
    killSignal: 'SIGKILL',
    env: senderEnv(env, { ...config, deadlineMillis: SYNC_WAIT_MILLIS - 100, lingerMillis: 0 }),
  });
}

/** The exact OTLP/JSON body for the records, rendered by the sender script (debug mode). */
export function renderJson(script: string, records: unknown[], env: Env): string {
  const { spawnSync } = builtin('node:child_process');
  const result = spawnSync(process.execPath, [script, '--print'], {
    input: JSON.stringify(records),
    encoding: 'utf8',
    windowsHide: true,
    timeout: 5_000,
    env: senderEnv(env, {} as SenderConfig),
  });
  return result.stdout ?? '';
}
