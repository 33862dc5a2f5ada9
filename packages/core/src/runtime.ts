// SPDX-License-Identifier: Apache-2.0
// Entry of dist/runtime.cjs: everything a run needs once consent says yes. The gate loads it with
// a synchronous require only then, so a disabled run never parses or initialises any of it.
export { startAdmittedRun } from './runtime/run.js';
export { startAdmittedUsage } from './runtime/usage.js';
export { runTelemetryCommandNow } from './runtime/telemetry-command.js';
export { runTelemetryCliNow } from './runtime/telemetry-cli.js';
export { writeDoctorReport } from './runtime/doctor-report.js';
