// SPDX-License-Identifier: Apache-2.0
// Settling a run's configuration and consent, inside the runtime: the gate has answered the common
// "off" cases from env and the choice files alone (gate/early-consent.ts) and loaded the runtime
// through its code cache for everything else, so this compiled code comes from the cache too.
import type { TelemetryOptions, UsageOptions, UsagePoint } from '../shared/types.js';
import type { RuntimePlace } from '../shared/internal-types.js';
import { prepare, type Prepared } from '../shared/prepare.js';
import { turnedOff } from '../shared/forget.js';
import { NOOP_RUN, NOOP_USAGE, type AdapterRun, type UsageHandle } from '../shared/noop.js';
import { writeDoctorReport } from './doctor-report.js';
import { startAdmittedRun } from './run.js';
import { startAdmittedUsage } from './usage.js';

/** The settled run with where the runtime lives, or undefined when consent says no (after saying why and forgetting on an opt-out). */
function admitted(options: TelemetryOptions, place: RuntimePlace, doctor: boolean): Prepared | undefined {
  const p = prepare(options);
  if (p.status.enabled) return { ...p, distDir: place.distDir, codeCache: place.codeCache };
  turnedOff(p);
  if (doctor && p.config.env.doctorReport != null) writeDoctorReport(p);
  return undefined;
}

/** Starts recording a run the gate did not turn off (called by the gate). Never throws. */
export function startRunNow(options: TelemetryOptions, place: RuntimePlace): AdapterRun {
  try {
    const p = admitted(options, place, true);
    return p == null ? NOOP_RUN : startAdmittedRun(p, options);
  } catch {
    return NOOP_RUN;
  }
}

/** Starts counting a module's usage the gate did not turn off (called by the gate). Never throws. */
export function startUsageNow(options: UsageOptions, collect: () => readonly UsagePoint[], place: RuntimePlace): UsageHandle {
  try {
    const p = admitted(options, place, false);
    return p == null ? NOOP_USAGE : startAdmittedUsage(p, options, collect);
  } catch {
    return NOOP_USAGE;
  }
}
