// SPDX-License-Identifier: Apache-2.0
import { describe, expect, it } from 'vitest';
import { assertValidSchema, bucketOf, filterRun, mergeDeclared, possibleValues, validateSchema } from './schema.js';
import type { Schema } from './types.js';

const schema: Schema = {
  tool: 'acme',
  commands: {
    '': {},
    deploy: { options: { env: { values: ['dev', 'prod'] }, token: {}, force: { boolean: true }, replicas: { buckets: [1, 10, 100] } } },
    'remote add': { options: { url: {} } },
  },
  options: { verbose: {} },
};

describe('filterRun (default deny)', () => {
  it('keeps option names from the schema and values only where allowed', () => {
    expect(filterRun(schema, ['deploy'], { env: 'prod', token: 'secret', force: true, replicas: 12, verbose: true, bogus: 'x' })).toEqual({
      command: 'deploy',
      options: ['env', 'force', 'replicas', 'token', 'verbose'],
      values: { env: 'prod', force: true, replicas: '10-100' },
    });
  });
  it('records values outside an enumeration as _other', () => {
    expect(filterRun(schema, ['deploy'], { env: 'alice@example.com' }).values).toEqual({ env: '_other' });
  });
  it('turns an unknown command into _unknown and keeps only global options', () => {
    expect(filterRun(schema, ['/home/alice/x'], { verbose: true, url: 'u' })).toEqual({ command: '_unknown', options: ['verbose'], values: {} });
  });
  it('knows nested commands and the root', () => {
    expect(filterRun(schema, ['remote', 'add'], { url: 'https://x' })).toEqual({ command: 'remote add', options: ['url'], values: {} });
    expect(filterRun(schema, [], {}).command).toBe('');
  });
  it('does not treat prototype keys as commands or options', () => {
    expect(filterRun(schema, ['constructor'], { toString: 1 }).command).toBe('_unknown');
  });
});

describe('mergeDeclared', () => {
  it('allows declared names but never adds values', () => {
    const merged = mergeDeclared({ tool: 'acme', commands: { deploy: { options: { env: { values: ['dev'] } } } } }, { commands: { deploy: ['env', 'token'], init: ['template', 'bad name!'] }, options: ['quiet'] });
    expect(filterRun(merged, ['init'], { template: 'react', 'bad name!': 1, quiet: true })).toEqual({ command: 'init', options: ['quiet', 'template'], values: {} });
    expect(filterRun(merged, ['deploy'], { env: 'dev', token: 't' }).values).toEqual({ env: 'dev' });
  });
});

describe('buckets and values', () => {
  it('buckets numbers and numeric strings', () => {
    expect([0, 1, 9.5, 10, 100, 5000].map((n) => bucketOf([1, 10, 100], n))).toEqual(['<1', '1-10', '1-10', '10-100', '>=100', '>=100']);
    expect(bucketOf([1], '7')).toBe('>=1');
    expect(bucketOf([1], 'seven')).toBe('_other');
  });
  it('lists every value an option can produce', () => {
    expect(possibleValues({ values: ['a'] })).toEqual(['a', '_other']);
    expect(possibleValues({ buckets: [1, 10] })).toEqual(['<1', '1-10', '>=10', '_other']);
    expect(possibleValues({})).toEqual([]);
  });
});

describe('validation', () => {
  it('accepts a good schema and reports every problem of a bad one', () => {
    expect(validateSchema(schema)).toEqual([]);
    expect(validateSchema({ tool: 'a b', commands: { 'x!': {} }, mode: 'sometimes', sampleRate: 2 })).toHaveLength(4);
    expect(validateSchema(null)).toEqual(['schema is invalid, expected an object']);
  });
  it('throws from assertValidSchema only', () => {
    expect(() => assertValidSchema({ tool: 'acme' })).toThrow(/schema.commands is invalid/);
  });
});
