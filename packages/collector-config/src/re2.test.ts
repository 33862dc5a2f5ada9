// SPDX-License-Identifier: Apache-2.0
// Every regex in the generated YAML compiles with an RE2 engine (the collector uses Go's regexp,
// which is RE2), and the anchored allowlist patterns accept exactly what the schema produces.
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { RE2JS } from 're2js';
import type { Schema } from '@clitel/core';
import { describeSchema } from '@clitel/core/describe';
import { generateCollectorConfig } from './index.js';
import { unescapeConfmap } from './confmap.js';

const schema = JSON.parse(readFileSync(new URL('../../../examples/acme/telemetry.schema.json', import.meta.url), 'utf8')) as Schema;
const files = generateCollectorConfig(schema);
const base = parse(files['base.yaml']) as Record<string, Record<string, Record<string, unknown>>>;
const processors = base.processors;

/** Regexes as the collector sees them: YAML parsed, `$$` → `$`, OTTL string escapes undone. */
function ottlRegexes(statements: readonly string[]): { target: string; regex: string }[] {
  return statements.flatMap((statement) =>
    [...unescapeConfmap(statement).matchAll(/IsMatch\((.+?), "((?:[^"\\]|\\.)*)"\)/g)].map((m) => ({ target: m[1], regex: m[2].replace(/\\(.)/g, '$1') })));
}

function groupItems(groups: unknown, key: 'statements' | 'conditions'): string[] {
  return (groups as Record<string, string[]>[]).flatMap((g) => g[key]);
}

const transform = processors['transform/limits'];
const filter = processors['filter/clitel'];
const statements = [...groupItems(transform.trace_statements, 'statements'), ...groupItems(processors['transform/clients'].metric_statements, 'statements')];
const conditions = [...groupItems(filter.trace_conditions, 'conditions'), ...groupItems(filter.metric_conditions, 'conditions'), ...groupItems(processors['filter/clients'].metric_conditions, 'conditions')];
const redaction = processors['redaction/allowlist'];
const keyPatterns = [
  ...(processors['resource/drop-identifying'].attributes as { pattern: string }[]),
  ...(processors['attributes/drop-identifying'].actions as { pattern: string }[]),
].map((a) => unescapeConfmap(a.pattern));

function regexFor(target: string): RE2JS {
  const found = ottlRegexes([...statements, ...conditions]).find((r) => r.target === target);
  if (found == null) throw new Error(`no IsMatch on ${target}`);
  return RE2JS.compile(found.regex);
}

describe('RE2 compilation', () => {
  it('compiles every blocked value pattern', () => {
    expect(processors['redaction/clients'].blocked_values).toEqual(redaction.blocked_values);
    const patterns = (redaction.blocked_values as string[]).map(unescapeConfmap);
    expect(patterns.length).toBeGreaterThan(10);
    for (const pattern of patterns) expect(() => RE2JS.compile(pattern), pattern).not.toThrow();
  });

  it('compiles every key pattern of the resource and attributes processors', () => {
    expect(keyPatterns.length).toBeGreaterThan(0);
    for (const pattern of keyPatterns) expect(() => RE2JS.compile(pattern), pattern).not.toThrow();
  });

  it('compiles every IsMatch pattern in transform and filter', () => {
    const found = ottlRegexes([...statements, ...conditions]);
    expect(found.length).toBeGreaterThanOrEqual(6);
    for (const target of ['metric.name', 'resource.attributes["service.name"]']) expect(found.map((r) => r.target), target).toContain(target);
    for (const { regex } of found) expect(() => RE2JS.compile(regex), regex).not.toThrow();
  });

  it('rejects the syntax Go RE2 lacks, so the compile check can fail', () => {
    expect(() => RE2JS.compile('^(?!host\\.arch)host\\.')).toThrow();
    expect(() => RE2JS.compile('(a)\\1')).toThrow();
  });

  it('writes every literal $ as $$ in the YAML text', () => {
    for (const [name, text] of Object.entries(files)) {
      if (!name.endsWith('.yaml')) continue;
      const bare = text.replace(/\$\$/g, '').replace(/\$\{env:[A-Za-z_][A-Za-z0-9_]*(?::-[^}]*)?\}/g, '');
      expect(bare, name).not.toContain('$');
    }
  });
});

describe('allowlist patterns accept exactly the schema', () => {
  const d = describeSchema(schema);

  it('keeps every span name of the schema and renames the rest', () => {
    const names = regexFor('span.name');
    for (const name of d.spanNames) expect(names.testExact(name) && names.test(name), name).toBe(true);
    for (const name of ['acme deploy prod', 'acme deploy --token=x', 'acme  deploy', 'other', 'acme deploy\n', 'xacme', '']) expect(names.test(name), name).toBe(false);
  });

  it('keeps the schema events and drops the rest', () => {
    const re = regexFor('spanevent.name');
    for (const e of d.events) expect(re.test(e.name), e.name).toBe(true);
    for (const name of ['log', 'exception ', 'buildx', 'http.request']) expect(re.test(name), name).toBe(false);
  });

  it('accepts each closed value list and nothing else', () => {
    for (const info of d.span.filter((a) => a.values != null)) {
      const re = regexFor(`span.attributes["${info.key}"]`);
      for (const value of info.values ?? []) expect(re.test(value), `${info.key}=${value}`).toBe(true);
      for (const value of ['prod ', 'Prod', 'deploy prod', '/home/alice', 'x']) expect(re.test(value), `${info.key}=${value}`).toBe(false);
    }
  });

  it('accepts real generated ids and rejects anything else in id keys', () => {
    const installation = regexFor('resource.attributes["clitel.installation.id"]');
    const session = regexFor('resource.attributes["clitel.session.id"]');
    const run = regexFor('span.attributes["clitel.run.id"]');
    for (let i = 0; i < 200; i++) {
      expect(installation.test(randomUUID())).toBe(true);
      expect(session.test(randomBytes(8).toString('hex'))).toBe(true);
      expect(run.test(randomBytes(16).toString('hex'))).toBe(true);
    }
    for (const bad of ['alice@example.com', `${randomUUID()} `, randomUUID().toUpperCase(), 'x'.repeat(36), '/home/alice']) {
      expect(installation.test(bad), bad).toBe(false);
      expect(session.test(bad), bad).toBe(false);
      expect(run.test(bad), bad).toBe(false);
    }
  });

  it('never deletes an allowed key by name, and does delete identifying ones', () => {
    const compiled = keyPatterns.map((p) => RE2JS.compile(p));
    const allowed = [...(redaction.allowed_keys as string[]), ...(processors['redaction/clients'].allowed_keys as string[])];
    for (const key of allowed) expect(compiled.some((re) => re.test(key)), key).toBe(false);
    for (const key of ['host.name', 'host.id', 'host.ip', 'process.command_args', 'process.command_line', 'process.owner', 'process.pid', 'process.executable.path', 'user.name', 'user.email', 'client.address', 'service.instance.id', 'os.description']) {
      expect(compiled.some((re) => re.test(key)), key).toBe(true);
    }
  });
});
