import { describe, expect, it } from 'vitest';
import { hashSeed, mulberry32, seededBytes, seededInt, seededRng } from '../../../src/io/latency/prng.ts';

describe('mulberry32', () => {
  it('is reproducible: the same seed gives the same sequence', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const first = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(first);
    expect(first[0]).toBe(0.6011037519201636);
  });

  it('differs between seeds and stays in [0, 1)', () => {
    const a = mulberry32(1);
    const b = mulberry32(2);
    expect(a()).not.toBe(b());
    const rng = mulberry32(7);
    for (let i = 0; i < 10_000; i++) {
      const x = rng();
      expect(x >= 0 && x < 1).toBe(true);
    }
  });

  it('is roughly uniform', () => {
    const rng = mulberry32(3);
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) buckets[Math.floor(rng() * 10)]! += 1;
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });
});

describe('hashSeed / seededRng / seededBytes', () => {
  it('separates parts', () => {
    expect(hashSeed('ab', 'c')).not.toBe(hashSeed('a', 'bc'));
    expect(hashSeed(1)).not.toBe(hashSeed('1'));
    expect(hashSeed('x', 1)).toBe(hashSeed('x', 1));
  });

  it('gives reproducible bytes and integers', () => {
    expect(seededBytes(16, 1, 'bytes')).toEqual(seededBytes(16, 1, 'bytes'));
    expect(seededBytes(16, 1, 'bytes')).not.toEqual(seededBytes(16, 2, 'bytes'));
    expect(seededBytes(0, 1)).toEqual(new Uint8Array(0));
    const rng = seededRng(5);
    for (let i = 0; i < 1000; i++) {
      const n = seededInt(rng, 3, 5);
      expect([3, 4, 5]).toContain(n);
    }
  });

  it('rejects a bad length', () => {
    expect(() => seededBytes(-1, 1)).toThrow(new RangeError('seededBytes(length): length must be an integer >= 0, received -1'));
  });
});
