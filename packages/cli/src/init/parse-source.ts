// SPDX-License-Identifier: Apache-2.0
// Reads a CLI's source files into syntax trees for `clitel init`, with @babel/parser (JavaScript as
// ESM or CommonJS, and TypeScript for .ts/.mts/.cts). The parser and magic-string are loaded with
// import() here and only here, so no other clitel command pays for them. init never runs the code.
import type { File } from '@babel/types';
import type { ParserOptions } from '@babel/parser';
import type MagicString from 'magic-string';
import { CliError } from '../cli-error.js';

/** One parsed source file. */
export interface ParsedSource {
  /** Path of the file, as given; used in messages only. */
  file: string;
  text: string;
  ast: File;
}

/** The parser and the editor, loaded on demand. */
export interface SourceTools {
  /** Parses `text`; a file that does not parse is a `clitel.init.parse` CliError. */
  parse(text: string, file: string): ParsedSource;
  /** Makes an editor that changes `text` in place and keeps everything else byte for byte. */
  edit(text: string): MagicString;
}

function optionsFor(file: string): ParserOptions {
  const typescript = /\.[mc]?tsx?$/.test(file);
  const jsx = /\.[jt]sx$/.test(file);
  const module = /\.m[jt]s$/.test(file);
  const commonjs = /\.c[jt]s$/.test(file);
  return {
    // .js and .ts decide by their own syntax (import/export makes a module), as Node does for
    // a package without "type"; the explicit extensions decide for themselves.
    sourceType: module ? 'module' : commonjs && !typescript ? 'script' : 'unambiguous',
    allowReturnOutsideFunction: !module,
    allowAwaitOutsideFunction: true,
    errorRecovery: false,
    // Decorators stay off: a CLI entry has no classes to decorate, and the proposal's two syntaxes
    // disagree; a file that uses them is reported as not readable.
    plugins: [...(typescript ? ['typescript' as const] : []), ...(jsx ? ['jsx' as const] : [])],
  };
}

/** Loads @babel/parser and magic-string. */
export async function loadSourceTools(): Promise<SourceTools> {
  const [{ parse }, { default: Editor }] = await Promise.all([import('@babel/parser'), import('magic-string')]);
  return {
    parse(text, file) {
      try {
        return { file, text, ast: parse(text, optionsFor(file)) };
      } catch (error) {
        const loc = (error as { loc?: { line: number; column: number } }).loc;
        const reason = String((error as Error).message ?? error).replace(/\s*\(\d+:\d+\)$/, '').split('\n')[0];
        const where = loc != null ? `${file}:${loc.line}:${loc.column + 1}` : file;
        throw new CliError('clitel.init.parse', `cannot read ${where}: ${reason}; nothing was written`);
      }
    },
    edit: (text) => new Editor(text),
  };
}
