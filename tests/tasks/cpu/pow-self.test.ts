import { describe, expect, it } from 'vitest';
import { bitLength, powSelf } from '../../../src/tasks/cpu/pow-self.ts';

describe('powSelf', () => {
  it('computes i ** i exactly', () => {
    expect(powSelf(0)).toBe(1n);
    expect(powSelf(1)).toBe(1n);
    expect(powSelf(10)).toBe(10_000_000_000n);
    expect(powSelf(20)).toBe(104_857_600_000_000_000_000_000_000n);
  });

  it('has the expected number of digits', () => {
    expect(powSelf(1000).toString().length).toBe(3001);
    // 10000^10000 = 10^40000.
    expect(powSelf(10_000).toString()).toBe(`1${'0'.repeat(40_000)}`);
  });

  it('measures size by bit length, which stays cheap for huge results', () => {
    expect(bitLength(0n)).toBe(0);
    expect(bitLength(1n)).toBe(1);
    expect(bitLength(255n)).toBe(8);
    expect(bitLength(256n)).toBe(9);
    // floor(i * log2(i)) + 1 bits.
    expect(bitLength(powSelf(100_000))).toBe(Math.floor(100_000 * Math.log2(100_000)) + 1);
    expect(() => bitLength(-1n)).toThrow(new RangeError('bitLength(value): value must be non-negative, received -1.'));
  });

  it('computes the largest input of the original workload: 6,000,001 digits', () => {
    // 10^6,000,000 = 1000000^1000000 has 6,000,001 digits and floor(6e6 x log2(10)) + 1 bits.
    expect(bitLength(powSelf(1_000_000))).toBe(Math.floor(6_000_000 * Math.log2(10)) + 1);
    expect(Math.floor(6_000_000 * Math.log2(10)) + 1).toBe(19_931_569);
  });

  it('rejects inputs that are not non-negative safe integers', () => {
    expect(() => powSelf(-1)).toThrow(new RangeError('powSelf(i): i must be a non-negative safe integer, received -1.'));
    expect(() => powSelf(0.5)).toThrow(RangeError);
  });
});
