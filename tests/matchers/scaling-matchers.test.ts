import { describe, expect, it } from 'vitest';
import { failureOf } from '../helpers/failure.ts';
import { twoCoreHost } from '../../fixtures/hosts/two-cores.ts';
import { measureSources } from '../../src/engine/measure.ts';
import { syntheticSources } from '../../src/engine/synthetic-source.ts';
import { scalingCurveOf, workersLabel } from '../../src/scaling/measure-scaling.ts';

// Times per round for 1, 2 and 4 workers, +-3% independent noise: speedups 1.8x at 2 workers
// (efficiency 0.9) and 1.9x at 4 (oversubscribed on 2 cores).
const wobble = (phase: number) => (i: number) => 1 + 0.03 * Math.sin(i * 1.3 + phase);
async function curve(cores = 2) {
  const { sources, clock } = syntheticSources({
    [workersLabel(1)]: (i) => 18 * wobble(0)(i),
    [workersLabel(2)]: (i) => 10 * wobble(2)(i),
    [workersLabel(4)]: (i) => (18 / 1.9) * wobble(4)(i),
  });
  const measurement = await measureSources(sources, { clock, seed: 1, minRounds: 12, maxRounds: 12 });
  return scalingCurveOf(measurement, { workers: [1, 2, 4], effectiveCores: cores, name: 'piscina-chunked', minEfficiency: undefined, baseline: workersLabel(1) });
}

describe('scalingCurveOf', () => {
  it('derives efficiency, Karp-Flatt and an Amdahl fit, and marks oversubscribed points', async () => {
    const c = await curve();
    expect(c.points.map((p) => [p.workers, p.oversubscribed])).toEqual([
      [1, false],
      [2, false],
      [4, true],
    ]);
    const two = c.points[1]!;
    expect(two.speedup.estimate).toBeCloseTo(1.8, 1);
    expect(two.efficiency.estimate).toBeCloseTo(two.speedup.estimate / 2, 12);
    expect(two.karpFlatt!.estimate).toBeCloseTo(2 / two.speedup.estimate - 1, 12);
    // Amdahl is fitted on the non-oversubscribed points only: with one parallel point it matches Karp-Flatt.
    expect(c.amdahl!.serialFraction).toBeCloseTo(two.karpFlatt!.estimate, 6);
    expect(c.serialFraction).toEqual(two.karpFlatt);
  });
});

describe('toScaleWithEfficiencyAtLeast', () => {
  it('passes when every judged point clears the efficiency, ignoring oversubscribed ones', async () => {
    await expect(await curve()).toScaleWithEfficiencyAtLeast(0.8, { host: twoCoreHost });
  });

  it('fails with the curve table, the fit and the host', async () => {
    expect(await failureOf(expect(await curve()).toScaleWithEfficiencyAtLeast(0.94, { host: { facts: twoCoreHost.facts, ceiling: { ...twoCoreHost.ceiling!, ceiling: 1.95 } } }))).toMatchInlineSnapshot(`
      "expect(curve).toScaleWithEfficiencyAtLeast(efficiency)

      Expected piscina-chunked to scale with efficiency >= 0.94 up to 2 workers, but at 2 workers it measured 0.90 [0.88, 0.92] (95% CI).

        workers  speedup             efficiency         Karp-Flatt  median
        1        1.00x (baseline)    1.00               -           18.1 ms
        2        1.80x [1.76, 1.85]  0.90 [0.88, 0.92]  0.11        9.95 ms
        4        1.91x [1.87, 1.96]  0.48 [0.47, 0.49]  0.36        9.40 ms  oversubscribed (2 effective cores): not judged

      Amdahl:   serial fraction 0.11 (speedup limit 9.19x)
      Rounds:   12 measured after 3 warm-up, 1 of up to 1 looks, stopped: max-rounds after 563 ms
      Host:     2 effective cores (cgroup v1, no quota), ceiling 1.95x, load 0.50, node v24.21.0"
    `);
  });

  it('.not passes below and fails above', async () => {
    await expect(await curve()).not.toScaleWithEfficiencyAtLeast(0.94, { host: { facts: twoCoreHost.facts, ceiling: { ...twoCoreHost.ceiling!, ceiling: 1.95 } } });
    expect(await failureOf(expect(await curve()).not.toScaleWithEfficiencyAtLeast(0.8, { host: twoCoreHost }))).toContain(
      'Expected piscina-chunked not to scale with efficiency >= 0.80 up to 2 workers, but at 2 workers it measured 0.90',
    );
  });

  it('reports an efficiency above the host ceiling as unreachable', async () => {
    expect(await failureOf(expect(await curve()).toScaleWithEfficiencyAtLeast(0.98, { host: twoCoreHost }))).toContain(
      "Unreachable on this host: efficiency 0.98 at 2 workers needs a 1.96x speedup, above this host's measured parallel ceiling of 1.90x.",
    );
  });

  it('reports a one-core host as unreachable: nothing parallel to judge', async () => {
    expect(await failureOf(expect(await curve(1)).toScaleWithEfficiencyAtLeast(0.5, { host: twoCoreHost }))).toContain(
      "Unreachable on this host: no point with 2..1 workers fits on this host's 1 effective core, so there is no parallel efficiency to judge.",
    );
  });

  it('rejects bad input', async () => {
    await expect(expect({}).toScaleWithEfficiencyAtLeast(0.5)).rejects.toThrow(new TypeError('toScaleWithEfficiencyAtLeast: expect(value) must be a scaling curve from measureScaling(...), received an object.'));
    await expect(expect(await curve()).toScaleWithEfficiencyAtLeast(1.5)).rejects.toThrow(new RangeError('toScaleWithEfficiencyAtLeast: `efficiency` must be a number in (0, 1], received 1.5.'));
    await expect(expect(await curve()).toScaleWithEfficiencyAtLeast(0.5, { upTo: 1 })).rejects.toThrow(
      new RangeError('toScaleWithEfficiencyAtLeast: option `upTo` must be an integer >= 2 (1 worker has no parallel efficiency), received 1.'),
    );
  });
});

describe('toHaveSerialFractionAtMost', () => {
  it('passes, fails, and works with .not', async () => {
    await expect(await curve()).toHaveSerialFractionAtMost(0.2, { host: twoCoreHost });
    await expect(await curve()).not.toHaveSerialFractionAtMost(0.05, { host: twoCoreHost });
    expect(await failureOf(expect(await curve()).toHaveSerialFractionAtMost(0.05, { host: twoCoreHost }))).toContain(
      'Expected the serial fraction of piscina-chunked to be at most 0.05, but Karp-Flatt measured 0.11',
    );
    expect(await failureOf(expect(await curve()).not.toHaveSerialFractionAtMost(0.2, { host: twoCoreHost }))).toContain('not to be at most 0.20');
  });
});
