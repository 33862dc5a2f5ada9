// SPDX-License-Identifier: Apache-2.0
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The nearest directory at or above the file that holds a package.json, if any. */
export function findPackageRoot(file: string): string | undefined {
  let dir = dirname(file);
  for (let i = 0; i < 32; i++) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return undefined;
}
