// SPDX-License-Identifier: Apache-2.0
// The attribute table in core is what a real run sends: the example CLI runs against a real
// receiver, and every key of the spans, resources and span events it sent is in the table at that
// place with that OTLP type (minimal-level keys at CLITEL_LEVEL=minimal); every span and resource
// key of the table was sent by one of these runs or is documented as conditional.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTRIBUTE_DOCS, keysAt, rowOf, type AttributePlace, type AttributeType } from '@clitel/core/describe';
import { startReceiver, type Receiver } from '../helpers/receiver.js';
import { decodeProtobuf } from '../helpers/otlp-decode.js';
import { runAcme } from '../helpers/acme.js';

interface AnyValue { stringValue?: string; boolValue?: boolean; intValue?: unknown; doubleValue?: number; arrayValue?: { values?: AnyValue[] } }
interface KeyValue { key: string; value?: AnyValue }
interface Sent { place: AttributePlace; key: string; type: AttributeType | 'other' }

/** The OTLP type of a value as it went over the wire. */
function typeOf(v: AnyValue | undefined): AttributeType | 'other' {
  if (v?.stringValue != null) return 'string';
  if (v?.intValue != null) return 'int';
  if (v?.doubleValue != null) return 'double';
  if (v?.boolValue != null) return 'boolean';
  if (v?.arrayValue != null) return (v.arrayValue.values ?? []).every((x) => x.stringValue != null) ? 'string[]' : 'other';
  return 'other';
}

/** Every key a traces request carried, with its place and wire type. */
function sentKeys(body: Buffer): Sent[] {
  type Span = { attributes?: KeyValue[]; events?: { name: string; attributes?: KeyValue[] }[] };
  const request = decodeProtobuf('traces', body) as { resourceSpans?: { resource?: { attributes?: KeyValue[] }; scopeSpans?: { spans?: Span[] }[] }[] };
  const out: Sent[] = [];
  const add = (place: AttributePlace, list: KeyValue[] | undefined): void => { for (const kv of list ?? []) out.push({ place, key: kv.key, type: typeOf(kv.value) }); };
  for (const rs of request.resourceSpans ?? []) {
    add('resource', rs.resource?.attributes);
    for (const span of (rs.scopeSpans ?? []).flatMap((ss) => ss.spans ?? [])) {
      add('span', span.attributes);
      for (const e of span.events ?? []) add(`event:${e.name}` as AttributePlace, e.attributes);
    }
  }
  return out;
}

const RUNS: { args: string[]; env?: Record<string, string>; minimal?: boolean }[] = [
  { args: ['deploy', 'web', '--env', 'prod', '--token', 'tok_1', '--force'] },
  { args: ['crash'] },
  { args: ['fail'], env: { GITHUB_ACTIONS: 'true' } },
  { args: ['deploy', 'web', '--env', 'prod', '--token', 'tok_1'], env: { CLITEL_LEVEL: 'minimal' }, minimal: true },
];

let receiver: Receiver;
const sent: { minimal: boolean; keys: Sent[] }[] = [];
beforeAll(async () => {
  receiver = await startReceiver();
  for (const run of RUNS) {
    const before = receiver.requests.length;
    const spans = receiver.spans().length;
    await runAcme(run.args, receiver.url, { env: run.env });
    expect(await receiver.waitForSpans(spans + 1)).toHaveLength(spans + 1);
    const bodies = receiver.requests.slice(before).filter((r) => r.path.endsWith('/v1/traces') && r.status === 200).map((r) => r.body);
    sent.push({ minimal: run.minimal === true, keys: bodies.flatMap(sentKeys) });
  }
}, 120_000);
afterAll(async () => { await receiver.close(); });

describe('the attribute table against real runs', () => {
  it('holds every key sent, at the place it was sent, with the type it was sent as', () => {
    const problems: string[] = [];
    for (const run of sent) {
      expect(run.keys.length).toBeGreaterThan(run.minimal ? 4 : 20);
      for (const { place, key, type } of run.keys) {
        const row = rowOf(key, place);
        if (row == null) problems.push(`${key} sent on ${place}, not in the table there`);
        else if (row.type !== type) problems.push(`${key} on ${place} sent as ${type}, the table says ${row.type}`);
        else if (run.minimal && !row.minimal) problems.push(`${key} on ${place} sent at CLITEL_LEVEL=minimal, the table says full only`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has no span or resource key that a run neither sent nor documents as conditional', () => {
    const seen = new Set(sent.flatMap((r) => r.keys).map((k) => `${k.place} ${rowOf(k.key, k.place)?.key ?? k.key}`));
    const silent = (['span', 'resource'] as const).flatMap((place) => keysAt(place)
      .filter((row) => !seen.has(`${place} ${row.key}`) && ATTRIBUTE_DOCS[row.key].when == null)
      .map((row) => `${place} ${row.key}`));
    expect(silent).toEqual([]);
    // The conditional keys these runs are built to reach were reached.
    for (const key of ['error.type', 'clitel.options', 'clitel.option.', 'clitel.ci.provider']) expect([...seen].some((s) => s.endsWith(` ${key}`)), key).toBe(true);
  });
});
