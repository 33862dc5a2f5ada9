// SPDX-License-Identifier: Apache-2.0
export { startService } from './start-service.js';
export { METRIC_SERVICE_HEARTBEATS, METRIC_SERVICE_UPTIME, METRIC_SERVICE_COUNT, METRIC_SERVICE_ERRORS, ATTR_CLITEL_COUNT_NAME, ATTR_CLITEL_COUNT_BUCKET, ATTR_CLITEL_EDITION } from '@clitel/core/internal';
export type { ServiceOptions, ServiceTelemetry } from './types.js';
