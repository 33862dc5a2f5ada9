// SPDX-License-Identifier: Apache-2.0
// Where npm installed a package, seen from a workspace: its directory and its package.json.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The installed package `pkg` as the workspace whose manifest is `from` resolves it. */
export function installedPackage<T = { version: string }>(from: string, pkg: string, hint: string): { dir: string; json: T } {
  // Found through the resolution paths: some packages do not export ./package.json.
  const dir = (createRequire(from).resolve.paths(pkg) ?? []).map((d) => join(d, pkg)).find((d) => existsSync(join(d, 'package.json')));
  if (dir == null) throw new Error(`${pkg} is not installed (${hint})`);
  return { dir, json: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as T };
}
