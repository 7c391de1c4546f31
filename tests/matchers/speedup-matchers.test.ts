import { describe, expect, it } from 'vitest';
import { failureOf } from '../helpers/failure.ts';
import { twoCoreHost } from '../../fixtures/hosts/two-cores.ts';
import { syntheticSources } from '../../src/engine/synthetic-source.ts';
import { cores, ceiling } from '../../src/matchers/thresholds.ts';

// Per-round times with independent +-5% noise on each side: a true speedup of exactly 2x.
const sequentialTimes = (i: number) => 10 * (1 + 0.05 * Math.sin(i * 1.7));
const poolTimes = (i: number) => 5 * (1 + 0.05 * Math.cos(i * 2.3));

function sides() {
  const { sources, clock } = syntheticSources({ sequential: sequentialTimes, pool: poolTimes });
  const [sequential, pool] = sources as [(typeof sources)[0], (typeof sources)[0]];
  return { sequential, pool, options: { clock, seed: 1, host: twoCoreHost } };
}

describe('toHaveSpeedupAtLeast', () => {
  it('passes when the whole interval lies above the threshold', async () => {
    const { sequential, pool, options } = sides();
    await expect(pool).toHaveSpeedupAtLeast(sequential, 1.5, options);
  });

  it('fails with the measured interval, rounds, medians and host', async () => {
    const { sequential, pool, options } = sides();
    expect(await failureOf(expect(pool).toHaveSpeedupAtLeast(sequential, 3, options))).toMatchInlineSnapshot(`
      "expect(received).toHaveSpeedupAtLeast(baseline, threshold)

      Expected the speedup of pool over sequential to be at least 3.00x, but measured 2.00x [1.81x, 2.20x] (95% CI).

      Expected: >= 3.00x
      Received: 2.00x [1.81x, 2.20x]

      Rounds:   8 measured after 7 warm-up, 1 of up to 18 looks (each at 99.72%), stopped: decided after 227 ms
      Median:   sequential 9.94 ms (cv 4%), pool 5.03 ms (cv 4%) per call
      Quality:  no flags
      Host:     2 effective cores (cgroup v1, no quota), ceiling 1.90x, load 0.50, node v24.21.0"
    `);
  });

  it('.not passes when the whole interval lies below the threshold', async () => {
    const { sequential, pool, options } = sides();
    await expect(pool).not.toHaveSpeedupAtLeast(sequential, 3, options);
  });

  it('.not fails when the speedup is there', async () => {
    const { sequential, pool, options } = sides();
    expect(await failureOf(expect(pool).not.toHaveSpeedupAtLeast(sequential, 1.5, options))).toMatchInlineSnapshot(`
      "expect(received).not.toHaveSpeedupAtLeast(baseline, threshold)

      Expected the speedup of pool over sequential not to be at least 1.50x, but measured 2.00x [1.81x, 2.20x] (95% CI).

      Expected: not >= 1.50x
      Received: 2.00x [1.81x, 2.20x]

      Rounds:   8 measured after 7 warm-up, 1 of up to 18 looks (each at 99.72%), stopped: decided after 227 ms
      Median:   sequential 9.94 ms (cv 4%), pool 5.03 ms (cv 4%) per call
      Quality:  no flags
      Host:     2 effective cores (cgroup v1, no quota), ceiling 1.90x, load 0.50, node v24.21.0"
    `);
  });

  it('resolves host-relative thresholds against the effective cores', async () => {
    const { sequential, pool, options } = sides();
    await expect(pool).toHaveSpeedupAtLeast(sequential, cores(0.75), options);
    const { sequential: s2, pool: p2, options: o2 } = sides();
    expect(await failureOf(expect(p2).toHaveSpeedupAtLeast(s2, ceiling(1.2), { ...o2, cpuBound: false }))).toContain(
      'Expected: >= 2.28x (1.20 x measured ceiling 1.90x)',
    );
  });

  it('reports a threshold above the host ceiling as unreachable, without measuring', async () => {
    const { sequential, pool, options } = sides();
    const message = await failureOf(expect(pool).toHaveSpeedupAtLeast(sequential, 3, { ...options, cpuBound: true }));
    expect(message).toMatchInlineSnapshot(`
      "expect(received).toHaveSpeedupAtLeast(baseline, threshold)

      Unreachable on this host: the claim needs a CPU-parallel speedup of 3.00x, but this host's measured parallel ceiling is 1.90x.

      Expected: >= 3.00x
      Ceiling:  1.90x
      Host:     2 effective cores (cgroup v1, no quota), ceiling 1.90x, load 0.50, node v24.21.0

      Nothing was measured. Use a host-relative threshold such as ceiling(0.85) or cores(0.7), run on a host with more cores,
      or pass { onUnreachable: 'skip' } to skip this spec on hosts like this one."
    `);
  });
});

describe('toHaveSpeedupAtMost', () => {
  it('passes when the whole interval lies below the threshold', async () => {
    const { sequential, pool, options } = sides();
    await expect(pool).toHaveSpeedupAtMost(sequential, 2.5, options);
  });

  it('fails when the whole interval lies above it', async () => {
    const { sequential, pool, options } = sides();
    expect(await failureOf(expect(pool).toHaveSpeedupAtMost(sequential, 1.5, options))).toContain(
      'Expected the speedup of pool over sequential to be at most 1.50x, but measured 2.00x [1.81x, 2.20x] (95% CI).',
    );
  });

  it('.not passes above and fails below', async () => {
    const a = sides();
    await expect(a.pool).not.toHaveSpeedupAtMost(a.sequential, 1.5, a.options);
    const b = sides();
    expect(await failureOf(expect(b.pool).not.toHaveSpeedupAtMost(b.sequential, 2.5, b.options))).toContain(
      'Expected the speedup of pool over sequential not to be at most 2.50x, but measured 2.00x [1.81x, 2.20x] (95% CI).',
    );
  });
});

describe('toHaveSpeedupWithin', () => {
  it('passes when the interval lies inside the band, fails when outside', async () => {
    const a = sides();
    await expect(a.pool).toHaveSpeedupWithin(a.sequential, [1.8, 2.2], a.options);
    const b = sides();
    expect(await failureOf(expect(b.pool).toHaveSpeedupWithin(b.sequential, [0.9, 1.1], b.options))).toContain(
      'Expected the speedup of pool over sequential to be within [0.90x, 1.10x], but measured 2.00x [1.81x, 2.20x] (95% CI).',
    );
  });

  it('.not passes outside the band and fails inside', async () => {
    const a = sides();
    await expect(a.pool).not.toHaveSpeedupWithin(a.sequential, [0.9, 1.1], a.options);
    const b = sides();
    expect(await failureOf(expect(b.pool).not.toHaveSpeedupWithin(b.sequential, [1.8, 2.2], b.options))).toContain('not to be within [1.80x, 2.20x]');
  });
});

describe('inconclusive measurements', () => {
  // Ratios alternate 1.6x / 2.4x: wide enough that 1.96x stays inside the interval for 10 rounds.
  function straddling() {
    const { sources, clock } = syntheticSources({ sequential: [16, 24], pool: [10, 10] });
    return { sequential: sources[0]!, pool: sources[1]!, options: { clock, seed: 3, maxRounds: 10, host: twoCoreHost } };
  }

  it('fail by default, saying so and what to do', async () => {
    const { sequential, pool, options } = straddling();
    expect(await failureOf(expect(pool).toHaveSpeedupAtLeast(sequential, 1.96, options))).toMatchInlineSnapshot(`
      "expect(received).toHaveSpeedupAtLeast(baseline, threshold)

      Inconclusive: could not tell whether the speedup of pool over sequential is at least 1.96x: the interval 1.96x [1.63x, 2.35x] (95% CI) straddles the threshold.

      Expected: >= 1.96x
      Received: 1.96x [1.63x, 2.35x]

      Rounds:   10 measured after 4 warm-up, 2 of up to 2 looks (each at 97.5%), stopped: max-rounds after 404 ms
      Median:   sequential 20.0 ms (cv 21%), pool 10.0 ms (cv 0%) per call
      Quality:
        - drift: sequential got 50% slower from the first to the second half of the run; interleaving cancels this in the ratio.
        - drift: pool: the speedup moved from 1.60x to 2.40x between the halves of the run; the machine's state changed the comparison itself.
      Host:     2 effective cores (cgroup v1, no quota), ceiling 1.90x, load 0.50, node v24.21.0

      To reach a verdict: give it more time (maxTimeMs), state a threshold further from the true speedup, or run on a quieter
      host. To skip instead of failing when this happens, pass { onInconclusive: 'skip' }."
    `);
  });

  it('fail under .not as well', async () => {
    const { sequential, pool, options } = straddling();
    expect(await failureOf(expect(pool).not.toHaveSpeedupAtLeast(sequential, 1.96, options))).toContain('Inconclusive: could not tell whether');
  });

  // Skipping is checked in a real Vitest run: tests/matchers/skip-and-await.test.ts.
});

describe('BenchResult input', () => {
  const result = (name: string, mean: number, sd: number, samplesCount: number) => ({ name, latency: { mean, sd, samplesCount } });

  it('compares two results unpaired and says how that weakens the verdict', async () => {
    await expect(result('pool', 5, 0.5, 100)).toHaveSpeedupAtLeast(result('sequential', 10, 1, 100), 1.5, { host: twoCoreHost });
    expect(await failureOf(expect(result('pool', 5, 0.5, 100)).toHaveSpeedupAtLeast(result('sequential', 10, 1, 100), 3, { host: twoCoreHost }))).toMatchInlineSnapshot(`
      "expect(received).toHaveSpeedupAtLeast(baseline, threshold)

      Expected the speedup of pool over sequential to be at least 3.00x, but measured 2.00x [1.94x, 2.06x] (95% CI).

      Expected: >= 3.00x
      Received: 2.00x [1.94x, 2.06x]

      Samples:  sequential 100, pool 100 (unpaired BenchResults)
      Mean:     sequential 10.0 ms, pool 5.00 ms per call
      Note:     BenchResults carry no paired samples: the two were measured one after the other, so drift between
                them is not cancelled and the interval assumes the machine did not change. Pass the two functions
                instead for a paired, interleaved verdict.
      Host:     2 effective cores (cgroup v1, no quota), ceiling 1.90x, load 0.50, node v24.21.0"
    `);
  });

  it('refuses to mix a BenchResult with a function', async () => {
    await expect(expect(result('pool', 5, 0.5, 100)).toHaveSpeedupAtLeast(() => {}, 1.5, { host: twoCoreHost })).rejects.toThrow(
      'toHaveSpeedupAtLeast: compare like with like: received a BenchResult and a function baseline. Pass two functions (paired, preferred) or two BenchResults.',
    );
  });

  it('refuses a result without statistics', async () => {
    await expect(expect(result('pool', 0, 0, 0)).toHaveSpeedupAtLeast(result('sequential', 10, 1, 100), 1.5)).rejects.toThrow(
      'toHaveSpeedupAtLeast: the received BenchResult "pool" has no usable latency statistics (mean 0, sd 0, 0 samples). It needs a positive mean and at least 2 samples: did the benchmark error or get aborted?',
    );
  });
});

describe('bad input', () => {
  const noop = () => {};
  it.each([
    [Number.NaN, RangeError, 'toHaveSpeedupAtLeast: `threshold` must be a finite speedup > 0 (3 means 3x faster, 0.5 means 2x slower), received NaN.'],
    [0, RangeError, 'toHaveSpeedupAtLeast: `threshold` must be a finite speedup > 0 (3 means 3x faster, 0.5 means 2x slower), received 0.'],
    [-2, RangeError, 'toHaveSpeedupAtLeast: `threshold` must be a finite speedup > 0 (3 means 3x faster, 0.5 means 2x slower), received -2.'],
    [Number.POSITIVE_INFINITY, RangeError, 'toHaveSpeedupAtLeast: `threshold` must be a finite speedup > 0 (3 means 3x faster, 0.5 means 2x slower), received Infinity.'],
    ['3x', TypeError, 'toHaveSpeedupAtLeast: `threshold` must be a speedup (a number such as 3 for 3x, or cores(f) / ceiling(f)), received "3x".'],
  ])('rejects threshold %s', async (threshold, type, message) => {
    await expect(expect(noop).toHaveSpeedupAtLeast(noop, threshold as number)).rejects.toThrow(new type(message));
  });

  it('rejects a non-function received value or baseline', async () => {
    await expect(expect('fast').toHaveSpeedupAtLeast(noop, 2)).rejects.toThrow(
      new TypeError('toHaveSpeedupAtLeast: expect(value) must be a function to measure (sync or async) or a Vitest BenchResult (from bench.compare(...).get(name)), received "fast".'),
    );
    await expect(expect(noop).toHaveSpeedupAtMost(null as never, 2)).rejects.toThrow(
      new TypeError('toHaveSpeedupAtMost: the baseline must be a function to measure (sync or async) or a Vitest BenchResult (from bench.compare(...).get(name)), received null.'),
    );
  });

  it('rejects an empty or malformed band', async () => {
    await expect(expect(noop).toHaveSpeedupWithin(noop, [1.1, 0.9])).rejects.toThrow(
      new RangeError('toHaveSpeedupWithin: `band` [1.1, 0.9] is empty because lo > hi. Pass [lo, hi] with lo <= hi, e.g. [0.9, 1.1].'),
    );
    await expect(expect(noop).toHaveSpeedupWithin(noop, 1 as never)).rejects.toThrow(
      new TypeError('toHaveSpeedupWithin: `band` must be a pair [lo, hi] such as [0.9, 1.1], received 1.'),
    );
  });

  it('rejects options out of range, naming the matcher and the option', async () => {
    await expect(expect(noop).toHaveSpeedupAtLeast(noop, 2, { maxTimeMs: 0 })).rejects.toThrow(
      new RangeError('toHaveSpeedupAtLeast: option `maxTimeMs` must be a finite number > 0, received 0. Give the budget in milliseconds, e.g. 5000.'),
    );
    await expect(expect(noop).toHaveSpeedupAtLeast(noop, 2, { onInconclusive: 'ignore' as never })).rejects.toThrow(
      new TypeError("toHaveSpeedupAtLeast: option `onInconclusive` must be 'fail' or 'skip', received \"ignore\"."),
    );
  });

  it('rejects host-relative thresholds without a positive fraction', () => {
    expect(() => cores(0)).toThrow(new RangeError('vitest-speedup: `cores(fraction)` needs a finite fraction > 0, received 0. For example cores(0.8).'));
  });

  it('lets an error thrown by a measured function surface unchanged', async () => {
    const boom = new Error('worker crashed');
    await expect(expect(() => { throw boom; }).toHaveSpeedupAtLeast(noop, 2, { host: twoCoreHost })).rejects.toBe(boom);
  });
});
