import { describe, expect, it } from 'vitest';
import { ceilingBand, formatTestbed, makeTestbed, sameTestbed, testbedDifferences, testbedFromHost, testbedId } from '../../src/baselines/testbed.ts';
import type { HostFacts, ParallelCeiling } from '../../src/host/types.ts';

const facts: HostFacts = {
  effectiveCores: 2,
  cpuSources: { availableParallelism: 2, affinity: 2, cgroupQuota: null, cgroupVersion: 1 },
  cpuModel: 'Intel(R) Xeon(R) Processor',
  logicalCpus: 2,
  nodeVersion: 'v24.21.0',
  platform: 'linux',
  arch: 'x64',
  loadAverage: [0.5, 0.4, 0.3],
  timerResolutionNs: 40,
};

const ceiling = (value: number): ParallelCeiling => ({
  points: [{ workers: 1, speedup: 1 }, { workers: 2, speedup: value }],
  ceiling: value,
  bestWorkers: 2,
  measuredAt: '2026-01-01T00:00:00.000Z',
  durationMs: 600,
});

describe('ceilingBand', () => {
  it('rounds down to a band of 0.25', () => {
    expect(ceilingBand(1.93, 4)).toBe('1.75-2.00');
    expect(ceilingBand(1.75, 4)).toBe('1.75-2.00');
    expect(ceilingBand(1.7499, 4)).toBe('1.50-1.75');
    expect(ceilingBand(1.2, 4)).toBe('1.00-1.25');
    expect(ceilingBand(0.9, 1)).toBe('0.75-1.00');
  });

  it('clamps just below the effective cores, so the top band holds the ideal ceiling', () => {
    expect(ceilingBand(2, 2)).toBe('1.75-2.00');
    expect(ceilingBand(2.04, 2)).toBe('1.75-2.00');
    expect(ceilingBand(1, 1)).toBe('0.75-1.00');
  });

  it('rejects a ceiling that is not a positive number', () => {
    expect(() => ceilingBand(Number.NaN, 2)).toThrow('ceilingBand(ceiling, effectiveCores): ceiling must be a positive finite number, received NaN.');
  });
});

describe('testbedFromHost', () => {
  it('fingerprints cores, ceiling band, CPU, Node major and OS with a stable id', () => {
    const testbed = testbedFromHost(facts, ceiling(1.93));
    expect(testbed).toEqual({
      id: 'b1bd37880820',
      effectiveCores: 2,
      ceilingBand: '1.75-2.00',
      cpuModel: 'Intel(R) Xeon(R) Processor',
      nodeMajor: 24,
      os: 'linux-x64',
    });
    expect(testbedId(testbed)).toBe(testbed.id);
    expect(formatTestbed(testbed)).toBe('2 cores, ceiling 1.75-2.00x, Intel(R) Xeon(R) Processor, Node 24, linux-x64 (testbed b1bd37880820)');
  });

  it('is unmeasured without a ceiling', () => {
    const testbed = testbedFromHost({ ...facts, effectiveCores: 1 });
    expect(testbed.ceilingBand).toBe('unmeasured');
    expect(formatTestbed(testbed)).toMatch(/^1 core, ceiling unmeasured, /);
  });

  it('is the same testbed exactly when every field matches', () => {
    const a = testbedFromHost(facts, ceiling(1.93));
    expect(sameTestbed(a, testbedFromHost(facts, ceiling(1.81)))).toBe(true);
    expect(testbedFromHost(facts, ceiling(1.81)).id).toBe(a.id);
    // Load and timer resolution are not part of the fingerprint.
    expect(testbedFromHost({ ...facts, loadAverage: [3, 3, 3], timerResolutionNs: 1000 }, ceiling(1.9)).id).toBe(a.id);

    const others = [
      testbedFromHost(facts, ceiling(1.6)),
      testbedFromHost({ ...facts, effectiveCores: 4 }, ceiling(1.93)),
      testbedFromHost({ ...facts, cpuModel: 'AMD EPYC' }, ceiling(1.93)),
      testbedFromHost({ ...facts, nodeVersion: 'v22.12.0' }, ceiling(1.93)),
      testbedFromHost({ ...facts, arch: 'arm64' }, ceiling(1.93)),
    ];
    for (const other of others) {
      expect(sameTestbed(a, other)).toBe(false);
      expect(other.id).not.toBe(a.id);
    }
    expect(testbedDifferences(a, others[0] as (typeof others)[0])).toEqual(['ceilingBand "1.75-2.00" vs "1.50-1.75"']);
  });

  it('makeTestbed drops unknown fields before hashing', () => {
    const fields = { effectiveCores: 2, ceilingBand: '1.75-2.00', cpuModel: 'Intel(R) Xeon(R) Processor', nodeMajor: 24, os: 'linux-x64' };
    expect(makeTestbed({ ...fields, extra: 1 } as typeof fields)).toEqual({ id: 'b1bd37880820', ...fields });
  });
});
