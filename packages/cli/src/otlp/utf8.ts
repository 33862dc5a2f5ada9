// SPDX-License-Identifier: Apache-2.0
// OTLP/JSON text must be UTF-8 (RFC 8259), and every JSON encoder writes valid UTF-8; bytes that
// are not are refused rather than turned into U+FFFD and stored as if they were what was sent.
// Used by the dev receiver (one body) and by ingest (a stream of lines).
import { Transform } from 'node:stream';

/** Thrown for bytes that are not valid UTF-8. */
export class Utf8Error extends Error {
  constructor() {
    super('the data is not valid UTF-8');
    this.name = 'Utf8Error';
  }
}

/** Decodes `bytes` as UTF-8; throws Utf8Error on an invalid sequence. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Utf8Error();
  }
}

/** A stream from bytes to UTF-8 text (a sequence split across chunks is fine); errors with Utf8Error. */
export function createUtf8Decoder(): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (chunk: Uint8Array | undefined, stream: boolean): string => {
    try {
      return chunk == null ? decoder.decode() : decoder.decode(chunk, { stream });
    } catch {
      throw new Utf8Error();
    }
  };
  return new Transform({
    readableObjectMode: false,
    decodeStrings: true,
    transform(chunk: Buffer, _encoding, done) {
      try {
        done(null, decode(chunk, true));
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done) {
      try {
        done(null, decode(undefined, false));
      } catch (error) {
        done(error as Error);
      }
    },
  });
}
