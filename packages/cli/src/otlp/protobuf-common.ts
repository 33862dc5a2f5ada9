// SPDX-License-Identifier: Apache-2.0
// Protobuf readers shared by the trace and metrics decoders: AnyValue, KeyValue and the
// instrumentation scope (opentelemetry/proto common/v1/common.proto).
import { type WireReader, WireFormatError, WIRE_FIXED64, WIRE_LENGTH, WIRE_VARINT } from './wire-reader.js';
import { stringifyValue, type PlainValue } from './span-row.js';

/** Throws unless a known field has the wire type its proto declares. */
export function want(wire: number, expected: number, what: string): void {
  if (wire !== expected) throw new WireFormatError(`${what} has wire type ${wire}, expected ${expected}`);
}

function readAnyValue(r: WireReader): PlainValue {
  let value: PlainValue;
  while (!r.done()) {
    const [field, wire] = r.tag();
    switch (field) {
      case 1: want(wire, WIRE_LENGTH, 'string_value'); value = r.string(); break;
      case 2: want(wire, WIRE_VARINT, 'bool_value'); value = r.varint64() !== 0n; break;
      case 3: want(wire, WIRE_VARINT, 'int_value'); value = BigInt.asIntN(64, r.varint64()); break;
      case 4: want(wire, WIRE_FIXED64, 'double_value'); value = r.double(); break;
      case 5: {
        want(wire, WIRE_LENGTH, 'array_value');
        const list: PlainValue[] = [];
        const a = r.message();
        while (!a.done()) {
          const [f, w] = a.tag();
          if (f === 1 && w === WIRE_LENGTH) list.push(readAnyValue(a.message()));
          else a.skip(w);
        }
        value = list;
        break;
      }
      case 6: {
        want(wire, WIRE_LENGTH, 'kvlist_value');
        value = readKeyValues(r.message(), 1);
        break;
      }
      case 7: want(wire, WIRE_LENGTH, 'bytes_value'); value = r.bytes().slice(); break;
      default: r.skip(wire);
    }
  }
  return value;
}

export function readKeyValue(r: WireReader): [string, PlainValue] {
  let key = '';
  let value: PlainValue;
  while (!r.done()) {
    const [field, wire] = r.tag();
    if (field === 1) { want(wire, WIRE_LENGTH, 'key'); key = r.string(); }
    else if (field === 2) { want(wire, WIRE_LENGTH, 'value'); value = readAnyValue(r.message()); }
    else r.skip(wire);
  }
  return [key, value];
}

/** Reads the repeated KeyValue field `fieldNumber` of a message into a plain object. */
function readKeyValues(r: WireReader, fieldNumber: number, into: Record<string, PlainValue> = {}): Record<string, PlainValue> {
  while (!r.done()) {
    const [field, wire] = r.tag();
    if (field === fieldNumber && wire === WIRE_LENGTH) {
      const [key, value] = readKeyValue(r.message());
      into[key] = value;
    } else r.skip(wire);
  }
  return into;
}

export function stringifyAll(values: Record<string, PlainValue>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, stringifyValue(v)]));
}

/** An InstrumentationScope's name and version. */
export interface Scope { name: string; version: string }

/** Reads an InstrumentationScope message. */
export function readScope(r: WireReader): Scope {
  const scope: Scope = { name: '', version: '' };
  while (!r.done()) {
    const [f, w] = r.tag();
    if (f === 1 && w === WIRE_LENGTH) scope.name = r.string();
    else if (f === 2 && w === WIRE_LENGTH) scope.version = r.string();
    else r.skip(w);
  }
  return scope;
}

/**
 * Reads a ResourceSpans / ResourceMetrics message: its resource attributes (field 1), stringified,
 * and its scope messages (field 2), left unread for the signal's own decoder.
 */
export function readResourceEnvelope(r: WireReader): { attributes: Record<string, string>; scopes: WireReader[] } {
  const resource: Record<string, PlainValue> = {};
  const scopes: WireReader[] = [];
  while (!r.done()) {
    const [field, wire] = r.tag();
    if (field === 1 && wire === WIRE_LENGTH) readKeyValues(r.message(), 1, resource);
    else if (field === 2 && wire === WIRE_LENGTH) scopes.push(r.message());
    else r.skip(wire);
  }
  return { attributes: stringifyAll(resource), scopes };
}
