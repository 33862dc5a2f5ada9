// SPDX-License-Identifier: Apache-2.0
// Persisted choices: `{"telemetry": "enabled" | "disabled"}` per tool and machine-wide.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeAtomic } from './atomic-file.js';
import { decideConsent, type ConsentInputs } from './consent.js';
import type { ConsentStatus } from './types.js';

/** A persisted choice, or undefined when there is none (or the file is unreadable). */
export type Choice = 'enabled' | 'disabled' | undefined;

/** Reads a choice file; a missing, corrupt or unknown value counts as no choice. */
function readChoice(file: string): Choice {
  let text: string;
  if (!existsSync(file)) return undefined; // the common case, answered without throwing
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const value = (JSON.parse(text) as { telemetry?: unknown } | null)?.telemetry;
    return value === 'enabled' || value === 'disabled' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Consent's decision with the machine-wide and the tool's choice files as they are now. */
export function decideWithChoices(i: Omit<ConsentInputs, 'toolChoice' | 'machineChoice'>): ConsentStatus {
  return decideConsent({ ...i, toolChoice: readChoice(i.toolConfigFile), machineChoice: readChoice(i.machineConfigFile) });
}

/** Writes a choice atomically. Throws on I/O errors (callers report them). */
export function writeChoice(file: string, choice: 'enabled' | 'disabled'): void {
  mkdirSync(dirname(file), { recursive: true });
  writeAtomic(file, `${JSON.stringify({ telemetry: choice })}\n`);
}
