// SPDX-License-Identifier: Apache-2.0
// For the ESM bundles on a CLI's start-up path: each `import … from "node:x"` esbuild left at the
// top of the output becomes `const … = process.getBuiltinModule("node:x")`. A static ESM import of
// a built-in makes Node build a module namespace of all its exports: `import 'node:fs'` alone
// costs about 7 M instructions (some 2 ms) when the host has not imported it, getBuiltinModule of
// five built-ins under 1 M (npm run bench counts them). Sources keep ordinary imports; CommonJS
// builds need none of this (require of a built-in is cheap).
import { readFileSync, writeFileSync } from 'node:fs';

const IMPORT = /^import (?:(\w+)|\* as (\w+)|\{([^}]*)\}) from "(node:[\w/]+)";$/gm;

/** The source with its built-in imports turned into getBuiltinModule calls; throws on a form it does not know. */
export function builtinsAtRunTime(code) {
  const out = code.replace(IMPORT, (_, defaultName, namespace, named, id) => {
    const value = `process.getBuiltinModule(${JSON.stringify(id)})`;
    if (named == null) return `const ${defaultName ?? namespace} = ${value};`;
    return `const { ${named.split(',').map((n) => n.trim()).filter((n) => n !== '').map((n) => n.replace(/\s+as\s+/, ': ')).join(', ')} } = ${value};`;
  });
  const left = /^import .* from "node:.*$/m.exec(out);
  if (left != null) throw new Error(`unhandled built-in import: ${left[0]}`);
  return out;
}

/** Rewrites one built file in place. */
export function rewriteBuiltins(file) {
  writeFileSync(file, builtinsAtRunTime(readFileSync(file, 'utf8')));
}
