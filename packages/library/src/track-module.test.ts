// SPDX-License-Identifier: Apache-2.0
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { moduleOptOutVar, trackModule } from './track-module.js';

const home = (): string => mkdtempSync(join(tmpdir(), 'clitel-library-'));
const quiet = (): undefined => undefined;

describe('trackModule', () => {
  it('names the opt-out variable after the package name', () => {
    expect(moduleOptOutVar('left-pad')).toBe('LEFT_PAD_TELEMETRY_OPTOUT');
    expect(moduleOptOutVar('@acme/sdk')).toBe('ACME_SDK_TELEMETRY_OPTOUT');
  });

  it('returns functions unchanged when no endpoint is set', () => {
    const mod = trackModule({ name: 'fixture', env: {}, homeDir: home(), writeErr: quiet });
    const fn = (): number => 1;
    expect(mod.recording).toBe(false);
    expect(mod.track(fn, 'fn')).toBe(fn);
    const exports = { fn };
    expect(mod.wrap(exports)).toBe(exports);
  });

  it.each([
    ['DO_NOT_TRACK', '1'],
    ['CLITEL_TELEMETRY_OPTOUT', '1'],
    ['OTEL_SDK_DISABLED', 'true'],
    ['FIXTURE_LIB_TELEMETRY_OPTOUT', 'yes'],
  ])('counts nothing when %s=%s', (name, value) => {
    const mod = trackModule({ name: 'fixture-lib', env: { CLITEL_DEBUG: '1', [name]: value }, homeDir: home(), writeErr: quiet });
    const fn = (): number => 1;
    expect(mod.recording).toBe(false);
    expect(mod.track(fn, 'fn')).toBe(fn);
  });

  it('wraps functions when counting is on, and only functions', () => {
    const mod = trackModule({ name: 'fixture-lib', env: { CLITEL_DEBUG: '1' }, homeDir: home(), writeErr: quiet });
    try {
      expect(mod.recording).toBe(true);
      const exports = { add: (a: number, b: number) => a + b, VERSION: '1.0.0' };
      const wrapped = mod.wrap(exports);
      expect(wrapped).not.toBe(exports);
      expect(wrapped.add).not.toBe(exports.add);
      expect(wrapped.add(2, 3)).toBe(5);
      expect(wrapped.VERSION).toBe('1.0.0');
      const bad = (): number => 1;
      expect(mod.track(bad, 'not a name')).toBe(bad);
      expect(mod.track('nope' as unknown as () => void, 'x')).toBe('nope');
    } finally {
      mod.stop();
    }
  });

  it('never throws on bad input', () => {
    expect(trackModule(undefined as unknown as { name: string }).recording).toBe(false);
    expect(trackModule({ name: '' }).recording).toBe(false);
  });
});
