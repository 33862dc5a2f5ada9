// SPDX-License-Identifier: Apache-2.0
// Local copies of OpenTelemetry semantic-convention constants (CLI spans and resources are still
// incubating, so they are copied rather than imported from the unstable entry point).

export const ATTR_PROCESS_EXECUTABLE_NAME = 'process.executable.name';
export const ATTR_PROCESS_EXIT_CODE = 'process.exit.code';
export const ATTR_ERROR_TYPE = 'error.type';
export const ATTR_EXCEPTION_TYPE = 'exception.type';
export const ATTR_EXCEPTION_STACKTRACE = 'exception.stacktrace';
export const EVENT_EXCEPTION = 'exception';

export const ATTR_SERVICE_NAME = 'service.name';
export const ATTR_SERVICE_VERSION = 'service.version';
export const ATTR_TELEMETRY_SDK_NAME = 'telemetry.sdk.name';
export const ATTR_TELEMETRY_SDK_LANGUAGE = 'telemetry.sdk.language';
export const ATTR_TELEMETRY_SDK_VERSION = 'telemetry.sdk.version';
export const ATTR_TELEMETRY_DISTRO_NAME = 'telemetry.distro.name';
export const ATTR_TELEMETRY_DISTRO_VERSION = 'telemetry.distro.version';
export const ATTR_OS_TYPE = 'os.type';
export const ATTR_OS_VERSION = 'os.version';
export const ATTR_HOST_ARCH = 'host.arch';
export const ATTR_PROCESS_RUNTIME_NAME = 'process.runtime.name';
export const ATTR_PROCESS_RUNTIME_VERSION = 'process.runtime.version';

/** Span status codes, as the OTLP enum values. */
export const STATUS_CODE_UNSET = 0;
export const STATUS_CODE_ERROR = 2;
/** Fallback value for `error.type`. */
export const ERROR_TYPE_VALUE_OTHER = '_OTHER';
