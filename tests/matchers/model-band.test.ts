import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { twoCoreHost } from '../../fixtures/hosts/two-cores.ts';
import { syntheticSources } from '../../src/engine/synthetic-source.ts';
import { speedupModelBand } from '../../src/io/model-band.ts';
import { modelBand } from '../../src/matchers/thresholds.ts';

describe('modelBand', () => {
  it('spans expected x (1 -/+ tolerance) and carries the derivation', () => {
    const [lo, hi] = modelBand(10, 0.25, '20 requests');
    expect(lo).toEqual({ kind: 'model', value: 7.5, derivation: 'model 10.00x +-25%: 20 requests' });
    expect(hi).toEqual({ kind: 'model', value: 12.5, derivation: '' });
  });

  it('rejects a non-positive prediction or a tolerance outside (0, 1)', () => {
    expect(() => modelBand(0, 0.1, '')).toThrow(new RangeError('vitest-speedup: modelBand(expected, ...) needs a finite prediction > 0, received 0.'));
    expect(() => modelBand(5, 1, '')).toThrow(new RangeError('vitest-speedup: modelBand(..., tolerance) must lie strictly between 0 and 1, received 1. For example 0.25 for +-25%.'));
  });
});

describe('speedupModelBand with toHaveSpeedupWithin', () => {
  const sequentialModel = { requests: 20, concurrency: 1, latency: 20, perRequestOverheadMs: 0.1 };
  const gatheredModel = { ...sequentialModel, concurrency: Number.POSITIVE_INFINITY };

  it('shows the model formulas next to the measured speedup', async () => {
    // Measured 10x against a model of 402 / 22 = 18.27x: outside +-25%.
    const { sources, clock } = syntheticSources({ sequential: (i) => 400 + (i % 3), gathered: (i) => 40 + (i % 2) });
    let message = '';
    try {
      await expect(sources[1]).toHaveSpeedupWithin(sources[0]!, speedupModelBand(sequentialModel, gatheredModel, 0.25), { clock, seed: 1, host: twoCoreHost });
    } catch (error) {
      message = stripVTControlCharacters((error as Error).message);
    }
    expect(message.split('\n')[4]).toBe(
      'Expected: within [13.70x, 22.84x] (model 18.27x +-25%: baseline ceil(20/1) × 20 ms + 20 × 0.10 ms + 0 ms = 402 ms; candidate ceil(20/∞) × 20 ms + 20 × 0.10 ms + 0 ms = 22 ms)',
    );
    expect(message.split('\n')[5]).toMatch(/^Received: 9\.\d\dx \[/);
  });
});
