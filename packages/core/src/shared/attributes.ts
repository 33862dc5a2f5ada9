// SPDX-License-Identifier: Apache-2.0
// clitel's own attribute keys. Every key string lives here and nowhere else.

export const ATTR_CLITEL_COMMAND = 'clitel.command';
export const ATTR_CLITEL_OPTIONS = 'clitel.options';
/** Prefix of allowlisted option values: `clitel.option.<name>`. */
export const ATTR_CLITEL_OPTION_PREFIX = 'clitel.option.';
export const ATTR_CLITEL_RUN_ID = 'clitel.run.id';
export const ATTR_CLITEL_STAGE = 'clitel.stage';
export const ATTR_CLITEL_MODULE_NAME = 'clitel.module.name';
export const ATTR_CLITEL_MODULE_VERSION = 'clitel.module.version';

/** Span events of a run. */
export const EVENT_START = 'start';
export const EVENT_PROGRESS = 'progress';
export const EVENT_MODULE_LOAD = 'module-load';
export const EVENT_END = 'end';
export const ATTR_CLITEL_SAMPLE_RATE = 'clitel.sample_rate';

export const ATTR_CLITEL_INSTALLATION_ID = 'clitel.installation.id';
export const ATTR_CLITEL_SESSION_ID = 'clitel.session.id';
export const ATTR_CLITEL_CI = 'clitel.ci';
export const ATTR_CLITEL_CI_PROVIDER = 'clitel.ci.provider';
export const ATTR_CLITEL_SOURCE = 'clitel.source';
export const ATTR_CLITEL_CHANNEL = 'clitel.channel';

/** Data point of a usage counter: the function name the library registered. */
export const ATTR_CLITEL_FUNCTION = 'clitel.function';
/** Data point of a service count: the name of a host-provided count, e.g. `users`. */
export const ATTR_CLITEL_COUNT_NAME = 'clitel.count.name';
/** Data point of a service count: the bucket a count fell in, e.g. `10-100`. */
export const ATTR_CLITEL_COUNT_BUCKET = 'clitel.count.bucket';
/** Service resource: the allowlisted licence or edition. */
export const ATTR_CLITEL_EDITION = 'clitel.edition';

/** Placeholder recorded instead of a command that is not in the schema. */
export const UNKNOWN_COMMAND = '_unknown';
/** Placeholder recorded instead of an option value that is not in the schema's list. */
export const OTHER_VALUE = '_other';
/** The instrumentation scope of every clitel span and usage counter. */
export const SCOPE_NAME = '@clitel/core';
/** The instrumentation scope of service heartbeats. */
export const SERVICE_SCOPE_NAME = '@clitel/service';
/** `telemetry.distro.name`. */
export const DISTRO_NAME = 'clitel';
