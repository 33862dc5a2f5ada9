// SPDX-License-Identifier: Apache-2.0
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ATTRIBUTE_KEYS, keepAllowed, keysAt, rowOf } from '../shared/attribute-table.js';
import { ATTRIBUTE_DOCS } from './attribute-docs.js';
import { describeSchema } from './describe-schema.js';

/** The values of `export const ATTR_* = '…'` in a source file of shared/. */
function keyConstants(file: string): string[] {
  const text = readFileSync(new URL(`../shared/${file}`, import.meta.url), 'utf8');
  return [...text.matchAll(/^export const ATTR_[A-Z0-9_]+ = '([^']+)';$/gm)].map((m) => m[1]);
}

describe('the attribute table', () => {
  it('has one row per key, and every key constant of core has a row', () => {
    const keys = ATTRIBUTE_KEYS.map((k) => k.key);
    expect(new Set(keys).size).toBe(keys.length);
    const constants = [...keyConstants('attributes.ts'), ...keyConstants('semconv.ts')];
    expect(constants.length).toBeGreaterThan(20);
    expect(constants.filter((key) => !keys.includes(key))).toEqual([]);
  });

  it('has a description, a reason and examples or schema values for every row, and no others', () => {
    expect(Object.keys(ATTRIBUTE_DOCS).sort()).toEqual(ATTRIBUTE_KEYS.map((k) => k.key).sort());
    for (const doc of Object.values(ATTRIBUTE_DOCS)) {
      expect(doc.description).toMatch(/\.$/);
      expect(doc.why).toMatch(/\.$/);
    }
  });

  it('keeps only the keys of a place, and at minimal only the minimal ones', () => {
    const attrs = { 'process.exit.code': 0, 'clitel.run.id': 'r', 'clitel.option.env': 'prod', 'clitel.option.': 'x', 'host.name': 'h', 'service.name': 's' };
    expect(keepAllowed('span', 'full', attrs)).toEqual({ 'process.exit.code': 0, 'clitel.run.id': 'r', 'clitel.option.env': 'prod' });
    expect(keepAllowed('span', 'minimal', attrs)).toEqual({ 'process.exit.code': 0 });
    expect(keepAllowed('resource', 'minimal', attrs)).toEqual({ 'service.name': 's' });
    expect(keepAllowed('event:start', 'full', attrs)).toEqual({ 'clitel.run.id': 'r' });
    expect(rowOf('clitel.option.env', 'span')?.key).toBe('clitel.option.');
    expect(rowOf('clitel.option.env', 'resource')).toBeUndefined();
  });

  it('is what describeSchema lists, place by place', () => {
    const d = describeSchema({ tool: 't', commands: { '': {} }, stages: ['s'], modules: ['m'] });
    expect(d.resource.map((a) => a.key)).toEqual(keysAt('resource').map((k) => k.key));
    expect(d.span.map((a) => a.key)).toEqual(keysAt('span').filter((k) => k.prefix !== true).map((k) => k.key));
    for (const e of d.events) expect(e.attributes.map((a) => a.key), e.name).toEqual(keysAt(`event:${e.name as 'start'}`).map((k) => k.key));
    expect(d.events.map((e) => e.name)).toEqual(['start', 'progress', 'module-load', 'exception', 'end']);
  });
});
