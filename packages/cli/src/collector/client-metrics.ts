// SPDX-License-Identifier: Apache-2.0
// The client metrics clitel itself sends over OTLP, besides run spans: usage counters libraries
// report through core's startUsage, and heartbeats of @clitel/service. base.yaml gives them their
// own pipeline (metrics/clients) that keeps exactly these names, keys and services.
import { ATTR_CLITEL_FUNCTION, ATTR_ERROR_TYPE, METRIC_FUNCTION_CALLS, METRIC_MODULE_LOADS } from '@clitel/core';
import type { Schema } from '@clitel/core';

/**
 * Service heartbeat names and keys, copied from packages/service/src/attributes.ts: core does not
 * export them and the cli does not depend on @clitel/service. client-metrics.test.ts reads that
 * file and fails when the two drift.
 */
export const SERVICE_METRIC_NAMES: readonly string[] = ['clitel.service.heartbeats', 'clitel.service.uptime', 'clitel.service.count', 'clitel.service.errors'];
/** Data-point keys of service heartbeats (count name and bucket; error.type comes from core). */
export const SERVICE_METRIC_KEYS: readonly string[] = ['clitel.count.name', 'clitel.count.bucket'];
/** The service resource key core does not describe: the allowlisted edition. */
export const SERVICE_RESOURCE_KEYS: readonly string[] = ['clitel.edition'];

/** What the client metrics pipeline lets through, for one schema. */
export interface ClientAllowlist {
  /** `service.name` values accepted: the tool and the schema's modules. */
  services: string[];
  /** Metric names accepted. */
  metricNames: string[];
  /** Data-point attribute keys kept. */
  pointKeys: string[];
  /** Resource keys kept: every key core can put on a resource, plus the service edition. */
  resourceKeys: string[];
  /** Every key, sorted: `redaction/clients` `allowed_keys`. */
  allowedKeys: string[];
}

/** Reads the client allowlist; `resourceKeys` are describeSchema(schema).resource keys. */
export function deriveClientAllowlist(schema: Schema, resourceKeys: readonly string[]): ClientAllowlist {
  const pointKeys = unique([ATTR_CLITEL_FUNCTION, ...SERVICE_METRIC_KEYS, ATTR_ERROR_TYPE]);
  const resource = unique([...resourceKeys, ...SERVICE_RESOURCE_KEYS]);
  return {
    services: unique([schema.tool, ...(schema.modules ?? [])]),
    metricNames: unique([METRIC_FUNCTION_CALLS, METRIC_MODULE_LOADS, ...SERVICE_METRIC_NAMES]),
    pointKeys,
    resourceKeys: resource,
    allowedKeys: unique([...resource, ...pointKeys]).sort(),
  };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
