// SPDX-License-Identifier: Apache-2.0
// The client metrics clitel itself sends over OTLP, besides run spans: usage counters libraries
// report through core's startUsage, and heartbeats of @clitel/service. base.yaml gives them their
// own pipeline (metrics/clients) that keeps exactly these names, keys and services.
import { ATTR_CLITEL_FUNCTION, ATTR_ERROR_TYPE, METRIC_FUNCTION_CALLS, METRIC_MODULE_LOADS } from '@clitel/core';
import type { Schema } from '@clitel/core';
import type { AttributeInfo } from '@clitel/core/describe';
import type { TypedKey } from './levels.js';

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
/** The instrumentation scope of service heartbeats (core's usage counters use core's SCOPE_NAME). */
export const SERVICE_SCOPE_NAME = '@clitel/service';
/**
 * Units the client metrics carry: core's usage counters (`{call}`, packages/core/src/export-metrics.ts)
 * and the heartbeats of packages/service/src/sdk.ts; client-metrics.test.ts reads both files.
 * Any other unit is cleared, and so is every description (free text a client could fill).
 */
export const CLIENT_METRIC_UNITS: readonly string[] = ['', '{call}', '{heartbeat}', '{error}', 's'];

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
  /** Resource keys with their OTLP type, for the type checks. */
  resourceTypes: TypedKey[];
}

/** Reads the client allowlist; `resourceInfos` is describeSchema(schema).resource. */
export function deriveClientAllowlist(schema: Schema, resourceInfos: readonly Pick<AttributeInfo, 'key' | 'type'>[]): ClientAllowlist {
  const pointKeys = unique([ATTR_CLITEL_FUNCTION, ...SERVICE_METRIC_KEYS, ATTR_ERROR_TYPE]);
  const resource = unique([...resourceInfos.map((i) => i.key), ...SERVICE_RESOURCE_KEYS]);
  const resourceTypes: TypedKey[] = [...resourceInfos.map((i) => ({ key: i.key, type: i.type })), ...SERVICE_RESOURCE_KEYS.map((key) => ({ key, type: 'string' as const }))];
  return {
    services: unique([schema.tool, ...(schema.modules ?? [])]),
    metricNames: unique([METRIC_FUNCTION_CALLS, METRIC_MODULE_LOADS, ...SERVICE_METRIC_NAMES]),
    pointKeys,
    resourceKeys: resource,
    allowedKeys: unique([...resource, ...pointKeys]).sort(),
    resourceTypes: [...new Map(resourceTypes.map((t) => [t.key, t])).values()],
  };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
