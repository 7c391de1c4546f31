import { inflateSync } from 'node:zlib';

/** A decoded 8-bit PNG: `channels` bytes per pixel, rows top to bottom. */
export interface DecodedPng {
  readonly width: number;
  readonly height: number;
  /** 1 grey, 2 grey + alpha, 3 RGB, 4 RGBA. */
  readonly channels: number;
  readonly pixels: Uint8Array;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 4: 2, 6: 4 };

/**
 * Decodes the PNGs a browser screenshot produces (8-bit grey/RGB/RGBA, not interlaced, not
 * palette): chunks -> IHDR + concatenated IDAT -> inflate -> undo the per-row filters.
 * Enough to count pixels in a test without an image library.
 */
export function decodePng(file: Uint8Array): DecodedPng {
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (!SIGNATURE.every((byte, i) => bytes[i] === byte)) throw new Error('decodePng: not a PNG (bad signature)');
  let offset = 8;
  let header: { width: number; height: number; bitDepth: number; colorType: number; interlace: number } | undefined;
  const data: Buffer[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    offset += 12 + length;
    if (type === 'IHDR') {
      header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), bitDepth: body[8] ?? 0, colorType: body[9] ?? 0, interlace: body[12] ?? 0 };
    } else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') break;
  }
  if (header === undefined) throw new Error('decodePng: no IHDR chunk');
  const channels = CHANNELS[header.colorType];
  if (header.bitDepth !== 8 || channels === undefined || header.interlace !== 0) {
    throw new Error(`decodePng: unsupported PNG (bit depth ${header.bitDepth}, colour type ${header.colorType}, interlace ${header.interlace})`);
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = header.width * channels;
  const pixels = new Uint8Array(stride * header.height);
  for (let row = 0; row < header.height; row++) {
    const filter = raw[row * (stride + 1)];
    const input = row * (stride + 1) + 1;
    const out = row * stride;
    for (let i = 0; i < stride; i++) {
      const x = raw[input + i] as number;
      const a = i >= channels ? (pixels[out + i - channels] as number) : 0;
      const b = row > 0 ? (pixels[out - stride + i] as number) : 0;
      const c = row > 0 && i >= channels ? (pixels[out - stride + i - channels] as number) : 0;
      let value: number;
      switch (filter) {
        case 0: value = x; break;
        case 1: value = x + a; break;
        case 2: value = x + b; break;
        case 3: value = x + ((a + b) >> 1); break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          value = x + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
          break;
        }
        default:
          throw new Error(`decodePng: bad filter type ${String(filter)} in row ${row}`);
      }
      pixels[out + i] = value & 0xff;
    }
  }
  return { width: header.width, height: header.height, channels, pixels };
}

/** The RGB of pixel `i` (grey images repeat the grey value). */
export function rgbAt(png: DecodedPng, i: number): [number, number, number] {
  const at = i * png.channels;
  const p = png.pixels;
  if (png.channels <= 2) {
    const grey = p[at] as number;
    return [grey, grey, grey];
  }
  return [p[at] as number, p[at + 1] as number, p[at + 2] as number];
}
