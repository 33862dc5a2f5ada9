// SPDX-License-Identifier: Apache-2.0
// Entry of dist/runtime.cjs: everything a run needs once consent says yes. The gate loads it with
// a synchronous require only then, so a disabled run never parses or initialises any of it.
export { startAdmittedRun } from './run.js';
export { startAdmittedUsage } from './usage.js';
export { runTelemetryCommandNow } from './telemetry-command.js';
export { runTelemetryCliNow } from './telemetry-cli.js';
export { writeDoctorReport } from './doctor-report.js';
