// SPDX-License-Identifier: Apache-2.0
// CI detection from ci-info's vendor list, applied to an env object passed in (ci-info itself
// reads process.env at import time, which the tests and the hot path avoid).
import vendors from 'ci-info/vendors.json' with { type: 'json' };
import type { Env } from './types.js';

type EnvCheck = string | { env: string; includes: string } | { any: string[] } | Record<string, string>;
interface Vendor {
  name: string;
  env: EnvCheck | EnvCheck[];
}

/** Whether this is CI and, when known, the provider's name. */
export interface CiInfo {
  isCi: boolean;
  provider: string | undefined;
}

const GENERIC = ['BUILD_ID', 'BUILD_NUMBER', 'CI', 'CI_APP_ID', 'CI_BUILD_ID', 'CI_BUILD_NUMBER', 'CI_NAME', 'CONTINUOUS_INTEGRATION', 'RUN_ID'];

function check(env: Env, c: EnvCheck): boolean {
  if (typeof c === 'string') return !!env[c];
  if ('includes' in c && typeof c.includes === 'string') return env[c.env as string]?.includes(c.includes) ?? false;
  if ('any' in c && Array.isArray(c.any)) return c.any.some((k) => !!env[k]);
  return Object.entries(c as Record<string, string>).every(([k, v]) => env[k] === v);
}

/** Detects CI the way ci-info does, from the given env. */
export function detectCi(env: Env): CiInfo {
  if (env.CI === 'false') return { isCi: false, provider: undefined };
  for (const vendor of vendors as Vendor[]) {
    const checks = Array.isArray(vendor.env) ? vendor.env : [vendor.env];
    if (checks.every((c) => check(env, c))) return { isCi: true, provider: vendor.name };
  }
  return { isCi: GENERIC.some((k) => !!env[k]), provider: undefined };
}
