// SPDX-License-Identifier: Apache-2.0
// Tests that need a real part (a binary, an engine) and cannot find it: skipped with one printed
// line elsewhere, failed when CLITEL_REQUIRE_REAL=1 (CI sets it, so a missing install step shows).

/** Whether the real parts are required (CLITEL_REQUIRE_REAL=1). */
const REQUIRE_REAL = process.env.CLITEL_REQUIRE_REAL === '1';

/** Says on stderr that `what` is skipped because `why` (and how to fix it); throws instead when the real parts are required. */
export function missingRealPart(what: string, why: string): void {
  if (REQUIRE_REAL) throw new Error(`cannot run ${what}: ${why} (CLITEL_REQUIRE_REAL=1 requires it)`);
  console.warn(`skipping ${what}: ${why}`);
}
