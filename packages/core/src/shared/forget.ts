// SPDX-License-Identifier: Apache-2.0
// A user's opt-out deletes what the tool kept on this machine: spool, ids, logs.
import { existsSync, rmSync } from 'node:fs';
import type { Prepared } from './prepare.js';
import { debugLine } from './output.js';

/** Deletes the tool's state directory (spool, ids, logs), if there is one. */
export function forgetState(stateDir: string): void {
  if (existsSync(stateDir)) rmSync(stateDir, { recursive: true, force: true });
}

/** What happens when telemetry is off: say why in debug mode; on a user's opt-out, delete the tool's state (not in doctor mode). */
export function turnedOff(p: Prepared): void {
  debugLine(p, `telemetry is off: ${p.status.reason}`);
  // Doctor mode (`clitel doctor`) only looks: the next run of the tool deletes the state.
  if (p.status.source !== 'error' && p.status.source !== 'default' && p.config.env.doctorReport == null) forgetState(p.config.paths.stateDir);
}
