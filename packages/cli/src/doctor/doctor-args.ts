// SPDX-License-Identifier: Apache-2.0
// `clitel doctor [flags] <entry> [args…]`: doctor's own flags come before the entry; every word
// from the entry on belongs to the tool, so `clitel doctor acme --help` asks acme for its help.
import { parseArgs } from 'node:util';

/** Doctor's own flags (parseArgs shape). */
export const DOCTOR_FLAGS = {
  timeout: { type: 'string' },
  register: { type: 'boolean' },
} as const;

/** The words of `clitel doctor …`, split at the entry. */
export interface DoctorArgs {
  /** Doctor's own flags, before the entry. */
  own: string[];
  /** The entry (a file or a bin name), when given. */
  entry: string | undefined;
  /** The tool's arguments, after the entry. */
  toolArgs: string[];
}

/** Splits at the first positional word: before it doctor's flags, after it the tool's words. */
export function splitDoctorArgs(args: readonly string[]): DoctorArgs {
  const { tokens } = parseArgs({
    args: [...args],
    options: { ...DOCTOR_FLAGS, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const first = tokens.find((t) => t.kind === 'positional');
  if (first == null) return { own: [...args], entry: undefined, toolArgs: [] };
  // A `--` before the entry only ends doctor's flags.
  const own = args.slice(0, first.index).filter((word) => word !== '--');
  return { own, entry: args[first.index], toolArgs: args.slice(first.index + 1) };
}
