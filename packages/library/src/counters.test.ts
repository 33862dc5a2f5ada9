// SPDX-License-Identifier: Apache-2.0
import { describe, expect, it } from 'vitest';
import { createCounters, isValidName, MAX_SLOTS } from './counters.js';

describe('counters', () => {
  it('reports the exact total of each name that was called, as clitel.function.calls', () => {
    const counters = createCounters();
    counters.slot('parse')!.calls += 3;
    counters.slot('format');
    counters.slot('parse')!.calls += 2;
    expect(counters.points()).toEqual([{ name: 'clitel.function.calls', value: 5, attributes: { 'clitel.function': 'parse' } }]);
  });

  it('keeps one slot per name and fixed attributes', () => {
    const counters = createCounters();
    counters.slot('send', { 'acme.transport': 'http' })!.calls++;
    counters.slot('send', { 'acme.transport': 'ws' })!.calls++;
    counters.slot('send', { 'acme.transport': 'http' })!.calls++;
    expect(counters.points().map((p) => [p.attributes?.['acme.transport'], p.value])).toEqual([['http', 2], ['ws', 1]]);
  });

  it('refuses names that are not short identifiers', () => {
    for (const bad of ['', 'has space', '/home/alice', 'a'.repeat(65), '1abc', 'x@y']) expect(isValidName(bad)).toBe(false);
    for (const good of ['readFile', 'fs.readFile', 'Client#send', '$', '_private']) expect(isValidName(good)).toBe(true);
    expect(createCounters().slot('/etc/passwd')).toBeUndefined();
  });

  it('stops adding slots at the cap', () => {
    const counters = createCounters();
    for (let i = 0; i < MAX_SLOTS; i++) expect(counters.slot(`f${i}`)).toBeDefined();
    expect(counters.slot('one_more')).toBeUndefined();
    expect(counters.slot('f0')).toBeDefined();
  });
});
