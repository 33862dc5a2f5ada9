// SPDX-License-Identifier: Apache-2.0
// CI detection as ci-info does it, applied to an env object passed in (ci-info itself reads
// process.env at import time, which the tests and the hot path avoid). The vendor table is
// generated at build time from ci-info's vendors.json (ci-vendors.ts), so ci-info stays the one
// source and the start-up bundle carries only what the checks need.
import { CI_VENDORS } from './ci-vendors.js';
import type { Env } from './types.js';

/** Whether this is CI and, when known, the provider's name. */
export interface CiInfo {
  isCi: boolean;
  provider: string | undefined;
}

/** The variables ci-info's `isCI` checks besides the vendors (from its index.js). */
const GENERIC = ['BUILD_ID', 'BUILD_NUMBER', 'CI', 'CI_APP_ID', 'CI_BUILD_ID', 'CI_BUILD_NUMBER', 'CI_NAME', 'CONTINUOUS_INTEGRATION', 'RUN_ID'];

/** One check of the compact table: `K` is set, `K=v` equals, `K~v` includes, `A|B` any is set. */
function check(env: Env, c: string): boolean {
  const op = c.search(/[=~]/);
  if (op < 0) return c.split('|').some((k) => !!env[k]);
  const value = env[c.slice(0, op)];
  return c[op] === '=' ? value === c.slice(op + 1) : value != null && value !== '' && value.includes(c.slice(op + 1));
}

/** Detects CI the way ci-info does (`CI=false` turns it off; the last matching vendor names it). */
export function detectCi(env: Env): CiInfo {
  if (env.CI === 'false') return { isCi: false, provider: undefined };
  let provider: string | undefined;
  for (const [name, ...checks] of CI_VENDORS) if (checks.every((c) => check(env, c))) provider = name;
  return { isCi: provider != null || GENERIC.some((k) => !!env[k]), provider };
}
