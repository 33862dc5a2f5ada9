// SPDX-License-Identifier: Apache-2.0
// `@clitel/core/internal`: what the sibling @clitel packages (register, library, service, cli,
// collector-config) share with core beyond the public API: attribute keys and metric names, the
// resolved configuration, tool identity, platform and scrubbing. It follows no semver promise;
// a tool should import `@clitel/core` (index.ts) instead.
export { resolveToolIdentity, binOwner } from './gate/tool-identity.js';
export { toolNameOrUndefined } from './shared/names.js';
export { resolveTelemetry } from './shared/prepare.js';
export { platformResource, currentPlatform, coarseOsVersion } from './shared/platform.js';
export {
  METRIC_FUNCTION_CALLS, METRIC_MODULE_LOADS, METRIC_SERVICE_HEARTBEATS, METRIC_SERVICE_UPTIME, METRIC_SERVICE_COUNT, METRIC_SERVICE_ERRORS, CLIENT_METRIC_NAMES,
} from './shared/usage-names.js';
export { mergeDeclared, filterRun, possibleValues } from './shared/schema.js';
export { isDebugEnabled, DOCTOR_REPORT_VAR } from './shared/env.js';
export { findOwningPackage } from './shared/package-root.js';
export { scrubStack, errorType } from './shared/scrub.js';
export {
  ATTR_CLITEL_COMMAND, ATTR_CLITEL_OPTIONS, ATTR_CLITEL_OPTION_PREFIX, ATTR_CLITEL_RUN_ID, ATTR_CLITEL_SAMPLE_RATE,
  ATTR_CLITEL_INSTALLATION_ID, ATTR_CLITEL_SESSION_ID, ATTR_CLITEL_CI, ATTR_CLITEL_CI_PROVIDER, ATTR_CLITEL_SOURCE,
  ATTR_CLITEL_CHANNEL, ATTR_CLITEL_STAGE, ATTR_CLITEL_MODULE_NAME, ATTR_CLITEL_MODULE_VERSION,
  ATTR_CLITEL_FUNCTION, ATTR_CLITEL_COUNT_NAME, ATTR_CLITEL_COUNT_BUCKET, ATTR_CLITEL_EDITION,
  EVENT_START, EVENT_PROGRESS, EVENT_MODULE_LOAD, EVENT_END,
  OTHER_VALUE, SCOPE_NAME, SERVICE_SCOPE_NAME, DISTRO_NAME,
} from './shared/attributes.js';
export {
  ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION, ATTR_OS_TYPE, ATTR_OS_VERSION, ATTR_HOST_ARCH, ATTR_TELEMETRY_DISTRO_NAME, ATTR_TELEMETRY_DISTRO_VERSION,
  ATTR_TELEMETRY_SDK_NAME, ATTR_TELEMETRY_SDK_LANGUAGE, ATTR_TELEMETRY_SDK_VERSION,
  ATTR_PROCESS_RUNTIME_NAME, ATTR_PROCESS_RUNTIME_VERSION, ATTR_PROCESS_EXECUTABLE_NAME, ATTR_PROCESS_EXIT_CODE, ATTR_ERROR_TYPE, ATTR_EXCEPTION_TYPE, ATTR_EXCEPTION_STACKTRACE, EVENT_EXCEPTION } from './shared/semconv.js';
export type { FilteredRun } from './shared/schema.js';
export type { ToolIdentity, IdentitySources } from './gate/tool-identity.js';
export type { ResolvedTelemetry } from './shared/prepare.js';
export type { ResolvedConfig, ExportTarget } from './shared/config.js';
export type { ClitelEnv } from './shared/env.js';
export type { DoctorReport } from './shared/internal-types.js';
export type { OwningPackage, PackageManifest } from './shared/package-root.js';
export type { ClitelPaths } from './shared/paths.js';
export type { Platform } from './shared/platform.js';
