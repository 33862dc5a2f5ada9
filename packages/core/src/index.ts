// SPDX-License-Identifier: Apache-2.0
// The public API: what a maintainer instrumenting a CLI and an adapter author need. What the
// sibling @clitel packages share beyond it is in `@clitel/core/internal` (internal.ts), which
// follows no semver promise. ../api.md is the checked-in report of both (npm run api).
export { startRun, startUsage, runTelemetryCommand, runTelemetryCli } from './gate/gate.js';
export { adapterTelemetry } from './gate/adapter-options.js';
export { TELEMETRY_COMMAND, TELEMETRY_ACTIONS, TELEMETRY_SUMMARY, TELEMETRY_ARGUMENTS, TELEMETRY_FLAGS } from './shared/telemetry-usage.js';
export { noopRun } from './shared/noop.js';
export { assertValidSchema, validateSchema } from './shared/schema.js';
export { emitTreeIfAsked, isTreeMode } from './gate/command-tree.js';
export { toolOptOutVar } from './shared/env.js';
export { UNKNOWN_COMMAND } from './shared/attributes.js';
export { CLITEL_VERSION } from './shared/version.js';
export type {
  Schema, CommandSchema, OptionSchema, TelemetryOptions, TelemetryMode, TelemetryLevel, DeliveryMode, Env,
  ConsentSource, ConsentStatus, SpoolLimits, TelemetryAction, TelemetryCommandResult, Run,
  TelemetryCommandOptions, TelemetryCommandIo, UsageOptions, UsagePoint,
} from './shared/types.js';
export type { AdapterRun, UsageHandle } from './shared/noop.js';
export type { DeclaredCommands } from './shared/schema.js';
export type { CommandTree, TreeCommand, TreeOption, TreeOptionKind } from './gate/command-tree.js';
export type { AdapterOptions } from './gate/adapter-options.js';
