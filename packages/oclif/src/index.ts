// SPDX-License-Identifier: Apache-2.0
export { createTelemetryHook } from './hook.js';
export { createTelemetryCommand } from './telemetry-command.js';
export type { InstrumentOptions, OclifModule, TelemetryHook } from './types.js';
