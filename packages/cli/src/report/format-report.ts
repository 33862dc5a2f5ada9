// SPDX-License-Identifier: Apache-2.0
// Renders report sections as aligned terminal tables or as Markdown.
import type { Style } from '../style.js';
import type { Section } from './report-sections.js';
import { markdownCell, terminalText } from '../safe-text.js';

const isNumeric = (text: string): boolean => /^-?[\d.]+%?$/.test(text);

/** Aligned plain-text tables; numbers right-aligned, headings styled. */
export function formatTable(sections: readonly Section[], style: Style): string {
  const out: string[] = [];
  for (const section of sections) {
    out.push(style.bold(section.title));
    if (section.note != null) out.push(style.dim(section.note));
    if (section.rows.length === 0) {
      out.push(style.dim('  (none)'), '');
      continue;
    }
    const rows = section.rows.map((r) => r.map(terminalText));
    const widths = section.headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    const line = (cells: readonly string[], numeric: boolean[]): string =>
      `  ${cells.map((c, i) => (numeric[i] === true ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number))).join('  ')}`.trimEnd();
    const numeric = section.headers.map((_, i) => i > 0 && rows.every((r) => isNumeric(r[i] ?? '') || r[i] === '-' || r[i] === 'not yet'));
    out.push(style.dim(line(section.headers, numeric)));
    for (const row of rows) out.push(line(row, numeric));
    out.push('');
  }
  return out.join('\n');
}

/** GitHub-flavoured Markdown tables under `##` headings. */
export function formatMarkdown(sections: readonly Section[], title: string): string {
  const out: string[] = [`# ${markdownCell(title)}`, ''];
  for (const section of sections) {
    out.push(`## ${section.title}`, '');
    if (section.note != null) out.push(`${section.note[0]?.toUpperCase() ?? ''}${section.note.slice(1)}.`, '');
    if (section.rows.length === 0) {
      out.push('_None._', '');
      continue;
    }
    out.push(`| ${section.headers.map(markdownCell).join(' | ')} |`);
    out.push(`| ${section.headers.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`);
    for (const row of section.rows) out.push(`| ${row.map(markdownCell).join(' | ')} |`);
    out.push('');
  }
  return out.join('\n');
}
