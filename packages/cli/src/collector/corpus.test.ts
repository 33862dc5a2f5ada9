// SPDX-License-Identifier: Apache-2.0
// The blocked patterns against a corpus of secrets (each must be masked) and against everything
// the schema and a real run produce (nothing may change), through a model of the generated
// pipeline that reads base.yaml and matches with RE2 as the collector does.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { RE2JS } from 're2js';
import { describeSchema, scrubStack, startRun, type Env, type Schema } from '@clitel/core';
import { generateCollectorConfig } from './index.js';
import { unescapeConfmap } from './confmap.js';
import { redactionModel, type Attrs, type RedactionConfig } from '../../test/helpers/redaction-model.js';

interface ModelSpan { resource: Attrs; name: string; attributes: Attrs; events: { name: string; attributes: Attrs }[] }

const schema = JSON.parse(readFileSync(new URL('../../../../examples/acme/telemetry.schema.json', import.meta.url), 'utf8')) as Schema;
const processors = (parse(generateCollectorConfig(schema)['base.yaml']) as { processors: Record<string, Record<string, unknown>> }).processors;
const redaction = processors['redaction/allowlist'] as RedactionConfig;
const blocked = redaction.blocked_values.map((p) => RE2JS.compile(unescapeConfmap(p)));
const redact = redactionModel(redaction);
const deniedKeys = (processors['resource/drop-identifying'].attributes as { pattern: string }[]).map((a) => RE2JS.compile(unescapeConfmap(a.pattern)));
const statements = (processors['transform/limits'].trace_statements as { context: string; statements: string[] }[]).flatMap((g) => g.statements.map(unescapeConfmap));
const eventCondition = (processors['filter/clitel'].trace_conditions as { context: string; conditions: string[] }[]).find((g) => g.context === 'spanevent')?.conditions[0] ?? '';

const unquote = (text: string): string => text.replace(/\\(.)/g, '$1');
const STRING = '"((?:[^"\\\\]|\\\\.)*)"';
const PATH = '(resource|span)\\.attributes\\[' + STRING + '\\]';

/** The transform statement forms the generator writes; anything else fails the model. */
function transform(span: ModelSpan): void {
  const maps = { resource: span.resource, span: span.attributes };
  for (const s of statements) {
    let m: RegExpMatchArray | null;
    if ((m = s.match(new RegExp(`^set\\(span\\.name, ${STRING}\\) where not IsMatch\\(span\\.name, ${STRING}\\)$`)))) {
      if (!RE2JS.compile(unquote(m[2])).test(span.name)) span.name = unquote(m[1]);
    } else if ((m = s.match(new RegExp(`^(set|delete_key)\\((?:${PATH}|(resource|span)\\.attributes), ${STRING}\\) where ${PATH} != nil and not IsMatch\\(${PATH}, ${STRING}\\)$`)))) {
      const [, fn, setLevel, setKey, delLevel, arg, level, key, , , regex] = m;
      const map = maps[level as 'span'];
      const value = map[unquote(key)];
      const text = Array.isArray(value) ? JSON.stringify(value) : value == null ? undefined : String(value);
      if (text == null || RE2JS.compile(unquote(regex)).test(text)) continue;
      if (fn === 'set') maps[setLevel as 'span'][unquote(setKey)] = unquote(arg);
      else delete maps[delLevel as 'span'][unquote(arg)];
    } else if ((m = s.match(/^truncate_all\((resource|span|spanevent)\.attributes, (\d+)\)$/))) {
      const limit = Number(m[2]);
      const targets = m[1] === 'spanevent' ? span.events.map((e) => e.attributes) : [maps[m[1] as 'span']];
      for (const t of targets) for (const [k, v] of Object.entries(t)) if (typeof v === 'string') t[k] = Buffer.from(v).subarray(0, limit).toString();
    } else if (!/^(?:limit\(|set\(span\.(?:status\.message|trace_state), "")/.test(s)) {
      throw new Error(`the model does not know this statement: ${s}`);
    }
  }
}

/** The generated traces pipeline, for the parts that touch values. */
function pipeline(input: ModelSpan): ModelSpan {
  const span: ModelSpan = structuredClone(input);
  const events = RE2JS.compile(unquote(eventCondition.match(new RegExp(`^not IsMatch\\(spanevent\\.name, ${STRING}\\)$`))?.[1] ?? '$^'));
  span.events = span.events.filter((e) => events.test(e.name));
  const dropDenied = (attrs: Attrs): Attrs => Object.fromEntries(Object.entries(attrs).filter(([k]) => !deniedKeys.some((re) => re.test(k))));
  span.resource = redact(dropDenied(span.resource));
  span.attributes = redact(dropDenied(span.attributes));
  span.events = span.events.map((e) => ({ name: e.name, attributes: redact(e.attributes) }));
  transform(span);
  return span;
}

/** A deterministic string of letters and digits (secrets are built at run time, never committed). */
function chars(n: number, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', seed = n * 7919): string {
  let out = '';
  for (let i = 0, x = seed; i < n; i++) out += alphabet[(x = (x * 1103515245 + 12345) % 2147483648) % alphabet.length];
  return out;
}

const SECRETS: { kind: string; value: string; mustVanish?: string }[] = [
  { kind: 'email', value: 'jane.doe@example.com' },
  { kind: 'email', value: 'ops+cli@mail.example.co.uk' },
  { kind: 'github', value: ['gh', 'p_', chars(36)].join('') },
  { kind: 'github', value: ['github', '_pat_', chars(22), '_', chars(59)].join('') },
  { kind: 'gitlab', value: ['gl', 'pat-', chars(20)].join('') },
  { kind: 'npm', value: ['np', 'm_', chars(36)].join('') },
  { kind: 'slack', value: ['xo', 'xb-', chars(12, '0123456789'), '-', chars(24)].join('') },
  { kind: 'stripe', value: ['sk', '_live_', chars(24)].join('') },
  { kind: 'aws', value: ['AK', 'IA', chars(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')].join('') },
  { kind: 'google', value: ['AI', 'za', chars(35)].join('') },
  { kind: 'sk', value: ['sk', '-proj-', chars(40)].join('') },
  { kind: 'jwt', value: ['eyJhbGciOiJIUzI1NiJ9', 'eyJzdWIiOiIxMjM0NTY3ODkwIn0', chars(43)].join('.') },
  { kind: 'bearer', value: `Bearer ${chars(40)}`, mustVanish: chars(40) },
  { kind: 'basic', value: `Basic ${Buffer.from('deploy:hunter2-hunter2').toString('base64')}`, mustVanish: Buffer.from('deploy:hunter2-hunter2').toString('base64') },
  { kind: 'assignment', value: 'password=hunter2', mustVanish: 'hunter2' },
  { kind: 'assignment', value: 'API_KEY: abcd1234efgh', mustVanish: 'abcd1234efgh' },
  { kind: 'private-key', value: `-----BEGIN RSA PRIVATE KEY-----\n${chars(64)}\n-----END RSA PRIVATE KEY-----`, mustVanish: chars(64) },
  { kind: 'url', value: 'https://deploy:s3cr3t@registry.example.com/pkg', mustVanish: 's3cr3t' },
  { kind: 'home', value: '/home/alice/projects/acme/config.json', mustVanish: 'alice' },
  { kind: 'home', value: '/Users/bob/.npmrc', mustVanish: 'bob' },
  { kind: 'home', value: 'C:\\Users\\carol\\AppData\\Roaming\\acme', mustVanish: 'carol' },
  { kind: 'home', value: '~/secrets/acme.txt', mustVanish: 'secrets' },
  { kind: 'home', value: 'file:///home/dave/acme', mustVanish: 'dave' },
  { kind: 'home', value: '/root/.ssh/id_ed25519', mustVanish: 'id_ed25519' },
  { kind: 'ipv4', value: '192.168.1.23' },
  { kind: 'ipv4', value: '8.8.8.8' },
  { kind: 'ipv6', value: '2001:0db8:85a3:0000:0000:8a2e:0370:7334' },
  { kind: 'ipv6', value: 'fe80::1ff:fe23:4567:890a' },
  { kind: 'ipv6', value: '::1' },
  { kind: 'uuid', value: randomUUID() },
  { kind: 'uuid', value: randomUUID().toUpperCase() },
  { kind: 'hex', value: randomBytes(16).toString('hex') },
  { kind: 'hex', value: randomBytes(20).toString('hex') },
  { kind: 'mac', value: '00:1A:2B:3C:4D:5E' },
];

const FREE_FORM_KEYS = ['error.type', 'service.version', 'os.version', 'clitel.ci.provider', 'clitel.source', 'clitel.channel'];

const tempDirs: string[] = [];
afterAll(() => { for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true }); });

/** A real run through @clitel/core in debug mode, read back from its OTLP/JSON output. */
function realSpan(env: Env, drive: (run: ReturnType<typeof startRun>) => void): ModelSpan {
  const dir = mkdtempSync(join(tmpdir(), 'clitel-collector-'));
  tempDirs.push(dir);
  let out = '';
  const run = startRun({ toolName: 'acme', toolVersion: '1.4.2', schema, endpoint: 'http://127.0.0.1:9/', env: { ...env, CLITEL_DEBUG: '1', HOME: dir, XDG_STATE_HOME: join(dir, 'state'), XDG_CONFIG_HOME: join(dir, 'config') }, homeDir: dir, writeErr: (t) => { out += t; } });
  drive(run);
  const json = JSON.parse(out.slice(0, out.indexOf('\nclitel:'))) as { resourceSpans: { resource: { attributes: unknown[] }; scopeSpans: { spans: { name: string; attributes: unknown[]; events: { name: string; attributes: unknown[] }[] }[] }[] }[] };
  const rs = json.resourceSpans[0];
  const span = rs.scopeSpans[0].spans[0];
  return { resource: otlpAttrs(rs.resource.attributes), name: span.name, attributes: otlpAttrs(span.attributes), events: span.events.map((e) => ({ name: e.name, attributes: otlpAttrs(e.attributes) })) };
}

function otlpAttrs(list: unknown[]): Attrs {
  const value = (v: Record<string, unknown>): unknown =>
    v.stringValue ?? v.boolValue ?? v.doubleValue ?? (v.intValue != null ? Number(v.intValue) : (v.arrayValue as { values?: Record<string, unknown>[] } | undefined)?.values?.map(value));
  return Object.fromEntries((list as { key: string; value: Record<string, unknown> }[]).map((kv) => [kv.key, value(kv.value)]));
}

describe('values a run can produce pass unchanged', () => {
  it('keeps a real failed run with options, a stage and a scrubbed stack exactly as sent', () => {
    const span = realSpan({ CI: 'true', GITHUB_ACTIONS: 'true' }, (run) => {
      run.setCommand(['deploy']);
      run.setOptions({ env: 'prod', token: 'not-recorded', force: true });
      run.stage('build');
      run.recordError(new TypeError('boom at /home/alice'));
      run.end(1);
    });
    expect(span.events.map((e) => e.name)).toEqual(['start', 'progress', 'exception', 'end']);
    expect(span.resource['clitel.session.id']).toBeDefined();
    expect(pipeline(span)).toEqual(span);
  });

  it('keeps a real successful run of the root command and of an unknown command', () => {
    for (const path of [[], ['nope']]) {
      const span = realSpan({}, (run) => { run.setCommand(path); run.end(0); });
      expect(pipeline(span)).toEqual(span);
    }
  });

  it('keeps every key and documented value of the schema', () => {
    const d = describeSchema(schema);
    const ids = new Set(redaction.ignored_keys);
    for (const info of [...d.resource, ...d.span, ...d.events.flatMap((e) => e.attributes)]) {
      for (const re of blocked) expect(re.test(info.key), info.key).toBe(false);
      if (ids.has(info.key)) continue;
      for (const value of [...info.examples, ...(info.values ?? [])]) expect(redact({ [info.key]: value }), `${info.key}=${value}`).toEqual({ [info.key]: value });
    }
  });

  it('keeps real ids, versions, CI provider names and scrubbed stacks', () => {
    const vendors = createRequire(createRequire(import.meta.url).resolve('@clitel/core'))('ci-info/vendors.json') as { name: string }[];
    expect(vendors.length).toBeGreaterThan(20);
    const values: Attrs = {};
    for (const v of vendors) expect(redact({ 'clitel.ci.provider': v.name })).toEqual({ 'clitel.ci.provider': v.name });
    for (const version of ['1.4.2', '0.0.0', '2.0.0-beta.1', '1.0.0+build.5', '20.20.2', '22.12.0', '6.1', '10.0.22631', '_other']) values['service.version'] = version, expect(redact(values)).toEqual(values);
    for (let i = 0; i < 100; i++) {
      const attrs = { 'clitel.installation.id': randomUUID(), 'clitel.session.id': randomBytes(8).toString('hex') };
      expect(pipeline({ resource: attrs, name: 'acme', attributes: { 'clitel.run.id': randomBytes(16).toString('hex') }, events: [] }).resource).toEqual(attrs);
    }
    const stack = scrubStack(new RangeError('x'), new URL('../../', import.meta.url).pathname);
    expect(stack.split('\n').length).toBeGreaterThan(2);
    expect(redact({ 'exception.stacktrace': stack })).toEqual({ 'exception.stacktrace': stack });
  });
});

describe('secrets are masked wherever they appear', () => {
  it('has a corpus entry for every blocked pattern', () => {
    for (const [i, re] of blocked.entries()) expect(SECRETS.some((s) => re.test(s.value)), redaction.blocked_values[i]).toBe(true);
  });

  it.each(SECRETS)('masks $kind: $value', ({ value, mustVanish }) => {
    const sentence = `deploy failed for ${value} today`;
    const attrs = Object.fromEntries(FREE_FORM_KEYS.map((k) => [k, sentence]));
    const out = pipeline({ resource: { ...attrs }, name: 'acme deploy', attributes: { ...attrs, 'clitel.options': ['env', value] }, events: [{ name: 'exception', attributes: { 'exception.stacktrace': `Error\n    at x (${value}:1:2)` } }] });
    const text = JSON.stringify(out);
    expect(text).toContain('****');
    expect(text).not.toContain(JSON.stringify(mustVanish ?? value).slice(1, -1));
    expect(out.resource['error.type']).toMatch(/^deploy failed for .*\*\*\*\*.* today$/s);
  });

  it('cleans a hostile span: foreign keys, ids, span name, events, closed values', () => {
    const out = pipeline({
      resource: { 'service.name': 'acme', 'host.name': 'alice-laptop', 'process.owner': 'alice', 'user.email': 'a@b.co', 'custom.thing': 'x', 'clitel.installation.id': 'alice@example.com', 'clitel.session.id': randomUUID() },
      name: 'acme deploy --token=abc /home/alice',
      attributes: { 'process.command_args': ['acme', 'deploy', '--token=abc'], 'clitel.command': '/home/alice', 'clitel.option.env': 'alice@example.com', 'clitel.run.id': `${randomBytes(16).toString('hex')} x`, 'http.url': 'https://x' },
      events: [{ name: 'log', attributes: { message: 'hi' } }, { name: 'exception', attributes: { 'exception.type': 'Error', 'exception.message': 'secret' } }],
    });
    expect(out).toEqual({
      resource: { 'service.name': 'acme' },
      name: 'acme _unknown',
      attributes: { 'clitel.command': '_unknown', 'clitel.option.env': '_other' },
      events: [{ name: 'exception', attributes: { 'exception.type': 'Error' } }],
    });
  });
});
