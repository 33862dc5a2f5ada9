// SPDX-License-Identifier: Apache-2.0
// Reads an HTTP request body with a size limit, undoing gzip/deflate Content-Encoding.
import type { IncomingMessage } from 'node:http';
import { gunzipSync, inflateSync } from 'node:zlib';

/** Why a body could not be read; `status` is the HTTP answer. */
export class BodyError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = 'BodyError';
  }
}

/** Reads the whole body (at most `limit` bytes before and after decompression). */
export async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyError(413, `the body is larger than ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  const raw = Buffer.concat(chunks);
  const encoding = String(request.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  try {
    if (encoding === 'gzip' || encoding === 'x-gzip') return gunzipSync(raw, { maxOutputLength: limit });
    if (encoding === 'deflate') return inflateSync(raw, { maxOutputLength: limit });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') throw new BodyError(413, `the decompressed body is larger than ${limit} bytes`);
    throw new BodyError(400, `the body is not valid ${encoding} data`);
  }
  if (encoding !== 'identity' && encoding !== '') throw new BodyError(415, `unsupported Content-Encoding ${encoding}`);
  return raw;
}
