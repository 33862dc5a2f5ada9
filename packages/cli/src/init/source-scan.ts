// SPDX-License-Identifier: Apache-2.0
// Just enough JavaScript lexing for `clitel init`: a "skeleton" of the source with comments and the
// insides of string literals blanked out (same length, so offsets match), paren matching, and
// reading string literals. init never runs the project's code; it reads it.

/** The source and its skeleton. */
export interface ScannedSource {
  text: string;
  /** Same length as text; comments and string contents replaced by spaces (quotes kept). */
  skeleton: string;
}

/** Blanks comments and string contents; template literals are blanked whole (with their `${}`). */
export function scanSource(text: string): ScannedSource {
  const out = text.split('');
  let i = 0;
  const blank = (from: number, to: number): void => {
    for (let k = from; k < to; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      blank(i, stop);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      blank(i, stop);
      i = stop;
    } else if (c === '"' || c === "'" || c === '`') {
      let k = i + 1;
      while (k < text.length && text[k] !== c) {
        if (text[k] === '\\') k += 1;
        else if (c !== '`' && text[k] === '\n') break;
        k += 1;
      }
      blank(i + 1, Math.min(k, text.length));
      i = k + 1;
    } else if (c === '#' && next === '!' && i === 0) {
      const end = text.indexOf('\n');
      blank(0, end < 0 ? text.length : end);
      i = end < 0 ? text.length : end;
    } else {
      i += 1;
    }
  }
  return { text, skeleton: out.join('') };
}

/** The index of the bracket closing the one at `open` (`(`, `[` or `{`), or -1. */
export function matchBracket(skeleton: string, open: number): number {
  const pairs: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
  const stack: string[] = [];
  for (let i = open; i < skeleton.length; i++) {
    const c = skeleton[i] as string;
    if (pairs[c] != null) stack.push(pairs[c] as string);
    else if (c === ')' || c === ']' || c === '}') {
      if (stack.pop() !== c) return -1;
      if (stack.length === 0) return i;
    }
  }
  return -1;
}

/** The string literal starting at `at` (after whitespace), if it has no interpolation. */
export function stringAt(source: ScannedSource, at: number): { value: string; end: number } | undefined {
  let i = at;
  while (/\s/.test(source.text[i] ?? '')) i += 1;
  const quote = source.text[i];
  if (quote !== '"' && quote !== "'" && quote !== '`') return undefined;
  let k = i + 1;
  let value = '';
  while (k < source.text.length && source.text[k] !== quote) {
    if (source.text[k] === '\\') {
      value += source.text[k + 1] ?? '';
      k += 2;
      continue;
    }
    if (quote === '`' && source.text[k] === '$' && source.text[k + 1] === '{') return undefined;
    value += source.text[k];
    k += 1;
  }
  return { value, end: k + 1 };
}

/** The string literals of an array literal `[...]` starting at `at` (after whitespace). */
export function stringArrayAt(source: ScannedSource, at: number): string[] | undefined {
  let i = at;
  while (/\s/.test(source.skeleton[i] ?? '')) i += 1;
  if (source.skeleton[i] !== '[') return undefined;
  const close = matchBracket(source.skeleton, i);
  if (close < 0) return undefined;
  const values: string[] = [];
  let k = i + 1;
  while (k < close) {
    const literal = stringAt(source, k);
    if (literal == null) return values.length > 0 ? values : undefined;
    values.push(literal.value);
    k = literal.end;
    while (k < close && /[\s,]/.test(source.skeleton[k] ?? '')) k += 1;
  }
  return values;
}

/** Every `.name(` call in the skeleton: the index of the dot and of the opening paren. */
export function findCalls(source: ScannedSource, names: readonly string[]): { name: string; dot: number; open: number; close: number }[] {
  const pattern = new RegExp(`\\.\\s*(${names.join('|')})\\s*\\(`, 'g');
  const calls: { name: string; dot: number; open: number; close: number }[] = [];
  for (const match of source.skeleton.matchAll(pattern)) {
    const open = (match.index ?? 0) + match[0].length - 1;
    calls.push({ name: match[1] as string, dot: match.index ?? 0, open, close: matchBracket(source.skeleton, open) });
  }
  return calls;
}
