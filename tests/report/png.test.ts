import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodePng, rgbAt } from './png.ts';

function chunk(type: string, body: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  // The decoder does not check CRCs.
  return Buffer.concat([length, Buffer.from(type, 'latin1'), body, Buffer.alloc(4)]);
}

function png(width: number, height: number, colorType: number, rows: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = colorType;
  const data = deflateSync(rows);
  // Split IDAT in two, as encoders may.
  const half = Math.floor(data.length / 2);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', data.subarray(0, half)),
    chunk('IDAT', data.subarray(half)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('decodePng (test helper)', () => {
  it('undoes every row filter of an RGB image', () => {
    // 2x5 RGB, pixels (10,20,30) (40,50,60) on every row; row r uses filter r.
    const a = [10, 20, 30];
    const b = [40, 50, 60];
    const rows = Buffer.from([
      0, ...a, ...b,
      1, ...a, ...b.map((v, i) => v - (a[i] as number)),
      2, 0, 0, 0, 0, 0, 0,
      3, ...a.map((v) => v - (v >> 1)), ...b.map((v, i) => v - (((a[i] as number) + v) >> 1)),
      // Paeth: for the first pixel the predictor is b (above); for the second, a, b and c give the
      // pixel above (c = a above-left is further from p = a + b - c).
      4, 0, 0, 0, 0, 0, 0,
    ]);
    const decoded = decodePng(png(2, 5, 2, rows));
    expect([decoded.width, decoded.height, decoded.channels]).toEqual([2, 5, 3]);
    for (let i = 0; i < 10; i++) expect(rgbAt(decoded, i)).toEqual(i % 2 === 0 ? a : b);
  });

  it('reads RGBA and grey, and rejects what it does not support', () => {
    const rgba = decodePng(png(1, 1, 6, Buffer.from([0, 1, 2, 3, 255]))).pixels;
    expect([...rgba]).toEqual([1, 2, 3, 255]);
    expect(rgbAt(decodePng(png(1, 1, 0, Buffer.from([0, 7]))), 0)).toEqual([7, 7, 7]);
    expect(() => decodePng(Buffer.from('not a png'))).toThrow('decodePng: not a PNG (bad signature)');
    expect(() => decodePng(png(1, 1, 3, Buffer.from([0, 0])))).toThrow('decodePng: unsupported PNG (bit depth 8, colour type 3, interlace 0)');
  });
});
