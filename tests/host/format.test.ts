import { describe, expect, it } from 'vitest';
import { formatHostFacts, formatHostFactsInline } from '../../src/host/format.ts';
import type { HostFacts, ParallelCeiling } from '../../src/host/types.ts';

const facts: HostFacts = {
  effectiveCores: 2,
  cpuSources: { availableParallelism: 2, affinity: 2, cgroupQuota: null, cgroupVersion: 1 },
  cpuModel: 'Intel(R) Xeon(R) Processor',
  logicalCpus: 2,
  nodeVersion: 'v24.21.0',
  platform: 'linux',
  arch: 'x64',
  loadAverage: [0.52, 0.4, 0.314],
  timerResolutionNs: 40,
};

const ceiling: ParallelCeiling = {
  points: [
    { workers: 1, speedup: 1 },
    { workers: 2, speedup: 1.934 },
  ],
  ceiling: 1.934,
  bestWorkers: 2,
  measuredAt: '2026-01-01T00:00:00.000Z',
  durationMs: 812,
};

const quotaFacts: HostFacts = {
  ...facts,
  effectiveCores: 1,
  cpuSources: { availableParallelism: 8, affinity: null, cgroupQuota: 1.5, cgroupVersion: 2 },
  logicalCpus: 8,
  timerResolutionNs: Number.NaN,
};

describe('formatHostFacts', () => {
  it('prints an aligned block with the ceiling', () => {
    expect(formatHostFacts(facts, ceiling)).toMatchInlineSnapshot(`
      "Host
        effective cores   2 (availableParallelism 2, affinity 2, cgroup v1 quota none)
        parallel ceiling  1.93x at 2 workers (measured in 0.8 s)
        cpu               Intel(R) Xeon(R) Processor x2
        node              v24.21.0 linux x64
        load average      0.52 0.40 0.31 (1/5/15 min)
        timer resolution  40 ns"
    `);
  });

  it('leaves out the ceiling when it was not measured and names unknown sources', () => {
    expect(formatHostFacts(quotaFacts)).toMatchInlineSnapshot(`
      "Host
        effective cores   1 (availableParallelism 8, affinity unknown, cgroup v2 quota 1.5)
        cpu               Intel(R) Xeon(R) Processor x8
        node              v24.21.0 linux x64
        load average      0.52 0.40 0.31 (1/5/15 min)
        timer resolution  unknown"
    `);
  });

  it('says "1 worker" and "no cgroup"', () => {
    const single: ParallelCeiling = { ...ceiling, points: [{ workers: 1, speedup: 1 }], ceiling: 1, bestWorkers: 1, durationMs: 95 };
    const noCgroup: HostFacts = { ...facts, cpuSources: { ...facts.cpuSources, cgroupVersion: null } };
    const lines = formatHostFacts(noCgroup, single).split('\n');
    expect(lines[1]).toBe('  effective cores   2 (availableParallelism 2, affinity 2, no cgroup)');
    expect(lines[2]).toBe('  parallel ceiling  1.00x at 1 worker (measured in 0.1 s)');
  });
});

describe('formatHostFactsInline', () => {
  it('fits on one line for failure messages', () => {
    expect(formatHostFactsInline(facts, ceiling)).toBe('2 effective cores (cgroup v1, no quota), ceiling 1.93x, load 0.52, node v24.21.0');
  });

  it('shows a quota and leaves out an unmeasured ceiling', () => {
    expect(formatHostFactsInline(quotaFacts)).toBe('1 effective core (cgroup v2, quota 1.5), load 0.52, node v24.21.0');
  });

  it('names the affinity mask only when it is what limits the process', () => {
    const pinned: HostFacts = {
      ...facts,
      effectiveCores: 1,
      cpuSources: { availableParallelism: 4, affinity: 1, cgroupQuota: null, cgroupVersion: null },
    };
    expect(formatHostFactsInline(pinned)).toBe('1 effective core (affinity 1, no cgroup), load 0.52, node v24.21.0');
  });

  it('rounds a fractional quota to two decimals', () => {
    const third: HostFacts = { ...facts, effectiveCores: 1, cpuSources: { ...facts.cpuSources, cgroupQuota: 1 / 3, cgroupVersion: 2 } };
    expect(formatHostFactsInline(third)).toBe('1 effective core (cgroup v2, quota 0.33), load 0.52, node v24.21.0');
  });
});
