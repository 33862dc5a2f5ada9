// SPDX-License-Identifier: Apache-2.0
// A user's opt-out deletes what the tool kept on this machine: spool, ids, logs.
import { existsSync, rmSync } from 'node:fs';
import type { ConsentStatus } from './types.js';
import type { Prepared } from './prepare.js';
import { debugLine } from './output.js';

/** Deletes the tool's state directory (spool, ids, logs), if there is one. */
export function forgetState(stateDir: string): void {
  if (existsSync(stateDir)) rmSync(stateDir, { recursive: true, force: true });
}

/** Whether consent is off by a person's choice (an opt-out), not by default or a broken schema: then the tool's state goes. */
export function isOptOut(status: ConsentStatus): boolean {
  return !status.enabled && status.source !== 'error' && status.source !== 'default';
}

/** What happens when telemetry is off: say why in debug mode; on a user's opt-out, delete the tool's state (not in doctor mode). */
export function turnedOff(p: Prepared): void {
  debugLine(p, `telemetry is off: ${p.status.reason}`);
  // Doctor mode (`clitel doctor`) only looks: the next run of the tool deletes the state.
  if (isOptOut(p.status) && p.config.env.doctorReport == null) forgetState(p.config.paths.stateDir);
}
