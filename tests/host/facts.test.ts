import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getHostFacts } from '../../src/host/facts.ts';

describe('getHostFacts', () => {
  it('describes this host', () => {
    const facts = getHostFacts();
    expect(facts).toEqual({
      effectiveCores: expect.any(Number),
      cpuSources: {
        availableParallelism: expect.any(Number),
        affinity: process.platform === 'linux' ? expect.any(Number) : null,
        cgroupQuota: expect.toSatisfy((quota: unknown) => quota === null || typeof quota === 'number'),
        cgroupVersion: expect.toSatisfy((version: unknown) => version === null || version === 1 || version === 2),
      },
      cpuModel: expect.any(String),
      logicalCpus: expect.any(Number),
      nodeVersion: process.version,
      platform: process.platform,
      arch: process.arch,
      loadAverage: [expect.any(Number), expect.any(Number), expect.any(Number)],
      timerResolutionNs: expect.any(Number),
    });
    expect(facts.effectiveCores).toBeGreaterThanOrEqual(1);
    expect(facts.cpuModel.length).toBeGreaterThan(0);
    expect(facts.timerResolutionNs).toBeGreaterThan(0);
  });

  it('reads the cgroup and affinity sources under `root`', () => {
    const root = fileURLToPath(new URL('../../fixtures/cgroup/v2-nested/', import.meta.url));
    const facts = getHostFacts({ root, availableParallelism: 8 });
    expect(facts.effectiveCores).toBe(2);
    expect(facts.cpuSources).toEqual({ availableParallelism: 8, affinity: 8, cgroupQuota: 2, cgroupVersion: 2 });
  });
});
