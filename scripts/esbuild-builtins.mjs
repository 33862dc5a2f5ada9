// SPDX-License-Identifier: Apache-2.0
// For the ESM bundles on a CLI's start-up path: each `import … from "node:x"` esbuild left at the
// top of the output becomes `const … = __clitelBuiltin("node:x")`, which is
// process.getBuiltinModule. A static ESM import of a built-in makes Node build a module namespace
// of all its exports: `import 'node:fs'` alone costs about 7 M instructions (some 2 ms) when the
// host has not imported it, getBuiltinModule of five built-ins under 1 M (npm run bench counts
// them). Sources keep ordinary imports; CommonJS builds need none of this (require is cheap).
import { readFileSync, writeFileSync } from 'node:fs';

const IMPORT = /^import (?:(\w+)|\* as (\w+)|\{([^}]*)\}) from "(node:(?!module")[\w/]+)";$/gm;

/**
 * Node 20.16+ and 22.3+ have process.getBuiltinModule; on the versions between (21, 22.0 to 22.2)
 * the helper falls back to a CommonJS require, so importing the bundle never throws (the same rule
 * as core's shared/builtin.ts for the built-ins it loads lazily). A function
 * declaration, so it is defined wherever esbuild places it. `node:module` stays a static import:
 * the fallback needs createRequire, and there is no synchronous way to reach it in ESM without
 * one (it costs about 1.2 M instructions when the host has not loaded node:module itself). A bundle that inlines another rewritten bundle (an adapter inlining
 * core's dist/index.js) already has the helper and gets no second one.
 */
const PRELUDE = 'import { createRequire as __clitelCreateRequire } from "node:module";\n'
  + 'function __clitelBuiltin(id) {\n'
  + '  return typeof process.getBuiltinModule === "function" ? process.getBuiltinModule(id) : __clitelCreateRequire(import.meta.url)(id);\n'
  + '}\n';

/** The source with its built-in imports turned into `__clitelBuiltin` calls; throws on a form it does not know. */
export function builtinsAtRunTime(code) {
  let replaced = false;
  const body = code.replace(IMPORT, (_, defaultName, namespace, named, id) => {
    replaced = true;
    const value = `__clitelBuiltin(${JSON.stringify(id)})`;
    if (named == null) return `const ${defaultName ?? namespace} = ${value};`;
    return `const { ${named.split(',').map((n) => n.trim()).filter((n) => n !== '').map((n) => n.replace(/\s+as\s+/, ': ')).join(', ')} } = ${value};`;
  });
  const left = /^import .* from "node:(?!module").*$/m.exec(body);
  if (left != null) throw new Error(`unhandled built-in import: ${left[0]}`);
  const hasHelper = /^function __clitelBuiltin\(/m.test(body);
  return replaced && !hasHelper ? `${PRELUDE}${body}` : body;
}

/** Rewrites one built file in place. */
export function rewriteBuiltins(file) {
  writeFileSync(file, builtinsAtRunTime(readFileSync(file, 'utf8')));
}
