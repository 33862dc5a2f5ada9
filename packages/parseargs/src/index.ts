// SPDX-License-Identifier: Apache-2.0
export { parseArgs } from './parse-args.js';
export { telemetryCommand } from './telemetry-command.js';
export type { ParseArgsTelemetryOptions, ParsedArgsWithTelemetry } from './types.js';
