// SPDX-License-Identifier: Apache-2.0
// The gate's early "off" must agree with the runtime's full decision (shared/prepare.ts): every
// combination of opt-out variables, choice files and mode, on real files in a temporary HOME.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Env, TelemetryOptions } from '../shared/types.js';
import { prepare } from '../shared/prepare.js';
import { earlyConsent } from './early-consent.js';

const ENVS: Env[] = [{}, { OTEL_SDK_DISABLED: 'true' }, { OTEL_SDK_DISABLED: 'TRUE' }, { OTEL_SDK_DISABLED: 'yes' }, { DO_NOT_TRACK: '1' }, { DO_NOT_TRACK: '0' }, { ACME_TELEMETRY_OPTOUT: 'true' }, { CLITEL_TELEMETRY_OPTOUT: 'yes' }];
const CHOICES = [undefined, '{"telemetry":"enabled"}', '{"telemetry":"disabled"}', '{not json', '{"telemetry":"maybe"}'];
const MODES = [undefined, 'opt-in', 'opt-out'] as const;

function home(machine: string | undefined, tool: string | undefined): string {
  const dir = mkdtempSync(join(tmpdir(), 'clitel-early-'));
  mkdirSync(join(dir, '.config/clitel/tools'), { recursive: true });
  mkdirSync(join(dir, '.local/state/clitel/acme'), { recursive: true });
  writeFileSync(join(dir, '.local/state/clitel/acme/notice'), '1\n');
  if (machine != null) writeFileSync(join(dir, '.config/clitel/config.json'), machine);
  if (tool != null) writeFileSync(join(dir, '.config/clitel/tools/acme.json'), tool);
  return dir;
}

describe('earlyConsent', () => {
  it('turns off exactly when the full decision turns off for env, a choice file or the mode, and forgets the same state', () => {
    let cases = 0;
    for (const env of ENVS) for (const machine of CHOICES) for (const tool of CHOICES) for (const mode of MODES) {
      const options = (homeDir: string): TelemetryOptions => ({ toolName: 'acme', env, homeDir, ...(mode != null ? { mode } : {}) });
      const full = prepare(options(home(machine, tool))).status;
      const earlyHome = home(machine, tool);
      const early = earlyConsent(options(earlyHome));
      const label = JSON.stringify({ env, machine, tool, mode });
      expect(early == null, label).toBe(!full.enabled);
      const optOut = !full.enabled && full.source !== 'default';
      expect(existsSync(join(earlyHome, '.local/state/clitel/acme')), label).toBe(!optOut);
      if (early != null) expect(early.stateDir).toBe(join(earlyHome, '.local/state/clitel/acme'));
      cases++;
    }
    expect(cases).toBe(ENVS.length * CHOICES.length * CHOICES.length * MODES.length);
  });

  it('leaves debug mode and a broken schema to the runtime, which explains or refuses', () => {
    const homeDir = home(undefined, '{"telemetry":"disabled"}');
    expect(earlyConsent({ toolName: 'acme', env: { CLITEL_DEBUG: '1', DO_NOT_TRACK: '1' }, homeDir })).toBeDefined();
    expect(existsSync(join(homeDir, '.local/state/clitel/acme'))).toBe(true);
    const broken = { toolName: 'acme', env: {}, homeDir: home(undefined, undefined), schema: { tool: 'acme', commands: 3 } as never };
    expect(earlyConsent(broken)).toBeDefined();
    expect(prepare(broken).status).toMatchObject({ enabled: false, source: 'error' });
  });
});
