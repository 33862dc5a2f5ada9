#!/usr/bin/env node
// SPDX-License-Identifier: Apache-2.0
// The committed `clitel` bin. It only loads the build output, so npm links it on `npm ci` in a
// fresh clone (a bin whose target is dist/ does not exist yet at install time, and is not linked).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/bin.js', import.meta.url);
if (existsSync(entry)) {
  await import(entry.href);
} else {
  process.stderr.write('clitel: the build output is missing (no dist/bin.js next to this bin); run npm run build first\n');
  process.exitCode = 1;
}
