import { describe, expectTypeOf, it, expect } from 'vitest';
import '../../src/matchers/augment.ts';
import { cores } from '../../src/matchers/thresholds.ts';

describe('matcher types', () => {
  it('declares the matchers as async on Vitest 5 assertions', () => {
    expectTypeOf(expect(() => {}).toHaveSpeedupAtLeast(() => {}, 2)).toEqualTypeOf<Promise<void>>();
    expectTypeOf(expect(() => {}).not.toHaveSpeedupAtMost(() => {}, cores(0.5), { maxTimeMs: 1000 })).toEqualTypeOf<Promise<void>>();
    expectTypeOf(expect(() => {}).toHaveSpeedupWithin(() => {}, [0.9, 1.1])).toEqualTypeOf<Promise<void>>();
  });

  it('rejects wrong argument types', () => {
    // @ts-expect-error the threshold is a number or cores()/ceiling(), not a string
    void expect(() => {}).toHaveSpeedupAtLeast(() => {}, '3x');
    // @ts-expect-error a band is a pair
    void expect(() => {}).toHaveSpeedupWithin(() => {}, 1.1);
    // @ts-expect-error the baseline is a function, a sample source or a BenchResult
    void expect(() => {}).toHaveSpeedupAtLeast(42, 2);
    // @ts-expect-error unknown option
    void expect(() => {}).toHaveSpeedupAtLeast(() => {}, 2, { maxTime: 5 });
  });
});
