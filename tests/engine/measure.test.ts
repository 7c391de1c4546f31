import { describe, expect, it } from 'vitest';
import { measureSources } from '../../src/engine/measure.ts';
import { syntheticSources } from '../../src/engine/synthetic-source.ts';
import { measureSpeedup, compareFunctions } from '../../src/engine/compare-functions.ts';
import { lookSchedule, perLookLevel } from '../../src/engine/looks.ts';

// A speedup of about 2x with +-5% noise per round, drawn from a fixed sequence.
const noisy = (base: number) => (i: number) => base * (1 + 0.05 * Math.sin(i * 1.7));
// Independent noise for the other side, so per-round ratios vary.
const noisyToo = (base: number) => (i: number) => base * (1 + 0.05 * Math.cos(i * 2.3));

describe('lookSchedule', () => {
  it('starts at minRounds, grows by 25% and ends at maxRounds', () => {
    expect(lookSchedule(6, 60)).toEqual([6, 8, 10, 13, 17, 22, 28, 35, 44, 55, 60]);
    expect(lookSchedule(5, 5)).toEqual([5]);
  });

  it('splits the error rate over the looks (Bonferroni)', () => {
    expect(perLookLevel(0.95, 20)).toBeCloseTo(0.9975, 12);
  });
});

describe('measureSources with synthetic samples', () => {
  it('stops at the first look once the interval clears the threshold', async () => {
    const { sources, clock } = syntheticSources({ sequential: noisy(10), pool: noisy(5) });
    const m = await measureSources(sources, { clock, seed: 1, criteria: { pool: { kind: 'atLeast', k: 1.5 } } });
    expect(m.stopReason).toBe('decided');
    expect(m.rounds).toBe(8);
    expect(m.looks).toBe(1);
    expect(m.comparisons[0]?.verdict).toBe('pass');
    expect(m.comparisons[0]?.interval.estimate).toBeCloseTo(2, 1);
    expect(m.baseline.name).toBe('sequential');
    expect(m.candidates.map((c) => c.name)).toEqual(['pool']);
  });

  it('fails when the whole interval lies below the threshold', async () => {
    const { sources, clock } = syntheticSources({ sequential: noisy(10), pool: noisy(5) });
    const m = await measureSources(sources, { clock, seed: 1, criteria: { pool: { kind: 'atLeast', k: 3 } } });
    expect(m.comparisons[0]?.verdict).toBe('fail');
    expect(m.stopReason).toBe('decided');
  });

  it('is inconclusive when the budget ends with the threshold inside the interval', async () => {
    // Ratio alternates 1.6x / 2.4x: the mean log ratio is about 2x with a wide spread.
    const { sources, clock } = syntheticSources({ base: [16, 24], fast: [10, 10] });
    const m = await measureSources(sources, { clock, seed: 3, maxRounds: 10, criteria: { fast: { kind: 'atLeast', k: 1.96 } } });
    expect(m.comparisons[0]?.verdict).toBe('inconclusive');
    expect(m.stopReason).toBe('max-rounds');
    expect(m.rounds).toBe(10);
  });

  it('stops on the time budget and takes a final look', async () => {
    const { sources, clock } = syntheticSources({ base: [16, 24], fast: [10, 10] });
    const m = await measureSources(sources, { clock, seed: 3, maxTimeMs: 500, warmupTimeMs: 0, criteria: { fast: { kind: 'atLeast', k: 1.96 } } });
    expect(m.stopReason).toBe('max-time');
    // Warm-up costs 16 + 10 ms, each round about 30 ms: the loop stops before overrunning 500 ms.
    expect(m.elapsedMs).toBeLessThanOrEqual(500);
    expect(m.rounds).toBe(15);
  });

  it('judges a band and an upper bound', async () => {
    const { sources, clock } = syntheticSources({ seq: noisy(10), all: noisy(10), pool: noisy(5) });
    const m = await measureSources(sources, {
      clock,
      seed: 9,
      criteria: { all: { kind: 'within', lo: 0.9, hi: 1.1 }, pool: { kind: 'atMost', k: 1.5 } },
    });
    expect(m.comparisons.map((c) => [c.candidate, c.verdict])).toEqual([
      ['all', 'pass'],
      ['pool', 'fail'],
    ]);
  });

  it('without criteria, stops once every interval is within the precision', async () => {
    const { sources, clock } = syntheticSources({ seq: noisy(10), pool: noisy(5) });
    const m = await measureSources(sources, { clock, seed: 2, precision: 0.05 });
    expect(m.stopReason).toBe('precise');
    expect(m.comparisons[0]?.verdict).toBeUndefined();
  });

  it('excludes outlier rounds and says so', async () => {
    const base = (i: number) => (i === 4 ? 80 : noisy(10)(i));
    const { sources, clock } = syntheticSources({ seq: base, pool: noisyToo(5) });
    const m = await measureSources(sources, { clock, seed: 4, minRounds: 12, maxRounds: 12 });
    expect(m.comparisons[0]?.outlierRounds).toEqual([4]);
    expect(m.comparisons[0]?.roundsUsed).toBe(11);
    expect(m.flags.find((f) => f.code === 'outliers')?.message).toBe('pool: 1 of 12 rounds excluded as outliers (log ratio with modified z-score > 3.5).');
  });

  it('reproduces the same result from the same seed', async () => {
    const run = async () => {
      const { sources, clock } = syntheticSources({ seq: noisy(10), pool: noisy(5) });
      return measureSources(sources, { clock, seed: 123, minRounds: 10, maxRounds: 10 });
    };
    const [a, b] = [await run(), await run()];
    expect(a.comparisons[0]?.interval).toEqual(b.comparisons[0]?.interval);
    expect(a.seed).toBe(123);
  });

  it('flags drift of one side between the halves of the run', async () => {
    const { sources, clock } = syntheticSources({ seq: (i) => (i < 10 ? 10 : 14), pool: (i) => (i < 10 ? 5 : 7) });
    const m = await measureSources(sources, { clock, seed: 5, minRounds: 20, maxRounds: 20 });
    expect(m.flags.map((f) => f.message)).toEqual([
      'seq got 40% slower from the first to the second half of the run; interleaving cancels this in the ratio.',
      'pool got 40% slower from the first to the second half of the run; interleaving cancels this in the ratio.',
    ]);
  });

  it('rejects a comparison without candidates or with duplicate names', async () => {
    const { sources } = syntheticSources({ only: [1] });
    await expect(measureSources(sources)).rejects.toThrow(new RangeError('vitest-speedup: a comparison needs a baseline and at least one candidate.'));
    const twice = syntheticSources({ a: [1] }).sources;
    await expect(measureSources([twice[0]!, twice[0]!])).rejects.toThrow('vitest-speedup: every compared function needs its own name, received "a", "a".');
  });
});

describe('measureSpeedup on real functions', () => {
  it('surfaces an error thrown by a measured function, with its own stack, and runs no further rounds', async () => {
    let calls = 0;
    const boom = new Error('database is down');
    const failing = () => {
      calls++;
      if (calls === 3) throw boom;
    };
    await expect(measureSpeedup(failing, () => {}, { warmupTimeMs: 0, warmupRounds: 1, seed: 1 })).rejects.toBe(boom);
    expect(calls).toBe(3);
  });

  it('batches fast calls so that each sample lasts at least minSampleMs', async () => {
    const m = await measureSpeedup(function tiny() { return Math.sqrt(2); }, function alsoTiny() { return Math.sqrt(3); }, { minRounds: 3, maxRounds: 3, minSampleMs: 0.5 });
    expect(m.baseline.callsPerSample).toBeGreaterThan(10);
    expect(m.candidates[0]!.callsPerSample).toBeGreaterThan(10);
  });

  it('awaits async functions', async () => {
    let done = 0;
    const m = await measureSpeedup(
      async function fast() { await new Promise((r) => setTimeout(r, 1)); done++; },
      async function slow() { await new Promise((r) => setTimeout(r, 4)); done++; },
      { minRounds: 3, maxRounds: 3, warmupTimeMs: 0, minSampleMs: 0 },
    );
    expect(done).toBe(8);
    // 4 ms against 1 ms timers: far apart, whatever the timer granularity adds.
    expect(m.comparisons[0]!.interval.estimate).toBeGreaterThan(1.5);
  });

  it('flags measurements that overlap in time as sharing the host', async () => {
    const wait = () => new Promise((r) => setTimeout(r, 1));
    const opts = { minRounds: 3, maxRounds: 3, warmupTimeMs: 0, minSampleMs: 0 };
    const [a, b] = await Promise.all([measureSpeedup(wait, wait, opts), measureSpeedup(wait, wait, opts)]);
    for (const m of [a, b]) {
      expect(m.flags.find((f) => f.code === 'shared-host')?.message).toContain('another measurement in this process');
    }
    const alone = await measureSpeedup(wait, wait, opts);
    expect(alone.flags.some((f) => f.code === 'shared-host' && f.message.includes('in this process'))).toBe(false);
  });

  it('compares several functions in the same rounds', async () => {
    const m = await compareFunctions({ a: () => 1, b: () => 2, c: () => 3 }, { baseline: 'b', minRounds: 3, maxRounds: 3 });
    expect(m.baseline.name).toBe('b');
    expect(m.comparisons.map((c) => c.candidate)).toEqual(['a', 'c']);
  });

  it('rejects what it cannot measure', async () => {
    await expect(measureSpeedup(42 as never, () => {})).rejects.toThrow(new TypeError('vitest-speedup: the candidate must be a function to measure (sync or async), received 42.'));
    await expect(compareFunctions({ a: () => 1 }, { baseline: 'x' })).rejects.toThrow('vitest-speedup: `baseline` must name one of the functions (a), received "x".');
  });
});
