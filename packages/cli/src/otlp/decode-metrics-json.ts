// SPDX-License-Identifier: Apache-2.0
// OTLP/JSON ExportMetricsServiceRequest → stored sum and gauge points.
import type { DecodedMetrics, MetricPointRow } from './metric-row.js';
import { bigint, enumValue, get, isObject, list, OtlpJsonError, parseBody, stringified, text, type Json } from './json-fields.js';

const TEMPORALITY = ['AGGREGATION_TEMPORALITY_UNSPECIFIED', 'AGGREGATION_TEMPORALITY_DELTA', 'AGGREGATION_TEMPORALITY_CUMULATIVE'];

function value(point: Json, where: string): number {
  const d = get(point, 'asDouble');
  if (d != null) return typeof d === 'number' ? d : Number(d);
  const i = get(point, 'asInt');
  return i == null ? 0 : Number(bigint(i, `${where}.asInt`));
}

/** Converts a parsed OTLP/JSON metrics export request. Throws OtlpJsonError when it is not one. */
export function decodeMetricsRequestObject(body: unknown): DecodedMetrics {
  if (!isObject(body)) throw new OtlpJsonError('the body is not a JSON object');
  const out: DecodedMetrics = { points: [], dropped: 0 };
  for (const [i, rm] of list(body, 'resourceMetrics', 'request').entries()) {
    const where = `resourceMetrics[${i}]`;
    const resource = stringified(isObject(get(rm, 'resource')) ? (get(rm, 'resource') as Json) : {}, 'attributes', `${where}.resource`);
    for (const [j, sm] of list(rm, 'scopeMetrics', where).entries()) {
      const scope = isObject(get(sm, 'scope')) ? (get(sm, 'scope') as Json) : {};
      for (const [k, m] of list(sm, 'metrics', `${where}.scopeMetrics[${j}]`).entries()) {
        const at = `${where}.scopeMetrics[${j}].metrics[${k}]`;
        const sum = get(m, 'sum');
        const gauge = get(m, 'gauge');
        const data = isObject(sum) ? sum : isObject(gauge) ? gauge : undefined;
        if (data == null) {
          for (const other of ['histogram', 'exponentialHistogram', 'summary']) {
            const o = get(m, other);
            if (isObject(o)) out.dropped += list(o, 'dataPoints', at).length;
          }
          continue;
        }
        const base = {
          kind: (isObject(sum) ? 'sum' : 'gauge') as MetricPointRow['kind'],
          serviceName: resource['service.name'] ?? '', resourceAttributes: resource,
          scopeName: text(scope, 'name'), scopeVersion: text(scope, 'version'),
          metricName: text(m, 'name'), description: text(m, 'description'), unit: text(m, 'unit'),
          temporality: isObject(sum) ? enumValue(get(data, 'aggregationTemporality'), TEMPORALITY, `${at}.aggregationTemporality`) : 0,
          monotonic: isObject(sum) && get(data, 'isMonotonic') === true,
        };
        for (const [n, p] of list(data, 'dataPoints', at).entries()) {
          out.points.push({
            ...base,
            attributes: stringified(p, 'attributes', `${at}.dataPoints[${n}]`),
            startNs: bigint(get(p, 'startTimeUnixNano'), `${at}.dataPoints[${n}].startTimeUnixNano`),
            timeNs: bigint(get(p, 'timeUnixNano'), `${at}.dataPoints[${n}].timeUnixNano`),
            value: value(p, `${at}.dataPoints[${n}]`),
          });
        }
      }
    }
  }
  return out;
}

/** Parses and converts an OTLP/JSON metrics export request. */
export function decodeMetricsRequestJson(textBody: string): DecodedMetrics {
  return decodeMetricsRequestObject(parseBody(textBody));
}
