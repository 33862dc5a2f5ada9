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

/** Placeholder recorded instead of a command that is not in the schema. */
export const UNKNOWN_COMMAND = '_unknown';
/** Placeholder recorded instead of an option value that is not in the schema's list. */
export const OTHER_VALUE = '_other';
/** The instrumentation scope of every clitel span. */
export const SCOPE_NAME = '@clitel/core';
/** `telemetry.distro.name`. */
export const DISTRO_NAME = 'clitel';
