import type { SampleSource } from './types.ts';

/**
 * Synthetic samples for testing statistics and messages without timing anything.
 * Each side gets its own sequence (cycled when exhausted) or generator of ms-per-call values;
 * `clock` advances by every value drawn, so budgets and time-to-verdict are deterministic too.
 *
 * @example
 * const { sources, clock } = syntheticSources({ baseline: [10, 11, 10.5], fast: [5, 5.2, 4.9] });
 * const m = await measureSources(sources, { clock, seed: 1 });
 */
export function syntheticSources(sides: Record<string, readonly number[] | ((draw: number) => number)>): {
  sources: SampleSource[];
  clock: () => number;
} {
  let now = 0;
  const sources = Object.entries(sides).map(([name, values]): SampleSource => {
    let draws = 0;
    const next = (): number => {
      const value = typeof values === 'function' ? values(draws) : (values[draws % values.length] as number);
      draws++;
      now += value;
      return value;
    };
    return {
      name,
      callsPerSample: 1,
      // Warm-up advances the clock but draws nothing, so sample i is always values[i].
      async warmup() {
        now += typeof values === 'function' ? values(0) : (values[0] as number);
      },
      calibrate() {},
      sample: async () => next(),
    };
  });
  return { sources, clock: () => now };
}
