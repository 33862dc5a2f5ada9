// SPDX-License-Identifier: Apache-2.0
// Adds the adapter call to a CLI's entry file: imports at the top, the schema read next to them,
// and `instrument(program, …)` right before the program is parsed. When the program is built and
// parsed in one chain, the chain is split: `const clitelProgram = <chain>; instrument(…);
// clitelProgram.parse()`. It is an edit of the text (magic-string), never a reprint: every byte
// of the user's code it does not touch stays as it was. Anything it cannot place is reported.
import type { File, Node, Statement } from '@babel/types';
import type { Framework } from './discover-commands.js';
import { methodCall, moduleSpecifiers, unwrap, walk } from './ast.js';
import type { ParsedSource, SourceTools } from './parse-source.js';

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
const FRAMEWORK_MODULES = new Set(['commander', 'yargs', 'yargs/yargs']);
/** Methods that only a commander or yargs program has in its chain. */
const PROGRAM_METHODS = new Set([
  'command', 'option', 'options', 'requiredOption', 'addOption', 'addCommand', 'version', 'description', 'name', 'scriptName',
  'usage', 'action', 'argument', 'arguments', 'demandCommand', 'strict', 'help', 'hook', 'epilog', 'epilogue', 'alias', 'exitOverride',
]);
/** Receivers whose `.parse()` is not a CLI's: `JSON.parse(text)` and friends. */
const NOT_PROGRAMS = new Set(['JSON', 'JSON5', 'Date', 'path', 'url', 'URL', 'querystring', 'qs', 'yaml', 'YAML', 'toml', 'TOML', 'semver', 'Number', 'BigInt', 'process']);

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

/** The start of a method chain: `program` in `program.command('a').parse()`. */
function chainRoot(node: Node): { root: Node; programMethod: boolean } {
  let current = unwrap(node);
  let programMethod = false;
  for (;;) {
    const call = methodCall(current);
    if (call != null) {
      programMethod ||= PROGRAM_METHODS.has(call.name);
      current = unwrap(call.object);
    } else if ((current.type === 'MemberExpression' || current.type === 'OptionalMemberExpression') && !current.computed) current = unwrap(current.object);
    else return { root: current, programMethod };
  }
}

/** Names bound to a commander or yargs program: imports from the framework and variables built from one. */
function programNames(file: File): Set<string> {
  const names = new Set<string>();
  const isRequireOfFramework = (node: Node): boolean => node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'StringLiteral' && FRAMEWORK_MODULES.has(node.arguments[0].value);
  walk(file, (node) => {
    if (node.type === 'ImportDeclaration' && FRAMEWORK_MODULES.has(node.source.value)) for (const s of node.specifiers) names.add(s.local.name);
    if (node.type === 'VariableDeclarator' && node.init != null) {
      const { root, programMethod } = chainRoot(node.init);
      const fromFramework = isRequireOfFramework(root) || (root.type === 'NewExpression' && root.callee.type === 'Identifier' && names.has(root.callee.name))
        || (root.type === 'CallExpression' && root.callee.type === 'Identifier' && names.has(root.callee.name)) || (root.type === 'Identifier' && names.has(root.name));
      if (fromFramework || programMethod || isRequireOfFramework(node.init)) {
        if (node.id.type === 'Identifier') names.add(node.id.name);
        else if (node.id.type === 'ObjectPattern') for (const p of node.id.properties) if (p.type === 'ObjectProperty' && p.value.type === 'Identifier') names.add(p.value.name);
      }
    }
  });
  return names;
}

interface ParseSite {
  /** The `x.parse()` call or the `x.argv` member. */
  node: Node;
  /** The chain before `.parse` / `.argv`: what gets instrumented. */
  receiver: Node;
  /** The `parse` / `argv` name node. */
  property: Node;
  ancestors: readonly Node[];
  program: boolean;
}

function parseSites(source: ParsedSource, framework: Framework): ParseSite[] {
  const programs = programNames(source.ast);
  const sites: ParseSite[] = [];
  const names = framework === 'yargs' ? ['parse', 'parseAsync', 'parseSync'] : ['parse', 'parseAsync'];
  walk(source.ast, (node, ancestors) => {
    let receiver: Node | undefined;
    let property: Node | undefined;
    const call = methodCall(node);
    if (call != null && names.includes(call.name)) ({ object: receiver, property } = call);
    else if (framework === 'yargs' && node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier' && node.property.name === 'argv') {
      const parent = ancestors[ancestors.length - 1];
      const called = parent?.type === 'CallExpression' && parent.callee === node;
      if (!called) ({ object: receiver, property } = node);
    }
    if (receiver == null || property == null) return;
    const { root, programMethod } = chainRoot(receiver);
    const rootName = root.type === 'Identifier' ? root.name : undefined;
    if (rootName != null && NOT_PROGRAMS.has(rootName)) return;
    const program = programMethod || (rootName != null && programs.has(rootName))
      || (root.type === 'CallExpression' && root.callee.type === 'Identifier' && programs.has(root.callee.name))
      || (root.type === 'NewExpression' && root.callee.type === 'Identifier' && programs.has(root.callee.name));
    if (program || rootName != null) sites.push({ node, receiver, property, ancestors: [...ancestors], program });
  });
  return sites;
}

const WRAPPERS = new Set(['AwaitExpression', 'TSAsExpression', 'TSNonNullExpression', 'TSSatisfiesExpression', 'ParenthesizedExpression']);

/** The statement the parse site heads (`x.parse().then(…)`, `const a = await x.parse()`), else undefined. */
function statementOf(site: ParseSite): Statement | undefined {
  let child = site.node;
  for (let i = site.ancestors.length - 1; i >= 0; i--) {
    const parent = site.ancestors[i] as Node;
    const ok = ((parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.object === child)
      || ((parent.type === 'CallExpression' || parent.type === 'OptionalCallExpression') && parent.callee === child)
      || (WRAPPERS.has(parent.type) && ((parent as { expression?: Node }).expression === child || (parent as { argument?: Node }).argument === child))
      || (parent.type === 'UnaryExpression' && parent.operator === 'void')
      || (parent.type === 'AssignmentExpression' && parent.right === child)
      || (parent.type === 'VariableDeclarator' && parent.init === child)
      || (parent.type === 'VariableDeclaration' && parent.declarations[0] === child)
      || parent.type === 'ExpressionStatement'
      || (parent.type === 'ExportNamedDeclaration' && parent.declaration === child);
    if (!ok) {
      const isBlock = parent.type === 'Program' || parent.type === 'BlockStatement' || parent.type === 'StaticBlock' || parent.type === 'TSModuleBlock';
      return isBlock && /(Statement|Declaration)$/.test(child.type) ? (child as Statement) : undefined;
    }
    child = parent;
  }
  return undefined;
}

/** Index after the last top-level import/require before `before`, or before the first statement. */
function headerEnd(source: ParsedSource, moduleKind: 'esm' | 'cjs', before: number): number {
  const { text, ast } = source;
  const isRequire = (node: Node | null | undefined): boolean => {
    if (node == null) return false;
    const { root } = chainRoot(node);
    return root.type === 'CallExpression' && root.callee.type === 'Identifier' && root.callee.name === 'require';
  };
  let last: Node | undefined;
  for (const statement of ast.program.body) {
    if ((statement.end ?? 0) > before) break;
    const esm = statement.type === 'ImportDeclaration' || statement.type === 'TSImportEqualsDeclaration';
    // A TypeScript file compiled to CommonJS has imports too.
    const cjs = esm || (statement.type === 'VariableDeclaration' && statement.declarations.every((d) => isRequire(d.init)))
      || (statement.type === 'ExpressionStatement' && isRequire(statement.expression));
    if (moduleKind === 'esm' ? esm : cjs) last = statement;
  }
  if (last != null) {
    const newline = text.indexOf('\n', last.end ?? 0);
    return newline < 0 ? text.length : newline + 1;
  }
  const first = ast.program.body[0];
  return first == null ? text.length : text.lastIndexOf('\n', (first.start ?? 0) - 1) + 1;
}

/** Adds the adapter call; returns the new text, or why it could not. */
export function addAdapterCall(tools: SourceTools, source: ParsedSource, options: AdapterCallOptions): AdapterCallResult {
  const { text } = source;
  const adapter = ADAPTER[options.framework];
  if (moduleSpecifiers(source.ast).includes(adapter)) return { ok: false, reason: `it already uses ${adapter}` };
  const sites = parseSites(source, options.framework);
  const site = sites.filter((s) => s.program).at(-1) ?? sites.at(-1);
  if (site == null) return { ok: false, reason: 'no .parse() / .parseAsync() call found' };
  const statement = statementOf(site);
  const line = text.slice(0, site.property.start ?? 0).split('\n').length;
  if (statement == null) return { ok: false, reason: `the parse call on line ${line} is inside an expression; add the call by hand` };

  const settings = [
    'toolName: clitelSchema.tool',
    'toolVersion: clitelVersion',
    'schema: clitelSchema',
    ...(options.endpoint != null ? [`endpoint: '${options.endpoint.replace(/[\\']/g, (c) => `\\${c}`)}'`] : []),
  ].join(', ');
  const simple = site.receiver.type === 'Identifier';
  const program = simple ? (site.receiver as { name: string }).name : 'clitelProgram';
  const call = `clitelInstrument(${program}, { ${settings} });`;
  const receiverText = text.slice(site.receiver.start ?? 0, site.receiver.end ?? 0);
  const lines = [
    ...(simple ? [] : [`const clitelProgram = ${receiverText};`]),
    ...(options.endpoint == null ? [`// Nothing is sent until an endpoint is set: pass endpoint: 'https://…' here or set OTEL_EXPORTER_OTLP_ENDPOINT.`] : []),
    call,
  ];

  const editor = tools.edit(text);
  const statementStart = statement.start ?? 0;
  const lineStart = text.lastIndexOf('\n', statementStart - 1) + 1;
  const header = headerLines(options);
  const at = Math.min(headerEnd(source, options.moduleKind, statementStart), lineStart);
  const glue = at === 0 || text[at - 1] === '\n' ? '' : '\n';
  editor.appendLeft(at, `${glue}${header.imports.join('\n')}\n\n${header.setup.join('\n')}\n${text[at] === '\n' ? '' : '\n'}`);
  const prefix = text.slice(lineStart, statementStart);
  if (/^[ \t]*$/.test(prefix)) editor.appendLeft(lineStart, lines.map((l) => `${prefix}${l}\n`).join(''));
  else {
    const indent = /^[ \t]*/.exec(prefix)?.[0] ?? '';
    editor.appendLeft(statementStart, `${lines.join(`\n${indent}`)}\n${indent}`);
  }
  if (!simple) {
    // `<chain>\n  .parse()` becomes `clitelProgram.parse()`: the line break before the dot goes too.
    const gap = text.slice(site.receiver.end ?? 0, site.property.start ?? 0);
    if (/^\s*\??\.\s*$/.test(gap)) editor.overwrite(site.receiver.start ?? 0, site.property.start ?? 0, `clitelProgram${gap.trim()}`);
    else editor.overwrite(site.receiver.start ?? 0, site.receiver.end ?? 0, 'clitelProgram');
  }
  return { ok: true, call, text: editor.toString() };
}
