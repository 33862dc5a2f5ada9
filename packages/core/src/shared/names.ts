// SPDX-License-Identifier: Apache-2.0
// What a name clitel records may look like: a tool, a command word, an option, a stage.

/** A tool, command word, option or stage name: a letter or digit, then up to 63 of `A-Za-z0-9_.:-`. */
export const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

/** A usable tool name, or undefined (empty, a path, or not a name). */
export function toolNameOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && NAME_PATTERN.test(value) ? value : undefined;
}
