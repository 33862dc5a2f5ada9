// SPDX-License-Identifier: Apache-2.0
// Wall-clock times in epoch milliseconds without the `performance` global: in Node 20 its first
// use loads perf_hooks (about 0.8 ms at start-up). Millisecond precision is plenty for a run.

/** Now, in epoch milliseconds. */
export function nowMillis(): number {
  return Date.now();
}

/** When this process started, in epoch milliseconds. */
export function processStartMillis(): number {
  return Date.now() - process.uptime() * 1000;
}
