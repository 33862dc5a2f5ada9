// SPDX-License-Identifier: Apache-2.0
// The processors of the client metrics pipeline (metrics/clients) in base.yaml: keep only the
// metric names clitel clients send, from the tool and the schema's modules; keep only the keys
// they can carry (fail-closed); check ids and closed values, truncate and limit.
import { ATTR_CLITEL_FUNCTION, ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION, ATTR_TELEMETRY_DISTRO_NAME, DISTRO_NAME, SCOPE_NAME, SERVICE_SCOPE_NAME } from '@clitel/core/internal';
import type { Allowlist } from './allowlist.js';
import type { ResolvedCollectorConfigOptions } from './types.js';
import type { ConfigValue } from './confmap.js';
import { BLOCKED_PATTERNS } from './patterns.js';
import { attributePath, closedSetStatement, exactlyOneOf, idShapeStatement, ottlString } from './ottl.js';
import { CLEAR_RESOURCE_SCHEMA_URL, keepKeysStatement, scopeStatements, typeStatement } from './levels.js';
import { CLIENT_METRIC_UNITS } from './client-metrics.js';

/** `filter/clients`: drops every metric but the client names, from services the schema allows. */
export function clientFilterConfig(allow: Allowlist): ConfigValue {
  const { clients } = allow;
  const distro = attributePath('resource', ATTR_TELEMETRY_DISTRO_NAME);
  return {
    error_mode: 'ignore',
    metric_conditions: [
      {
        context: 'metric',
        conditions: [
          `not IsMatch(metric.name, ${ottlString(exactlyOneOf(clients.metricNames))})`,
          `not IsMatch(${attributePath('resource', ATTR_SERVICE_NAME)}, ${ottlString(exactlyOneOf(clients.services))})`,
          `${distro} != nil and ${distro} != ${ottlString(DISTRO_NAME)}`,
        ],
      },
      // No processor can clear exemplars (set() ignores nil); clitel clients record none.
      { context: 'datapoint', conditions: ['Len(datapoint.exemplars) > 0'] },
    ],
  };
}

/** `redaction/clients`: the resource keys core can produce and the client data-point keys, nothing else. */
export function clientRedactionConfig(allow: Allowlist): ConfigValue {
  return {
    allow_all_keys: false,
    allowed_keys: allow.clients.allowedKeys,
    ignored_keys: allow.idShapes.filter((s) => s.level === 'resource').map((s) => s.key),
    blocked_values: BLOCKED_PATTERNS.map((p) => p.pattern),
    redact_all_types: true,
    summary: 'silent',
  };
}

/** `transform/clients`: the resource checks of the traces pipeline, then truncation and limits. */
export function clientTransformConfig(allow: Allowlist, options: ResolvedCollectorConfigOptions): ConfigValue {
  const resourcePriority = [ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION];
  const pointPriority = [ATTR_CLITEL_FUNCTION];
  return {
    error_mode: 'ignore',
    metric_statements: [
      {
        context: 'resource',
        statements: [
          ...allow.closedSets.filter((s) => s.level === 'resource').map(closedSetStatement),
          ...allow.idShapes.filter((s) => s.level === 'resource').map(idShapeStatement),
          keepKeysStatement('resource', allow.clients.resourceKeys),
          ...allow.clients.resourceTypes.map((t) => typeStatement('resource', t)),
          CLEAR_RESOURCE_SCHEMA_URL,
          `truncate_all(resource.attributes, ${options.maxValueBytes})`,
          `limit(resource.attributes, ${Math.max(allow.clients.resourceKeys.length, resourcePriority.length + 1)}, [${resourcePriority.map(ottlString).join(', ')}])`,
        ],
      },
      { context: 'scope', statements: scopeStatements([SCOPE_NAME, SERVICE_SCOPE_NAME]) },
      {
        context: 'metric',
        statements: [
          'set(metric.description, "") where metric.description != ""',
          `set(metric.unit, "") where not IsMatch(metric.unit, ${ottlString(exactlyOneOf(CLIENT_METRIC_UNITS))})`,
        ],
      },
      {
        context: 'datapoint',
        statements: [
          keepKeysStatement('datapoint', allow.clients.pointKeys),
          ...allow.clients.pointTypes.map((t) => typeStatement('datapoint', t)),
          `truncate_all(datapoint.attributes, ${options.maxValueBytes})`,
          `limit(datapoint.attributes, ${Math.max(allow.clients.pointKeys.length, pointPriority.length + 1)}, [${pointPriority.map(ottlString).join(', ')}])`,
        ],
      },
    ],
  };
}

/** Comments of the three processors, keyed like BuiltConfig comments. */
export function clientComments(allow: Allowlist, ids: { filter: string; redaction: string; transform: string }): Record<string, string> {
  return {
    [`processors.${ids.filter}`]: ` Client metrics pipeline: keeps only the metrics clitel clients send (library usage counters,\n service heartbeats) whose resource service.name is ${allow.clients.services.join(' or ')} (the tool and the\n schema's modules), and telemetry.distro.name when present is clitel. Every other metric is dropped.`,
    [`processors.${ids.redaction}`]: ' The same fail-closed allowlist for client metrics: the resource keys core can produce (plus the\n service edition) and the data-point keys of those metrics; keys a library allowlisted for its own\n counters are deleted too. Same blocked values and id handling as redaction/allowlist.',
    [`processors.${ids.transform}`]: ' Client metrics: ids of the wrong shape are deleted; each level keeps only its own keys, each of its\n type; scope attributes, unknown scope names, schema_url, descriptions and unknown units are cleared;\n strings truncated and attribute counts limited.',
  };
}
