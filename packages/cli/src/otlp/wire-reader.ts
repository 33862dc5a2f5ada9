// SPDX-License-Identifier: Apache-2.0
// The protobuf wire format, reading side only: enough for the OTLP export requests. A hand-written
// reader instead of protobufjs keeps `clitel dev` free of a runtime dependency and of .proto files.

/** Thrown for bytes that are not a valid protobuf message. */
export class WireFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WireFormatError';
  }
}

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_LENGTH = 2;
const WIRE_FIXED32 = 5;

/** A cursor over one buffer. */
export class WireReader {
  pos: number;
  private readonly view: DataView;

  constructor(readonly buf: Uint8Array, start = 0, readonly end = buf.length) {
    this.pos = start;
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  /** Whether the cursor reached the end. */
  done(): boolean {
    return this.pos >= this.end;
  }

  /** Reads a varint as a bigint (64 bits, unsigned). */
  varint64(): bigint {
    let result = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      if (this.pos >= this.end) throw new WireFormatError('truncated varint');
      const byte = this.buf[this.pos++] as number;
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return BigInt.asUintN(64, result);
    }
    throw new WireFormatError('varint longer than 10 bytes');
  }

  /** Reads a varint that must fit in a JS number (tags, lengths, enums, small ints). */
  varint(): number {
    let result = 0;
    let factor = 1;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw new WireFormatError('truncated varint');
      const byte = this.buf[this.pos++] as number;
      result += (byte & 0x7f) * factor;
      if ((byte & 0x80) === 0) return result;
      factor *= 128;
    }
    throw new WireFormatError('varint longer than 10 bytes');
  }

  /** Reads a field tag: [field number, wire type]. */
  tag(): [number, number] {
    const key = this.varint();
    const field = Math.floor(key / 8);
    if (field === 0) throw new WireFormatError('field number 0');
    return [field, key & 7];
  }

  /** Reads a length prefix and returns the [start, end) of the bytes, moving past them. */
  span(): [number, number] {
    const length = this.varint();
    const start = this.pos;
    if (start + length > this.end) throw new WireFormatError('length past the end of the message');
    this.pos += length;
    return [start, start + length];
  }

  /** Reads length-delimited bytes. */
  bytes(): Uint8Array {
    const [start, end] = this.span();
    return this.buf.subarray(start, end);
  }

  /** Reads a UTF-8 string. */
  string(): string {
    return Buffer.from(this.bytes()).toString('utf8');
  }

  /** Reads a fixed64 as an unsigned bigint. */
  fixed64(): bigint {
    if (this.pos + 8 > this.end) throw new WireFormatError('truncated fixed64');
    const value = this.view.getBigUint64(this.pos, true);
    this.pos += 8;
    return value;
  }

  /** Reads a little-endian double. */
  double(): number {
    if (this.pos + 8 > this.end) throw new WireFormatError('truncated double');
    const value = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return value;
  }

  /** A reader over a nested message, moving this one past it. */
  message(): WireReader {
    const [start, end] = this.span();
    return new WireReader(this.buf, start, end);
  }

  /** Skips a field of the given wire type. */
  skip(wire: number): void {
    switch (wire) {
      case WIRE_VARINT: this.varint64(); return;
      case WIRE_FIXED64: this.pos += 8; break;
      case WIRE_LENGTH: this.span(); return;
      case WIRE_FIXED32: this.pos += 4; break;
      default: throw new WireFormatError(`unsupported wire type ${wire}`);
    }
    if (this.pos > this.end) throw new WireFormatError('truncated field');
  }
}
