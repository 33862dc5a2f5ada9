// SPDX-License-Identifier: Apache-2.0
// Names of the usage metrics and their attribute.

/** Metric with the calls per registered function (attribute `clitel.function`). */
export const METRIC_FUNCTION_CALLS = 'clitel.function.calls';
/** Metric counting module loads (1 per process). */
export const METRIC_MODULE_LOADS = 'clitel.module.loads';
/** Attribute: the function name the library registered. */
export const ATTR_CLITEL_FUNCTION = 'clitel.function';
