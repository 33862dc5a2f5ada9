// SPDX-License-Identifier: Apache-2.0
// The metric names and attribute keys of service heartbeats. Every key string lives here.

/** Heartbeats sent by this process so far (monotonic sum; 1 at start). */
export const METRIC_SERVICE_HEARTBEATS = 'clitel.service.heartbeats';
/** Seconds since the process started (gauge). */
export const METRIC_SERVICE_UPTIME = 'clitel.service.uptime';
/** A host-provided count, as the lower bound of its bucket (gauge). */
export const METRIC_SERVICE_COUNT = 'clitel.service.count';
/** Errors the host recorded, by type (monotonic sum). */
export const METRIC_SERVICE_ERRORS = 'clitel.service.errors';

/** The name of a host-provided count, e.g. `users`. */
export const ATTR_CLITEL_COUNT_NAME = 'clitel.count.name';
/** The bucket a count fell in, e.g. `10-100`. */
export const ATTR_CLITEL_COUNT_BUCKET = 'clitel.count.bucket';
/** The allowlisted licence or edition (resource). */
export const ATTR_CLITEL_EDITION = 'clitel.edition';

/** The instrumentation scope of service heartbeats. */
export const SERVICE_SCOPE_NAME = '@clitel/service';
