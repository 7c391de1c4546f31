import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { getCpuLimits, parseCpuList } from '../../src/host/cpu-limits.ts';

/** A fixture directory that mimics / (proc/self/... and sys/fs/cgroup/...). */
function root(name: string): string {
  return fileURLToPath(new URL(`../../fixtures/cgroup/${name}/`, import.meta.url));
}

describe('parseCpuList', () => {
  it.each([
    ['0', 1],
    ['0-1', 2],
    ['0-3,5', 5],
    ['0-3,8-11', 8],
    [' 2,4,6\n', 3],
  ])('counts %j as %i CPUs', (list, count) => {
    expect(parseCpuList(list)).toBe(count);
  });

  it.each(['', 'abc', '3-1', '0-', '0,,1'])('returns null for malformed %j', (list) => {
    expect(parseCpuList(list)).toBeNull();
  });
});

describe('getCpuLimits', () => {
  it.each([
    {
      name: 'v2-quota',
      note: 'cgroup v2 "150000 100000": 1.5 CPUs of quota is 1 full core',
      availableParallelism: 8,
      expected: { effectiveCores: 1, sources: { availableParallelism: 8, affinity: 8, cgroupQuota: 1.5, cgroupVersion: 2 } },
    },
    {
      name: 'v2-max',
      note: 'cgroup v2 "max": no quota, affinity 0-3 limits',
      availableParallelism: 8,
      expected: { effectiveCores: 4, sources: { availableParallelism: 8, affinity: 4, cgroupQuota: null, cgroupVersion: 2 } },
    },
    {
      name: 'v2-nested',
      note: 'cgroup v2: a parent allows 2 CPUs, the leaf 4: the minimum wins',
      availableParallelism: 8,
      expected: { effectiveCores: 2, sources: { availableParallelism: 8, affinity: 8, cgroupQuota: 2, cgroupVersion: 2 } },
    },
    {
      name: 'v2-root',
      note: 'cgroup v2 root cgroup of a plain host: recognised, no quota',
      availableParallelism: 8,
      expected: { effectiveCores: 8, sources: { availableParallelism: 8, affinity: 8, cgroupQuota: null, cgroupVersion: 2 } },
    },
    {
      name: 'v1-quota',
      note: 'cgroup v1 cpu,cpuacct 200000/100000, parent unlimited',
      availableParallelism: 8,
      expected: { effectiveCores: 2, sources: { availableParallelism: 8, affinity: 8, cgroupQuota: 2, cgroupVersion: 1 } },
    },
    {
      name: 'v1-unlimited',
      note: 'cgroup v1 quota -1 on a hybrid host (this machine): v1 wins over the "0::/" line',
      availableParallelism: 2,
      expected: { effectiveCores: 2, sources: { availableParallelism: 2, affinity: 2, cgroupQuota: null, cgroupVersion: 1 } },
    },
    {
      name: 'v1-container',
      note: 'cgroup v1 in a container: the host path does not exist, the mount root holds 3 CPUs',
      availableParallelism: 8,
      expected: { effectiveCores: 3, sources: { availableParallelism: 8, affinity: 8, cgroupQuota: 3, cgroupVersion: 1 } },
    },
    {
      name: 'affinity-list',
      note: 'affinity "0-3,5" and no cgroup files',
      availableParallelism: 8,
      expected: { effectiveCores: 5, sources: { availableParallelism: 8, affinity: 5, cgroupQuota: null, cgroupVersion: null } },
    },
    {
      name: 'affinity-single',
      note: 'affinity "0"',
      availableParallelism: 8,
      expected: { effectiveCores: 1, sources: { availableParallelism: 8, affinity: 1, cgroupQuota: null, cgroupVersion: null } },
    },
    {
      name: 'proc-only',
      note: '/proc/self/cgroup names a v2 cgroup but /sys is not mounted',
      availableParallelism: 4,
      expected: { effectiveCores: 4, sources: { availableParallelism: 4, affinity: null, cgroupQuota: null, cgroupVersion: null } },
    },
    {
      name: 'none',
      note: 'no /proc or /sys at all: only availableParallelism',
      availableParallelism: 6,
      expected: { effectiveCores: 6, sources: { availableParallelism: 6, affinity: null, cgroupQuota: null, cgroupVersion: null } },
    },
  ])('$name: $note', ({ name, availableParallelism, expected }) => {
    expect(getCpuLimits({ root: root(name), availableParallelism })).toEqual(expected);
  });

  it('never reports fewer than 1 core, even for a quota below one CPU', () => {
    // v2-quota holds 1.5 CPUs; with availableParallelism 1 every source agrees on 1.
    expect(getCpuLimits({ root: root('v2-quota'), availableParallelism: 1 }).effectiveCores).toBe(1);
  });

  it('does not throw for a root that does not exist', () => {
    expect(getCpuLimits({ root: root('does-not-exist'), availableParallelism: 3 })).toEqual({
      effectiveCores: 3,
      sources: { availableParallelism: 3, affinity: null, cgroupQuota: null, cgroupVersion: null },
    });
  });

  it('defaults to os.availableParallelism() and the real /', () => {
    const limits = getCpuLimits();
    expect(limits.sources.availableParallelism).toBe(availableParallelism());
    expect(limits.effectiveCores).toBeGreaterThanOrEqual(1);
    expect(limits.effectiveCores).toBeLessThanOrEqual(limits.sources.availableParallelism);
  });
});
