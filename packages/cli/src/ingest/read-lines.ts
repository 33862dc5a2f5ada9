// SPDX-License-Identifier: Apache-2.0
// The lines of a file for `clitel ingest`: gunzipped when it ends in .gz, decoded as strict UTF-8,
// each at most maxLineBytes long. Whatever is wrong with the file (gzip data that is corrupt or
// cut short, bytes that are not UTF-8, a line too long to hold, an unreadable file) ends the
// iteration with one CliError, so the caller can roll back and print one line.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline, type Readable, Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { CliError } from '../cli-error.js';
import { createUtf8Decoder, Utf8Error } from '../otlp/utf8.js';

/** The longest line read, in bytes. The collector refuses requests over 20 MiB by default. */
const MAX_LINE_BYTES = 64 * 1024 * 1024;

class LineTooLongError extends Error {}

/** Passes bytes through, failing as soon as a line grows past `limit` bytes. */
function limitLines(limit: number): Transform {
  let run = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      let from = 0;
      for (let nl = chunk.indexOf(10, from); nl >= 0; nl = chunk.indexOf(10, from)) {
        if (run + nl - from > limit) return done(new LineTooLongError());
        run = 0;
        from = nl + 1;
      }
      run += chunk.length - from;
      if (run > limit) return done(new LineTooLongError());
      return done(null, chunk);
    },
  });
}

/** What to read and how to report progress. */
export interface ReadLinesOptions {
  /** Called with the bytes of the file read so far (compressed bytes for .gz). */
  onBytes?(bytes: number): void;
  /** Defaults to MAX_LINE_BYTES. */
  maxLineBytes?: number;
}

function fileError(error: unknown, file: string, line: number, limit: number): CliError {
  const where = `${file}, after line ${line}`;
  if (error instanceof CliError) return error;
  if (error instanceof Utf8Error) return new CliError('clitel.ingest.corrupt', `${where}: the data is not valid UTF-8; expected the collector file exporter's format: json`);
  if (error instanceof LineTooLongError) return new CliError('clitel.ingest.corrupt', `${where}: a line is longer than ${limit} bytes; expected one export request per line`);
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR' || code === 'Z_NEED_DICT') {
    return new CliError('clitel.ingest.corrupt', `${file} is not valid gzip data (${code === 'Z_BUF_ERROR' ? 'cut short' : 'corrupt'})`);
  }
  return new CliError('clitel.ingest.unreadable', `cannot read ${file} (${code ?? (error instanceof Error ? error.message : String(error))})`);
}

/** The non-empty-or-empty lines of `file`, numbered from 1. */
export async function* readLines(file: string, options: ReadLinesOptions = {}): AsyncGenerator<{ number: number; text: string }> {
  const limit = options.maxLineBytes ?? MAX_LINE_BYTES;
  const raw = createReadStream(file);
  let bytes = 0;
  raw.on('data', (chunk) => {
    bytes += chunk.length;
    options.onBytes?.(bytes);
  });
  // pipeline() destroys every stage on the first error and hands that error to the callback.
  let failure: unknown;
  const gunzip = file.endsWith('.gz') ? [createGunzip()] : [];
  const stages: (Readable | Transform)[] = [raw, ...gunzip, limitLines(limit), createUtf8Decoder()];
  const text = pipeline(stages as unknown as [Readable, Transform], (error) => { if (error != null) failure ??= error; }) as unknown as Readable;
  const lines = createInterface({ input: text, crlfDelay: Infinity });
  let number = 0;
  try {
    for await (const line of lines) {
      number += 1;
      yield { number, text: line };
    }
  } catch (error) {
    throw fileError(failure ?? error, file, number, limit);
  } finally {
    for (const stage of stages) stage.destroy();
  }
  if (failure != null) throw fileError(failure, file, number, limit);
}
