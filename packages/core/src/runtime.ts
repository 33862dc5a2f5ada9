// SPDX-License-Identifier: Apache-2.0
// Entry of dist/runtime.cjs: everything a run needs once env and the choice files have not turned
// telemetry off. The gate loads it only then, so an opted-out run never parses or initialises any of it.
export { startRunNow, startUsageNow } from './runtime/start.js';
export { runTelemetryCommandNow } from './runtime/telemetry-command.js';
export { runTelemetryCliNow } from './runtime/telemetry-cli.js';
