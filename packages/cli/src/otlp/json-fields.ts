// SPDX-License-Identifier: Apache-2.0
// Reading OTLP/JSON fields: lowerCamelCase or snake_case keys, hex or base64 ids, 64-bit integers
// as strings or numbers, enums as integers or names, AnyValue attributes.
import { stringifyValue, type PlainValue } from './span-row.js';

/** Thrown for JSON that is not an OTLP export request. */
export class OtlpJsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OtlpJsonError';
  }
}

export type Json = Record<string, unknown>;

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

export function get(obj: Json, name: string): unknown {
  return obj[name] ?? obj[snake(name)];
}

export function isObject(value: unknown): value is Json {
  return value != null && typeof value === 'object' && !Array.isArray(value);
}

export function list(obj: Json, name: string, where: string): Json[] {
  const value = get(obj, name);
  if (value == null) return [];
  if (!Array.isArray(value) || !value.every(isObject)) throw new OtlpJsonError(`${where}.${name} is not a list of objects`);
  return value;
}

export function text(obj: Json, name: string): string {
  const value = get(obj, name);
  return typeof value === 'string' ? value : '';
}

export function bigint(value: unknown, where: string): bigint {
  if (value == null || value === '') return 0n;
  if (typeof value === 'number' && Number.isFinite(value)) return BigInt(Math.trunc(value));
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return BigInt(value);
  throw new OtlpJsonError(`${where} is not an integer`);
}

export function id(value: unknown, bytes: number, where: string): string {
  if (value == null || value === '') return '';
  if (typeof value !== 'string') throw new OtlpJsonError(`${where} is not a string`);
  if (/^[0-9a-fA-F]+$/.test(value) && value.length === bytes * 2) return value.toLowerCase();
  const decoded = Buffer.from(value, 'base64');
  if (decoded.length === bytes) return decoded.toString('hex');
  throw new OtlpJsonError(`${where} is not a ${bytes}-byte hex id`);
}

export function enumValue(value: unknown, names: readonly string[], where: string): number {
  if (value == null) return 0;
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string') {
    const index = names.indexOf(value);
    if (index >= 0) return index;
  }
  throw new OtlpJsonError(`${where} is not a known enum value`);
}

function anyValue(value: unknown, where: string): PlainValue {
  if (!isObject(value)) return undefined;
  const s = get(value, 'stringValue');
  if (s != null) return String(s);
  const b = get(value, 'boolValue');
  if (b != null) return b === true || b === 'true';
  const i = get(value, 'intValue');
  if (i != null) return bigint(i, `${where}.intValue`);
  const d = get(value, 'doubleValue');
  if (d != null) return typeof d === 'number' ? d : Number(d);
  const a = get(value, 'arrayValue');
  if (isObject(a)) return (Array.isArray(a.values) ? a.values : []).map((v, n) => anyValue(v, `${where}[${n}]`));
  const kv = get(value, 'kvlistValue');
  if (isObject(kv)) return attributes(kv, 'values', where);
  const bytes = get(value, 'bytesValue');
  if (typeof bytes === 'string') return new Uint8Array(Buffer.from(bytes, 'base64'));
  return undefined;
}

function attributes(obj: Json, name: string, where: string): Record<string, PlainValue> {
  const out: Record<string, PlainValue> = {};
  for (const [n, kv] of list(obj, name, where).entries()) {
    out[text(kv, 'key')] = anyValue(get(kv, 'value'), `${where}.${name}[${n}]`);
  }
  return out;
}

export function stringified(obj: Json, name: string, where: string): Record<string, string> {
  return Object.fromEntries(Object.entries(attributes(obj, name, where)).map(([k, v]) => [k, stringifyValue(v)]));
}

/** Parses an OTLP/JSON request body; anything but JSON is an OtlpJsonError. */
export function parseBody(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw new OtlpJsonError('the body is not valid JSON');
  }
}
