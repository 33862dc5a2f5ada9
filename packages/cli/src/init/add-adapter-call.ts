// SPDX-License-Identifier: Apache-2.0
// Adds the adapter call to a CLI's entry file: imports at the top, the schema read next to them,
// and `instrument(program, …)` right before the program is parsed. When the program is built and
// parsed in one chain, the chain is split: `const clitelProgram = <chain>; instrument(…);
// clitelProgram.parse()`. Anything it cannot place is reported, never guessed.
import type { Framework } from './discover-commands.js';
import { chainBefore } from './discover-commands.js';
import { findCalls, scanSource } from './source-scan.js';

/** Where things are, relative to the entry file. */
export interface AdapterCallOptions {
  framework: Framework;
  /** `esm` (import) or `cjs` (require). */
  moduleKind: 'esm' | 'cjs';
  /** Path from the entry file's directory to the schema file, with forward slashes. */
  schemaPath: string;
  /** Path from the entry file's directory to package.json. */
  packagePath: string;
  /** OTLP endpoint to pass, if the maintainer gave one. */
  endpoint?: string;
}

/** The edited source, or why it could not be edited. */
export type AdapterCallResult = { ok: true; text: string; call: string } | { ok: false; reason: string };

const ADAPTER: Record<Framework, string> = { commander: '@clitel/commander', yargs: '@clitel/yargs' };

function relativeUrl(path: string): string {
  return path.startsWith('.') ? path : `./${path}`;
}

function headerLines(options: AdapterCallOptions): { imports: string[]; setup: string[] } {
  const adapter = ADAPTER[options.framework];
  const comment = '// Usage telemetry: what may be sent is listed in telemetry.schema.json (README, "Telemetry").';
  if (options.moduleKind === 'esm') {
    return {
      imports: [`import { readFileSync as clitelReadFile } from 'node:fs';`, `import { instrument as clitelInstrument } from '${adapter}';`],
      setup: [
        comment,
        `const clitelSchema = JSON.parse(clitelReadFile(new URL('${relativeUrl(options.schemaPath)}', import.meta.url), 'utf8'));`,
        `const clitelVersion = JSON.parse(clitelReadFile(new URL('${relativeUrl(options.packagePath)}', import.meta.url), 'utf8')).version;`,
      ],
    };
  }
  return {
    imports: [`const { readFileSync: clitelReadFile } = require('node:fs');`, `const { join: clitelJoin } = require('node:path');`, `const { instrument: clitelInstrument } = require('${adapter}');`],
    setup: [
      comment,
      `const clitelSchema = JSON.parse(clitelReadFile(clitelJoin(__dirname, '${options.schemaPath}'), 'utf8'));`,
      `const clitelVersion = JSON.parse(clitelReadFile(clitelJoin(__dirname, '${options.packagePath}'), 'utf8')).version;`,
    ],
  };
}

/** Index just after the last top-level import/require line, or after the shebang and leading comments. */
function headerEnd(text: string, skeleton: string, moduleKind: 'esm' | 'cjs'): number {
  const pattern = moduleKind === 'esm'
    ? /^import\s[^;]*?(?:from\s*)?['"][^'"\n]*['"]\s*;?[ \t]*$/gm
    : /^(?:const|let|var)\s[^;\n]*=\s*require\s*\(\s*['"][^'"\n]*['"]\s*\)[^;\n]*;?[ \t]*$/gm;
  let end = -1;
  for (const match of skeleton.matchAll(pattern)) end = (match.index ?? 0) + match[0].length;
  if (end >= 0) return end + 1;
  let i = 0;
  const lines = text.split('\n');
  for (const line of lines) {
    if (/^(#!|\/\/|\s*$|['"]use strict['"])/.test(line)) i += line.length + 1;
    else break;
  }
  return Math.min(i, text.length);
}

/** Adds the adapter call; returns the new text, or why it could not. */
export function addAdapterCall(text: string, options: AdapterCallOptions): AdapterCallResult {
  if (text.includes(ADAPTER[options.framework])) return { ok: false, reason: `it already uses ${ADAPTER[options.framework]}` };
  const source = scanSource(text);
  const parses = findCalls(source, ['parse', 'parseAsync']);
  const argv = [...source.skeleton.matchAll(/\.\s*argv\b(?!\s*\()/g)].map((m) => ({ dot: m.index ?? 0 }));
  const last = [...parses, ...(options.framework === 'yargs' ? argv : [])].sort((a, b) => b.dot - a.dot)[0];
  if (last == null) return { ok: false, reason: 'no .parse() / .parseAsync() call found' };
  const chain = chainBefore(source.skeleton, last.dot);
  const lineStart = source.skeleton.lastIndexOf('\n', chain.rootStart - 1) + 1;
  const prefix = text.slice(lineStart, chain.rootStart);
  if (!/^\s*(?:(?:const|let|var)\s+[\w${}\s,:]+=\s*)?(?:await\s+)?(?:void\s+)?$/.test(prefix)) {
    return { ok: false, reason: `the parse call is inside an expression (${prefix.trim()}…); add the call by hand` };
  }
  const indent = /^\s*/.exec(prefix)?.[0] ?? '';
  const receiver = text.slice(chain.rootStart, last.dot).trimEnd();
  const settings = [
    'toolName: clitelSchema.tool',
    'toolVersion: clitelVersion',
    'schema: clitelSchema',
    ...(options.endpoint != null ? [`endpoint: '${options.endpoint.replace(/[\\']/g, (c) => `\\${c}`)}'`] : []),
  ].join(', ');
  const simple = /^[\w$]+$/.test(receiver);
  const program = simple ? receiver : 'clitelProgram';
  const call = `clitelInstrument(${program}, { ${settings} });`;
  const endpointNote = options.endpoint == null ? [`${indent}// Nothing is sent until an endpoint is set: pass endpoint: 'https://…' here or set OTEL_EXPORTER_OTLP_ENDPOINT.`] : [];
  const before = simple
    ? [...endpointNote, `${indent}${call}`].join('\n')
    : [`${indent}const clitelProgram = ${receiver};`, ...endpointNote, `${indent}${call}`].join('\n');
  const statement = simple ? text.slice(lineStart) : `${prefix}${program}${text.slice(last.dot)}`;
  const body = `${text.slice(0, lineStart)}${before}\n${statement}`;
  const header = headerLines(options);
  const at = headerEnd(body, scanSource(body).skeleton, options.moduleKind);
  const head = body.slice(0, at);
  const glue = head === '' || head.endsWith('\n') ? '' : '\n';
  return {
    ok: true,
    call,
    text: `${head}${glue}${header.imports.join('\n')}\n\n${header.setup.join('\n')}\n${body.slice(at).replace(/^\n?/, '\n')}`,
  };
}
