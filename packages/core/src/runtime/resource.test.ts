// SPDX-License-Identifier: Apache-2.0
import { describe, expect, it } from 'vitest';
import { detectChannel, sanitizeLabel } from './resource.js';
import { coarseOsVersion } from '../shared/platform.js';
import { isSampled } from './sampling.js';

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
