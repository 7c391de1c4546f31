import { describe, expect, it } from 'vitest';
import { resolveMeasureOptions, DEFAULT_MEASURE_OPTIONS } from '../../src/engine/options.ts';
import { formatDuration } from '../../src/engine/format-duration.ts';

describe('resolveMeasureOptions', () => {
  it('fills in the defaults', () => {
    const o = resolveMeasureOptions({ seed: 1 });
    expect(o).toMatchObject({ ...DEFAULT_MEASURE_OPTIONS, seed: 1 });
    expect(typeof o.clock).toBe('function');
  });

  it.each([
    [{ confidence: 1 }, RangeError, 'vitest-speedup: option `confidence` must lie strictly between 0.5 and 1, received 1. Use e.g. 0.95 or 0.99.'],
    [{ confidence: Number.NaN }, RangeError, 'vitest-speedup: option `confidence` must lie strictly between 0.5 and 1, received NaN. Use e.g. 0.95 or 0.99.'],
    [{ minRounds: 2 }, RangeError, 'vitest-speedup: option `minRounds` must be at least 3 (an interval needs a spread), received 2. Use 8 or more.'],
    [{ minRounds: 6.5 }, RangeError, 'vitest-speedup: option `minRounds` must be a positive integer, received 6.5. Use 8 or more.'],
    [{ maxRounds: 4 }, RangeError, 'vitest-speedup: option `maxRounds` (4) must be >= `minRounds` (8). Raise maxRounds or lower minRounds.'],
    [{ maxTimeMs: -1 }, RangeError, 'vitest-speedup: option `maxTimeMs` must be a finite number > 0, received -1. Give the budget in milliseconds, e.g. 5000.'],
    [{ maxTimeMs: Number.POSITIVE_INFINITY }, RangeError, 'vitest-speedup: option `maxTimeMs` must be a finite number > 0, received Infinity. Give the budget in milliseconds, e.g. 5000.'],
    [{ maxTimeMs: '5s' }, TypeError, 'vitest-speedup: option `maxTimeMs` must be a finite number > 0, received "5s". Give the budget in milliseconds, e.g. 5000.'],
    [{ outliers: 'drop' }, TypeError, "vitest-speedup: option `outliers` must be 'exclude' or 'keep', received \"drop\". Use 'exclude' (default) or 'keep'."],
    [{ seed: -3 }, RangeError, 'vitest-speedup: option `seed` must be a non-negative integer, received -3. Omit it for a random seed.'],
  ])('rejects %o', (options, type, message) => {
    expect(() => resolveMeasureOptions(options as never)).toThrow(new type(message));
  });
});

describe('formatDuration', () => {
  it.each([
    [0.00085, '850 ns'],
    [0.0123, '12.3 us'],
    [4.567, '4.57 ms'],
    [99.96, '100 ms'],
    [999.6, '1.00 s'],
    [1234, '1.23 s'],
  ])('%d ms reads as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
