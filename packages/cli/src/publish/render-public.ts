// SPDX-License-Identifier: Apache-2.0
// Writes public aggregates as CSV files and a static HTML page (no scripts, no external assets).
import type { PublicAggregates, PublicTable } from './public-aggregates.js';
import { htmlText } from '../safe-text.js';

function csvCell(value: string | number): string {
  // A client-sent string starting with = + - @ would be a formula in a spreadsheet: make it text.
  const text = typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function columns(t: PublicTable): string[] {
  const extra = [...new Set(t.rows.flatMap((r) => Object.keys(r)))].filter((k) => !t.dimensions.includes(k) && k !== 'installations' && k !== 'runs');
  return [...t.dimensions, 'installations', 'runs', ...extra];
}

/** One table as CSV with a header row. */
export function renderCsv(t: PublicTable): string {
  const cols = columns(t);
  return `${[cols.join(','), ...t.rows.map((r) => cols.map((c) => csvCell(r[c] ?? '')).join(','))].join('\n')}\n`;
}

/** A static page of every table. */
export function renderPublicPage(data: PublicAggregates): string {
  const sections = data.tables.map((t) => {
    const cols = columns(t);
    const body = t.rows.map((r) => `<tr>${cols.map((c) => `<td>${htmlText(String(r[c] ?? ''))}</td>`).join('')}</tr>`).join('\n');
    return `<section id="${t.name}"><h2>${htmlText(t.title)}</h2>
<table><thead><tr>${cols.map((c) => `<th>${htmlText(c)}</th>`).join('')}</tr></thead>
<tbody>
${body}
</tbody></table>
<p class="note">${t.suppressed > 0 ? `${t.suppressed} cells with fewer than ${data.minInstallations} installations are not shown.` : 'No cells suppressed.'} <a href="${t.name}.csv">CSV</a></p></section>`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${htmlText(data.tool)} usage, ${data.window.from} to ${data.window.to}</title>
<style>body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;margin:.5rem 0}td,th{border-bottom:1px solid #ddd;padding:.25rem .75rem;text-align:left}
td:nth-child(n+2){font-variant-numeric:tabular-nums}.note{color:#666;font-size:13px}</style></head>
<body><h1>${htmlText(data.tool)} usage</h1>
<p>Public aggregates for ${data.window.from} to ${data.window.to} (${data.window.days} days, UTC).
${data.totals != null ? `${data.totals.installations} installations ran ${data.totals.runs} commands.` : ''}
Every cell counts at least ${data.minInstallations} installations; smaller cells are suppressed. No identifiers are published
and nothing is finer than a day. Data: <a href="aggregates.json">aggregates.json</a>.</p>
${sections.join('\n')}
</body></html>
`;
}
