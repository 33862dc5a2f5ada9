// SPDX-License-Identifier: Apache-2.0
import { createHash } from 'node:crypto';

/**
 * Whether an installation is in the sample. Decided from the installation id alone, so one
 * installation is always in or always out at a given rate.
 */
export function isSampled(installationId: string, rate: number): boolean {
  if (rate >= 1) return true;
  if (rate <= 0) return false;
  const bucket = createHash('sha256').update(installationId).digest().readUInt32BE(0) / 0x1_0000_0000;
  return bucket < rate;
}
