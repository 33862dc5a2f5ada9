// SPDX-License-Identifier: Apache-2.0
// The client metrics clitel itself sends over OTLP, besides run spans: usage counters libraries
// report through core's startUsage, and heartbeats of @clitel/service. base.yaml gives them their
// own pipeline (metrics/clients) that keeps exactly these names, keys and services.
import { type Schema } from '@clitel/core';
import { CLIENT_METRIC_NAMES } from '@clitel/core/internal';
import { keysAt } from '@clitel/core/describe';
import type { TypedKey } from './levels.js';

/**
 * Units the client metrics carry: core's usage counters (`{call}`, packages/core/src/sender/export-metrics.ts)
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
  /** Data-point keys with their OTLP type, for the type checks. */
  pointTypes: TypedKey[];
  /** Resource keys kept: every key core's table sets on a run, usage or service resource. */
  resourceKeys: string[];
  /** Every key, sorted: `redaction/clients` `allowed_keys`. */
  allowedKeys: string[];
  /** Resource keys with their OTLP type, for the type checks. */
  resourceTypes: TypedKey[];
}

/** Reads the client allowlist from the schema and core's attribute table. */
export function deriveClientAllowlist(schema: Schema): ClientAllowlist {
  const pointKeys = keysAt('point').map((k) => k.key);
  const resourceTypes: TypedKey[] = [...new Map([...keysAt('resource'), ...keysAt('service-resource')].map((k) => [k.key, { key: k.key, type: k.type }])).values()];
  const resource = resourceTypes.map((t) => t.key);
  return {
    services: unique([schema.tool, ...(schema.modules ?? [])]),
    metricNames: [...CLIENT_METRIC_NAMES],
    pointKeys,
    pointTypes: keysAt('point').map((k) => ({ key: k.key, type: k.type })),
    resourceKeys: resource,
    allowedKeys: unique([...resource, ...pointKeys]).sort(),
    resourceTypes,
  };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
