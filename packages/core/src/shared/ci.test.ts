// SPDX-License-Identifier: Apache-2.0
// The compact vendor table (generated at build time) held to ci-info itself: ci-info's own
// index.js is run against each literal env in a vm context, so process.env is never touched.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { runInNewContext } from 'node:vm';
import { detectCi } from './ci.js';
import { readEnv } from './env.js';
import { resolveConfig } from './config.js';
import type { Env } from './types.js';

const require = createRequire(import.meta.url);
const INDEX = readFileSync(require.resolve('ci-info'), 'utf8');
const VENDORS = require('ci-info/vendors.json') as { name: string; env: unknown }[];

/** What ci-info says for `env`. */
function ciInfo(env: Env): { isCi: boolean; provider: string | undefined } {
  const exports: Record<string, unknown> = {};
  runInNewContext(INDEX, { exports, require: () => VENDORS, process: { env } });
  return { isCi: exports.isCI as boolean, provider: (exports.name as string | null) ?? undefined };
}

/** An env that satisfies every check of one vendor. */
function envFor(checks: unknown): Env {
  const env: Record<string, string> = {};
  for (const c of [checks].flat() as (string | Record<string, unknown>)[]) {
    if (typeof c === 'string') env[c] = '1';
    else if ('includes' in c) env[c.env as string] = `x${String(c.includes)}x`;
    else if ('any' in c) env[(c.any as string[])[0]] = 'true';
    else Object.assign(env, c);
  }
  return env;
}

describe('detectCi', () => {
  it('agrees with ci-info for every vendor it lists', () => {
    expect(VENDORS.length).toBeGreaterThan(40);
    for (const vendor of VENDORS) {
      const env = envFor(vendor.env);
      expect({ vendor: vendor.name, ...detectCi(env) }).toEqual({ vendor: vendor.name, ...ciInfo(env) });
      expect({ vendor: vendor.name, ...detectCi({ ...env, CI: 'false' }) }).toEqual({ vendor: vendor.name, ...ciInfo({ ...env, CI: 'false' }) });
    }
  });

  it('agrees with ci-info on generic and partial signals', () => {
    const cases: Env[] = [{}, { CI: 'true' }, { CI: '0' }, { CI: '' }, { BUILD_NUMBER: '7' }, { JENKINS_URL: 'http://j' }, { NODE: '/usr/bin/node' }, { CI_NAME: 'other' }];
    for (const env of cases) expect(detectCi(env)).toEqual(ciInfo(env));
  });
});

describe('CI in the resolved config', () => {
  const base = { homeDir: '/home/u', platform: 'linux' as const, options: { toolName: 't' } };
  it('tags a Jenkins build that does not set CI as CI and delivers synchronously', () => {
    const jenkins = { JENKINS_URL: 'https://jenkins.example', BUILD_ID: '42' };
    expect(readEnv(jenkins, 'T')).toMatchObject({ ci: true, ciProvider: 'Jenkins' });
    expect(resolveConfig({ ...base, env: jenkins }).delivery).toBe('sync');
  });
  it('delivers in the background outside CI and when CI=false', () => {
    expect(resolveConfig({ ...base, env: {} }).delivery).toBe('background');
    expect(resolveConfig({ ...base, env: { CI: 'false', GITHUB_ACTIONS: 'true' } }).delivery).toBe('background');
  });
});
