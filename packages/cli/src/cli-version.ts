// SPDX-License-Identifier: Apache-2.0
// This package's version, read from its package.json (one directory above src/ and dist/).
import { readFileSync } from 'node:fs';

/** The version of @clitel/cli. */
export function cliVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}
