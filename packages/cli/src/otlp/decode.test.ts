// SPDX-License-Identifier: Apache-2.0
import { describe, expect, it } from 'vitest';
import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import protobuf from 'protobufjs';
import { sampleSpans } from '../../test/helpers/readable-spans.js';
import { decodeTraceRequestProtobuf } from './decode-protobuf.js';
import { decodeTraceRequestJson } from './decode-json.js';
import { OtlpJsonError } from './json-fields.js';
import { WireFormatError } from './wire-reader.js';

describe('OTLP decoding', () => {
  const spans = sampleSpans(9);
  const proto = ProtobufTraceSerializer.serializeRequest(spans) as Uint8Array;
  const json = Buffer.from(JsonTraceSerializer.serializeRequest(spans) as Uint8Array).toString('utf8');

  it('decodes what the official protobuf serializer writes', () => {
    const rows = decodeTraceRequestProtobuf(proto);
    expect(rows).toHaveLength(9);
    const byId = new Map(rows.map((r) => [r.spanId, r]));
    for (const span of spans) {
      const row = byId.get(span.spanId);
      expect(row).toMatchObject({
        traceId: span.traceId, spanName: span.name, spanKind: 'Internal', serviceName: 'acme',
        statusCode: span.status.code === 2 ? 'Error' : 'Unset', scopeName: '@clitel/core', scopeVersion: '0.1.0',
      });
      expect(row?.durationNs).toBe(BigInt(span.duration[0]) * 1_000_000_000n + BigInt(span.duration[1]));
      expect(row?.timestampNs).toBe(BigInt(span.startTime[0]) * 1_000_000_000n + BigInt(span.startTime[1]));
      expect(row?.resourceAttributes['clitel.ci']).toBe(String(span.resource.attributes['clitel.ci']));
      expect(row?.spanAttributes['negative']).toBe('-42');
      expect(row?.spanAttributes['ratio']).toBe('1.5');
      expect(row?.spanAttributes['clitel.sample_rate']).toBe('0.25');
      expect(row?.events.map((e) => e.name)).toEqual(span.events.map((e) => e.name));
    }
    expect(rows.find((r) => r.spanName === 'acme deploy')?.spanAttributes['clitel.options']).toBe('["env","token"]');
    expect(rows.find((r) => r.spanName === 'acme deploy')?.events[1]?.attributes).toEqual({ 'exception.type': 'TypeError' });
  });

  it('decodes the JSON encoding of the same spans to the same rows', () => {
    expect(decodeTraceRequestJson(json)).toEqual(decodeTraceRequestProtobuf(proto));
  });

  it('decodes bytes and key-value list values as the ClickHouse exporter stringifies them', () => {
    const root = protobuf.Root.fromJSON({
      nested: {
        AnyValue: { oneofs: { value: { oneof: ['s', 'b', 'i', 'd', 'a', 'kv', 'by'] } }, fields: { s: { type: 'string', id: 1 }, b: { type: 'bool', id: 2 }, i: { type: 'int64', id: 3 }, d: { type: 'double', id: 4 }, a: { type: 'ArrayValue', id: 5 }, kv: { type: 'KeyValueList', id: 6 }, by: { type: 'bytes', id: 7 } } },
        ArrayValue: { fields: { values: { rule: 'repeated', type: 'AnyValue', id: 1 } } },
        KeyValueList: { fields: { values: { rule: 'repeated', type: 'KeyValue', id: 1 } } },
        KeyValue: { fields: { key: { type: 'string', id: 1 }, value: { type: 'AnyValue', id: 2 } } },
        Span: { fields: { traceId: { type: 'bytes', id: 1 }, spanId: { type: 'bytes', id: 2 }, name: { type: 'string', id: 5 }, start: { type: 'fixed64', id: 7 }, end: { type: 'fixed64', id: 8 }, attributes: { rule: 'repeated', type: 'KeyValue', id: 9 }, unknown: { type: 'string', id: 99 } } },
        ScopeSpans: { fields: { spans: { rule: 'repeated', type: 'Span', id: 2 } } },
        ResourceSpans: { fields: { scopeSpans: { rule: 'repeated', type: 'ScopeSpans', id: 2 } } },
        Request: { fields: { resourceSpans: { rule: 'repeated', type: 'ResourceSpans', id: 1 } } },
      },
    });
    const Request = root.lookupType('Request');
    const bytes = Request.encode(Request.fromObject({
      resourceSpans: [{ scopeSpans: [{ spans: [{
        traceId: Buffer.alloc(16, 1), spanId: Buffer.alloc(8, 2), name: 'x', start: 10, end: 25, unknown: 'skipped',
        attributes: [
          { key: 'kv', value: { kv: { values: [{ key: 'a', value: { i: 1 } }, { key: 'b', value: { a: { values: [{ s: 'x' }, { b: true }] } } }] } } },
          { key: 'bytes', value: { by: Buffer.from('hi') } },
          { key: 'big', value: { i: '-9007199254740993' } },
        ],
      }] }] }],
    })).finish();
    const [row] = decodeTraceRequestProtobuf(bytes);
    expect(row?.spanAttributes).toEqual({ kv: '{"a":1,"b":["x",true]}', bytes: 'aGk=', big: '-9007199254740993' });
    expect(row?.durationNs).toBe(15n);
    expect(row?.traceId).toBe('01'.repeat(16));
  });

  it('rejects truncated and malformed protobuf', () => {
    expect(() => decodeTraceRequestProtobuf(proto.subarray(0, proto.length - 3))).toThrow(WireFormatError);
    expect(() => decodeTraceRequestProtobuf(Buffer.from('{"resourceSpans":[]}'))).toThrow(WireFormatError);
    expect(decodeTraceRequestProtobuf(new Uint8Array())).toEqual([]);
  });

  it('rejects JSON that is not an export request', () => {
    expect(() => decodeTraceRequestJson('not json')).toThrow(OtlpJsonError);
    expect(() => decodeTraceRequestJson('[1]')).toThrow(OtlpJsonError);
    expect(() => decodeTraceRequestJson('{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"xyz"}]}]}]}')).toThrow(OtlpJsonError);
    expect(decodeTraceRequestJson('{}')).toEqual([]);
  });

  it('accepts snake_case keys, enum names and numeric 64-bit fields', () => {
    const [row] = decodeTraceRequestJson(JSON.stringify({
      resource_spans: [{ scope_spans: [{ spans: [{
        trace_id: 'AQEBAQEBAQEBAQEBAQEBAQ==', span_id: '0202020202020202', name: 'n', kind: 'SPAN_KIND_INTERNAL',
        start_time_unix_nano: 1000, end_time_unix_nano: '1500', status: { code: 'STATUS_CODE_ERROR' },
        attributes: [{ key: 'n', value: { int_value: 7 } }],
      }] }] }],
    }));
    expect(row).toMatchObject({ traceId: '01'.repeat(16), spanKind: 'Internal', statusCode: 'Error', durationNs: 500n, spanAttributes: { n: '7' } });
  });
});
