// SPDX-License-Identifier: Apache-2.0
import type { Env } from '@clitel/core';

const IMPORT_REGISTER = /(^|\s)--import(?:=|\s+)(["']?)@clitel\/register\2(?=\s|$)/g;

/**
 * The environment without this module in NODE_OPTIONS, so the processes clitel starts (the
 * sender) do not load it again.
 */
export function withoutRegister(env: Env): Env {
  const options = env.NODE_OPTIONS;
  if (options == null || !options.includes('@clitel/register')) return env;
  const rest = options.replace(IMPORT_REGISTER, '$1').replace(/\s+/g, ' ').trim();
  return { ...env, NODE_OPTIONS: rest === '' ? undefined : rest };
}
