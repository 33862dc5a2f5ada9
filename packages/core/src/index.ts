// SPDX-License-Identifier: Apache-2.0
export { startRun, noopRun } from './run.js';
export { runTelemetryCommand } from './telemetry-command.js';
export { startUsage, METRIC_FUNCTION_CALLS, METRIC_MODULE_LOADS, ATTR_CLITEL_FUNCTION } from './usage.js';
export { assertValidSchema, validateSchema, mergeDeclared, filterRun, possibleValues } from './schema.js';
export { describeSchema } from './describe.js';
export { toolOptOutVar } from './env.js';
export { scrubStack, errorType } from './scrub.js';
export { isSampled } from './sampling.js';
export {
  ATTR_CLITEL_COMMAND, ATTR_CLITEL_OPTIONS, ATTR_CLITEL_OPTION_PREFIX, ATTR_CLITEL_RUN_ID, ATTR_CLITEL_SAMPLE_RATE,
  ATTR_CLITEL_INSTALLATION_ID, ATTR_CLITEL_SESSION_ID, ATTR_CLITEL_CI, ATTR_CLITEL_CI_PROVIDER, ATTR_CLITEL_SOURCE,
  ATTR_CLITEL_CHANNEL, UNKNOWN_COMMAND, OTHER_VALUE, SCOPE_NAME, DISTRO_NAME,
} from './attributes.js';
export { ATTR_PROCESS_EXECUTABLE_NAME, ATTR_PROCESS_EXIT_CODE, ATTR_ERROR_TYPE, ATTR_EXCEPTION_TYPE, ATTR_EXCEPTION_STACKTRACE, EVENT_EXCEPTION } from './semconv.js';
export { CLITEL_VERSION } from './version.js';
export type {
  Schema, CommandSchema, OptionSchema, TelemetryOptions, TelemetryMode, TelemetryLevel, DeliveryMode, Env,
  ConsentSource, ConsentStatus, SpoolLimits, TelemetryAction, TelemetryCommandResult, Run,
} from './types.js';
export type { AdapterRun } from './run.js';
export type { DeclaredCommands, FilteredRun } from './schema.js';
export type { AttributeInfo, SchemaDescription } from './describe.js';
export type { TelemetryCommandOptions } from './telemetry-command.js';
export type { UsageOptions, UsagePoint, UsageHandle } from './usage.js';
