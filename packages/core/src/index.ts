// SPDX-License-Identifier: Apache-2.0
export { startRun, startUsage, runTelemetryCommand, runTelemetryCli } from './gate.js';
export { adapterTelemetry } from './adapter-options.js';
export { resolveToolIdentity, binOwner } from './tool-identity.js';
export { TELEMETRY_COMMAND, TELEMETRY_ACTIONS, TELEMETRY_SUMMARY, TELEMETRY_ARGUMENTS, TELEMETRY_FLAGS } from './telemetry-usage.js';
export { noopRun } from './noop.js';
export { resolveTelemetry } from './prepare.js';
export { platformResource, currentPlatform, coarseOsVersion } from './platform.js';
export { METRIC_FUNCTION_CALLS, METRIC_MODULE_LOADS, ATTR_CLITEL_FUNCTION } from './usage-names.js';
export { assertValidSchema, validateSchema, mergeDeclared, filterRun, possibleValues } from './schema.js';
export { describeSchema } from './describe.js';
export { emitTreeIfAsked, isTreeMode } from './command-tree.js';
export { toolOptOutVar, isDebugEnabled, DOCTOR_REPORT_VAR } from './env.js';
export { findOwningPackage } from './package-root.js';
export { scrubStack, errorType } from './scrub.js';
export {
  ATTR_CLITEL_COMMAND, ATTR_CLITEL_OPTIONS, ATTR_CLITEL_OPTION_PREFIX, ATTR_CLITEL_RUN_ID, ATTR_CLITEL_SAMPLE_RATE,
  ATTR_CLITEL_INSTALLATION_ID, ATTR_CLITEL_SESSION_ID, ATTR_CLITEL_CI, ATTR_CLITEL_CI_PROVIDER, ATTR_CLITEL_SOURCE,
  ATTR_CLITEL_CHANNEL, ATTR_CLITEL_STAGE, ATTR_CLITEL_MODULE_NAME, ATTR_CLITEL_MODULE_VERSION,
  EVENT_START, EVENT_PROGRESS, EVENT_MODULE_LOAD, EVENT_END,
  UNKNOWN_COMMAND, OTHER_VALUE, SCOPE_NAME, DISTRO_NAME,
} from './attributes.js';
export {
  ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION, ATTR_OS_TYPE, ATTR_OS_VERSION, ATTR_HOST_ARCH, ATTR_TELEMETRY_DISTRO_NAME,
  ATTR_PROCESS_RUNTIME_NAME, ATTR_PROCESS_RUNTIME_VERSION, ATTR_PROCESS_EXECUTABLE_NAME, ATTR_PROCESS_EXIT_CODE, ATTR_ERROR_TYPE, ATTR_EXCEPTION_TYPE, ATTR_EXCEPTION_STACKTRACE, EVENT_EXCEPTION } from './semconv.js';
export { CLITEL_VERSION } from './version.js';
export type {
  Schema, CommandSchema, OptionSchema, TelemetryOptions, TelemetryMode, TelemetryLevel, DeliveryMode, Env,
  ConsentSource, ConsentStatus, SpoolLimits, TelemetryAction, TelemetryCommandResult, Run,
} from './types.js';
export type { AdapterRun, UsageHandle } from './noop.js';
export type { DeclaredCommands, FilteredRun } from './schema.js';
export type { CommandTree, TreeCommand, TreeOption, TreeOptionKind } from './command-tree.js';
export type { AttributeInfo, SchemaDescription } from './describe.js';
export type { TelemetryCommandOptions, TelemetryCommandIo } from './telemetry-command.js';
export type { AdapterOptions } from './adapter-options.js';
export type { ToolIdentity, IdentitySources } from './tool-identity.js';
export type { ResolvedTelemetry } from './prepare.js';
export type { ResolvedConfig, ExportTarget } from './config.js';
export type { ClitelEnv } from './env.js';
export type { DoctorReport } from './doctor-report.js';
export type { OwningPackage, PackageManifest } from './package-root.js';
export type { ClitelPaths } from './paths.js';
export type { Platform } from './platform.js';
export type { UsageOptions, UsagePoint } from './usage.js';
