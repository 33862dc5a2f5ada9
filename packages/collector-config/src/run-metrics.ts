// SPDX-License-Identifier: Apache-2.0
// The run metrics span_metrics derives from the spans, and the transform that cleans them. The
// connector copies the whole resource of the first span it sees per service (installation id,
// session id, os.version) into its metrics unless the alpha feature gate
// connector.spanmetrics.excludeResourceMetrics is on, whatever add_resource_attributes says; the
// real collector showed it (test/collector/gateway.test.ts). transform/run-metrics keeps only
// service.name on the resource and only the dimensions below on data points, with no gate needed.
import { ATTR_CLITEL_COMMAND, ATTR_OS_TYPE, ATTR_PROCESS_EXIT_CODE, ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@clitel/core/internal';
import type { ConfigValue } from './confmap.js';
import { CLEAR_RESOURCE_SCHEMA_URL, keepKeysStatement } from './levels.js';

/** The span_metrics dimensions we configure. */
export const RUN_METRIC_DIMENSIONS: readonly string[] = [ATTR_CLITEL_COMMAND, ATTR_SERVICE_VERSION, ATTR_OS_TYPE, ATTR_PROCESS_EXIT_CODE];

/** The dimensions span_metrics always adds. */
const SPAN_METRICS_DEFAULT_DIMENSIONS: readonly string[] = [ATTR_SERVICE_NAME, 'span.name', 'span.kind', 'status.code'];

/** `transform/run-metrics`, in the metrics pipeline after filter/clitel. */
export function runMetricsTransformConfig(): ConfigValue {
  return {
    error_mode: 'ignore',
    metric_statements: [
      { context: 'resource', statements: [keepKeysStatement('resource', [ATTR_SERVICE_NAME]), CLEAR_RESOURCE_SCHEMA_URL] },
      { context: 'datapoint', statements: [keepKeysStatement('datapoint', [...SPAN_METRICS_DEFAULT_DIMENSIONS, ...RUN_METRIC_DIMENSIONS])] },
    ],
  };
}
