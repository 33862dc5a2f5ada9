// SPDX-License-Identifier: Apache-2.0
// Small readers over @babel/parser syntax trees for `clitel init`: a walk in source order, string
// values of literals (and of top-level constants), method calls, object properties, and the
// modules a file imports. Only types come from @babel/types; nothing here loads the parser.
import type { Expression, File, Node, ObjectExpression } from '@babel/types';

const SKIP = new Set(['loc', 'start', 'end', 'extra', 'range', 'leadingComments', 'trailingComments', 'innerComments', 'comments', 'tokens', 'errors']);

function isNode(value: unknown): value is Node {
  return value != null && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string';
}

/** The child nodes of `node`, in source order. */
export function childrenOf(node: Node): Node[] {
  const children: Node[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (SKIP.has(key)) continue;
    if (Array.isArray(value)) for (const item of value) { if (isNode(item)) children.push(item); }
    else if (isNode(value)) children.push(value);
  }
  return children.sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
}

/**
 * Visits every node in source order, parents first. `enter` gets the node and its ancestors
 * (nearest last) and returns false to skip the node's children.
 */
export function walk(root: Node, enter: (node: Node, ancestors: readonly Node[]) => boolean | void): void {
  const ancestors: Node[] = [];
  const visit = (node: Node): void => {
    if (enter(node, ancestors) === false) return;
    ancestors.push(node);
    for (const child of childrenOf(node)) visit(child);
    ancestors.pop();
  };
  visit(root);
}

/** The expression under TypeScript's `as`, `satisfies`, `!` and `<T>` and under parentheses. */
export function unwrap(node: Node): Node {
  let current = node;
  for (;;) {
    if (current.type === 'TSAsExpression' || current.type === 'TSSatisfiesExpression' || current.type === 'TSNonNullExpression'
      || current.type === 'TSTypeAssertion' || current.type === 'ParenthesizedExpression') current = current.expression;
    else return current;
  }
}

/** Top-level `const NAME = <literal>` of a file, so `.choices(MODES)` reads like `.choices([…])`. */
export type Constants = ReadonlyMap<string, Node>;

/** The file's top-level constants (plain and exported). */
export function constantsOf(file: File): Constants {
  const constants = new Map<string, Node>();
  for (const statement of file.program.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (declaration?.type !== 'VariableDeclaration' || declaration.kind !== 'const') continue;
    for (const d of declaration.declarations) if (d.id.type === 'Identifier' && d.init != null) constants.set(d.id.name, d.init);
  }
  return constants;
}

function resolve(node: Node | undefined, constants: Constants | undefined): Node | undefined {
  if (node == null) return undefined;
  const plain = unwrap(node);
  return plain.type === 'Identifier' && constants?.has(plain.name) === true ? unwrap(constants.get(plain.name) as Node) : plain;
}

/** The value of a string literal or of a template literal without `${}`. */
export function stringValue(node: Node | undefined, constants?: Constants): string | undefined {
  const plain = resolve(node, constants);
  if (plain?.type === 'StringLiteral') return plain.value;
  if (plain?.type === 'TemplateLiteral' && plain.expressions.length === 0) return plain.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** The values of an array literal of strings (`['a', 'b']`, `[…] as const`), else undefined. */
export function stringArray(node: Node | undefined, constants?: Constants): string[] | undefined {
  const plain = resolve(node, constants);
  if (plain?.type !== 'ArrayExpression') return undefined;
  const values = plain.elements.map((e) => (e == null ? undefined : stringValue(e, constants)));
  return values.length > 0 && values.every((v) => v != null) ? (values as string[]) : undefined;
}

/** A call `object.name(args)` (also `object?.name(args)`). */
export interface MethodCall {
  name: string;
  object: Expression;
  /** The node of the method's name, just after the dot. */
  property: Node;
  args: Node[];
}

/** `node` as a method call, or undefined. */
export function methodCall(node: Node): MethodCall | undefined {
  if (node.type !== 'CallExpression' && node.type !== 'OptionalCallExpression') return undefined;
  const callee = node.callee;
  if (callee.type !== 'MemberExpression' && callee.type !== 'OptionalMemberExpression') return undefined;
  const name = !callee.computed && callee.property.type === 'Identifier' ? callee.property.name : stringValue(callee.property);
  return name == null ? undefined : { name, object: callee.object, property: callee.property, args: node.arguments };
}

/** The name of an object literal's key (`a`, `'a'`, `` `a` ``), or undefined when computed. */
export function keyName(key: Node, computed: boolean): string | undefined {
  if (!computed && key.type === 'Identifier') return key.name;
  return stringValue(key);
}

/** The value of property `key` of an object literal. */
export function objectProperty(object: ObjectExpression, key: string): Node | undefined {
  for (const p of object.properties) {
    if (p.type === 'ObjectProperty' && keyName(p.key, p.computed) === key) return p.value;
  }
  return undefined;
}

/** Every module a file names: import, export … from, import(), require() and TS `import x = require()`. */
export function moduleSpecifiers(file: File): string[] {
  const specifiers: string[] = [];
  walk(file, (node) => {
    if ((node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration' || node.type === 'ExportNamedDeclaration') && node.source != null) {
      specifiers.push(node.source.value);
    } else if (node.type === 'CallExpression' && (node.callee.type === 'Import' || (node.callee.type === 'Identifier' && node.callee.name === 'require'))) {
      const value = stringValue(node.arguments[0]);
      if (value != null) specifiers.push(value);
    } else if (node.type === 'TSExternalModuleReference') {
      specifiers.push(node.expression.value);
    }
  });
  return specifiers;
}
