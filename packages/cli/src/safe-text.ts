// SPDX-License-Identifier: Apache-2.0
// Client-controlled strings (service.version, command and option names, values, OS names…) are
// shown in a terminal, in Markdown and in HTML. Any client can send any bytes, so each output
// neutralises them here: control characters and bidirectional overrides become visible escapes in
// a terminal (no colour, cursor, title, hyperlink or clipboard sequences take effect, and no line
// can be overwritten or reordered), and markup becomes text in HTML and Markdown.

// C0 controls (tab, newline and ESC included), DEL, C1 controls (CSI U+009B among them), and the
// bidirectional formatting characters that reorder what a terminal shows.
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's job
const UNSAFE_TERMINAL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every control or bidi character written as a visible `\xNN` or `\uNNNN` escape. */
export function terminalText(text: string): string {
  return text.replace(UNSAFE_TERMINAL, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** `text` as HTML text or a double- or single-quoted attribute value. */
export function htmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** `text` as one Markdown table cell: no pipe, line break or HTML tag can leave the cell. */
export function markdownCell(text: string): string {
  return terminalText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|');
}
