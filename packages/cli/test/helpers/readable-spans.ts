// SPDX-License-Identifier: Apache-2.0
// Spans as the OpenTelemetry SDK hands them to its exporters, to encode with the official
// serializers and exporters, and the rows the store must hold for them.
import { randomBytes } from 'node:crypto';
import type { Attributes, HrTime } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { hrTimeDuration } from '@opentelemetry/core';

/** What a test span is made of. */
export interface SpanSpec {
  name: string;
  resource: Attributes;
  attributes: Attributes;
  startNs: bigint;
  durationNs: bigint;
  error?: boolean;
  events?: { name: string; timeNs: bigint; attributes?: Attributes }[];
}

function hr(ns: bigint): HrTime {
  return [Number(ns / 1_000_000_000n), Number(ns % 1_000_000_000n)];
}

/** A ReadableSpan with fresh ids. */
export function readableSpan(spec: SpanSpec): ReadableSpan & { traceId: string; spanId: string } {
  const traceId = randomBytes(16).toString('hex');
  const spanId = randomBytes(8).toString('hex');
  const startTime = hr(spec.startNs);
  const endTime = hr(spec.startNs + spec.durationNs);
  return {
    traceId,
    spanId,
    name: spec.name,
    kind: 0,
    spanContext: () => ({ traceId, spanId, traceFlags: 1 }),
    startTime,
    endTime,
    duration: hrTimeDuration(startTime, endTime),
    status: { code: spec.error === true ? 2 : 0 },
    attributes: spec.attributes,
    links: [],
    events: (spec.events ?? []).map((e) => ({ name: e.name, time: hr(e.timeNs), attributes: e.attributes ?? {} })),
    ended: true,
    resource: resourceFromAttributes(spec.resource),
    instrumentationScope: { name: '@clitel/core', version: '0.1.0' },
    droppedAttributesCount: 0,
    droppedEventsCount: 0,
    droppedLinksCount: 0,
  };
}

/** A varied set of command spans: every attribute type core sends, errors and stage events. */
export function sampleSpans(count: number, startNs = 1_790_000_000_000_000_000n): (ReadableSpan & { traceId: string; spanId: string })[] {
  return Array.from({ length: count }, (_, i) => readableSpan({
    name: i % 3 === 0 ? 'acme deploy' : i % 3 === 1 ? 'acme fail' : 'acme',
    resource: {
      'service.name': 'acme', 'service.version': `1.${i % 4}.0`, 'os.type': i % 2 === 0 ? 'linux' : 'darwin', 'host.arch': 'arm64',
      'clitel.installation.id': `inst-${i % 5}`, 'clitel.ci': i % 2 === 0,
    },
    attributes: {
      'process.executable.name': 'acme', 'process.exit.code': i % 3 === 1 ? 3 : 0, 'clitel.command': i % 3 === 0 ? 'deploy' : i % 3 === 1 ? 'fail' : '',
      'clitel.options': i % 3 === 0 ? ['env', 'token'] : [], 'clitel.option.env': 'prod', 'clitel.sample_rate': 0.25, 'negative': -42, 'ratio': 1.5,
    },
    startNs: startNs + BigInt(i) * 1_000_000_000n,
    durationNs: BigInt(1_000_000 + i * 1_234_567),
    error: i % 3 === 1,
    events: i % 3 === 0 ? [{ name: 'build', timeNs: startNs + BigInt(i) * 1_000_000_000n + 500n }, { name: 'exception', timeNs: startNs + 7n, attributes: { 'exception.type': 'TypeError' } }] : [],
  }));
}
