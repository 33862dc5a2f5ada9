// SPDX-License-Identifier: Apache-2.0
import { describe, expect, it } from 'vitest';
import { errorType, scrubFile, scrubStack } from './scrub.js';
import { detectChannel, sanitizeLabel } from './context.js';
import { coarseOsVersion } from '../shared/platform.js';
import { isSampled } from './sampling.js';

describe('errors', () => {
  it('names the error class and never the message', () => {
    class DeployError extends Error {}
    expect(errorType(new DeployError('token=abc'))).toBe('DeployError');
    expect(errorType('a string with /home/alice')).toBe('_OTHER');
    expect(errorType({ name: 'not an identifier!' })).toBe('_OTHER');
  });
  it('keeps only package-relative files and function names in frames', () => {
    const error = new Error('secret /home/alice/x');
    error.stack = [
      'Error: secret /home/alice/x',
      '    at deploy (/home/alice/work/acme/bin/acme.js:10:5)',
      '    at Object.<anonymous> (/home/alice/work/acme/node_modules/commander/lib/command.js:1:2)',
      '    at file:///home/alice/notes.mjs:3:3',
      '    at node:internal/main:1:1',
      '    this line is junk /home/alice',
    ].join('\n');
    expect(scrubStack(error, '/home/alice/work/acme')).toBe([
      'Error',
      '    at deploy (bin/acme.js:10:5)',
      '    at Object.<anonymous> (commander/lib/command.js:1:2)',
      '    at notes.mjs:3:3',
      '    at node:internal/main:1:1',
    ].join('\n'));
  });
  it('reduces a file outside the tool to its base name', () => {
    expect(scrubFile('C:\\Users\\alice\\x.js', undefined)).toBe('x.js');
  });
});

describe('context', () => {
  it('keeps the OS version coarse', () => {
    expect(coarseOsVersion('linux', '6.1.0-18-amd64')).toBe('6.1');
    expect(coarseOsVersion('win32', '10.0.22631')).toBe('10.0.22631');
    expect(coarseOsVersion('linux', 'weird')).toBe('_other');
  });
  it('detects the acquisition channel cheaply and never returns the path', () => {
    expect(detectChannel({}, '/home/a/.npm/_npx/1/node_modules/acme/bin/acme.js')).toBe('npx');
    expect(detectChannel({}, '/opt/homebrew/Cellar/acme/1/bin/acme')).toBe('homebrew');
    expect(detectChannel({}, '/usr/lib/node_modules/acme/bin/acme.js')).toBe('npm');
    expect(detectChannel({}, '/home/a/acme.js')).toBeUndefined();
    expect(sanitizeLabel('vscode extension /home')).toBe('_other');
  });
});

describe('sampling', () => {
  it('decides per installation, stably, near the rate', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const inside = ids.filter((id) => isSampled(id, 0.5)).length;
    expect(inside).toBeGreaterThan(900);
    expect(inside).toBeLessThan(1100);
    expect(ids.every((id) => isSampled(id, 0.5) === isSampled(id, 0.5))).toBe(true);
    expect(isSampled(ids[0], 1)).toBe(true);
    expect(isSampled(ids[0], 0)).toBe(false);
  });
});

describe('ids', async () => {
  const { randomHex, randomUuid, stableFraction } = await import('../shared/ids.js');
  it('makes hex ids of the right length that differ', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => randomHex(16)));
    expect(ids.size).toBe(1000);
    expect([...ids].every((id) => /^[0-9a-f]{32}$/.test(id))).toBe(true);
  });
  it('makes UUID v4 installation ids', () => {
    expect(randomUuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
  it('spreads installation ids evenly over [0, 1)', () => {
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < 10_000; i++) buckets[Math.floor(stableFraction(randomUuid()) * 10)] += 1;
    expect(Math.min(...buckets)).toBeGreaterThan(850);
    expect(Math.max(...buckets)).toBeLessThan(1150);
  });
});
