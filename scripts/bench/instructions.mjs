// SPDX-License-Identifier: Apache-2.0
// Instructions executed by one run, counted by valgrind (cachegrind without cache simulation):
// independent of machine load, so a start-up regression shows even on a busy machine.
// `--predictable` makes V8 deterministic (one thread, fixed seeds): counts repeat to ±0.01 %.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The valgrind binary, or undefined when it is not installed. */
export function findValgrind() {
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir !== '' && existsSync(`${dir}/valgrind`)) return `${dir}/valgrind`;
  return undefined;
}

/**
 * Instructions of `node --predictable <script> ...args` with exactly `env` (no NODE_EXTRA_CA_CERTS
 * or similar from this process: loading extra certificates alone costs 400 M instructions).
 * Children (a sender) are not counted; starting one is.
 */
export function countInstructions(valgrind, script, args, env) {
  const r = spawnSync(valgrind, ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null', process.execPath, '--predictable', script, ...args], { env, encoding: 'utf8', timeout: 300_000 });
  const match = /I\s+refs:\s+([\d,]+)/.exec(r.stderr ?? '');
  if (match == null) throw new Error(`valgrind gave no count for ${script} (exit ${r.status})`);
  return { instructions: Number(match[1].replace(/,/g, '')), status: r.status, stdout: r.stdout };
}
