// SPDX-License-Identifier: Apache-2.0
// A README's code blocks as test fixtures. A block is marked for tests by the HTML comment
// `<!-- readme-test: <name> -->` on the line before its fence (invisible on GitHub and npm), so a
// test reads exactly what a newcomer copies, and changes when the README does.
import { readFileSync } from 'node:fs';

export interface ReadmeBlock {
  /** The fence's language (`js`, `json`, `sh`, …). */
  lang: string;
  /** The code between the fences, ending with a newline. */
  code: string;
}

const MARKED = /^<!-- readme-test: ([\w./-]+) -->\n```(\w*)\n([\s\S]*?)^```$/gm;

/** Every marked block of a README, by name. */
function readmeBlocks(file: string): Map<string, ReadmeBlock> {
  const text = readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
  const blocks = new Map<string, ReadmeBlock>();
  for (const m of text.matchAll(MARKED)) {
    if (blocks.has(m[1])) throw new Error(`${file}: two blocks marked readme-test: ${m[1]}`);
    blocks.set(m[1], { lang: m[2], code: m[3] });
  }
  return blocks;
}

/** The block marked `name`; throws when the README has none. */
export function readmeBlock(file: string, name: string): ReadmeBlock {
  const block = readmeBlocks(file).get(name);
  if (block == null) throw new Error(`${file}: no block marked <!-- readme-test: ${name} -->`);
  return block;
}

/**
 * The block with each placeholder the README leaves to the tool (`// … your commands …`)
 * replaced by the tool's own code. Each placeholder must occur exactly once, so a README that
 * drops or repeats one fails here instead of silently running other code.
 */
export function fillPlaceholders(code: string, fills: Readonly<Record<string, string>>): string {
  let out = code;
  for (const [placeholder, replacement] of Object.entries(fills)) {
    const count = out.split(placeholder).length - 1;
    if (count !== 1) throw new Error(`placeholder ${JSON.stringify(placeholder)} occurs ${count} times in the block, expected once`);
    out = out.replace(placeholder, () => replacement);
  }
  return out;
}
