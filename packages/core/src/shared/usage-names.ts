// SPDX-License-Identifier: Apache-2.0
// Names of the client metrics: usage counters of libraries and heartbeats of @clitel/service.
// Their attribute keys are in shared/attributes.ts, with the rest.

/** Metric with the calls per registered function (attribute `clitel.function`). */
export const METRIC_FUNCTION_CALLS = 'clitel.function.calls';
/** Metric counting module loads (1 per process). */
export const METRIC_MODULE_LOADS = 'clitel.module.loads';
/** Heartbeats sent by a service process so far (monotonic sum; 1 at start). */
export const METRIC_SERVICE_HEARTBEATS = 'clitel.service.heartbeats';
/** Seconds since the service process started (gauge). */
export const METRIC_SERVICE_UPTIME = 'clitel.service.uptime';
/** A host-provided count, as the lower bound of its bucket (gauge). */
export const METRIC_SERVICE_COUNT = 'clitel.service.count';
/** Errors the service recorded, by type (monotonic sum). */
export const METRIC_SERVICE_ERRORS = 'clitel.service.errors';
/** Every client metric name. */
export const CLIENT_METRIC_NAMES: readonly string[] = [
  METRIC_FUNCTION_CALLS, METRIC_MODULE_LOADS, METRIC_SERVICE_HEARTBEATS, METRIC_SERVICE_UPTIME, METRIC_SERVICE_COUNT, METRIC_SERVICE_ERRORS,
];
