// SPDX-License-Identifier: Apache-2.0
import { stableFraction } from '../shared/ids.js';

/**
 * Whether an installation is in the sample. Decided from the installation id alone, so one
 * installation is always in or always out at a given rate.
 */
export function isSampled(installationId: string, rate: number): boolean {
  if (rate >= 1) return true;
  if (rate <= 0) return false;
  return stableFraction(installationId) < rate;
}
