import { cpus, loadavg } from 'node:os';
import { getCpuLimits } from './cpu-limits.ts';
import type { CpuLimitOptions } from './cpu-limits.ts';
import { measureTimerResolution } from './timer.ts';
import type { HostFacts } from './types.ts';

/** Options for {@link getHostFacts}: the same as for `getCpuLimits` (`root`, `availableParallelism`). */
export type HostFactsOptions = CpuLimitOptions;

/**
 * Collects the facts about this host that decide which speedups are possible and how noisy
 * timing is: effective cores (with every limiting source), CPU model, Node version, load average
 * and timer resolution. Cheap (about a millisecond, for the timer probe) and synchronous; it does
 * not measure the parallel ceiling, see `measureParallelCeiling` for that.
 *
 * Failure messages of the speedup matchers include these facts, because "expected 4x, measured
 * 1.9x" means something very different on a 2-core CI runner under load.
 *
 * @example
 * ```ts
 * const facts = getHostFacts();
 * console.log(formatHostFacts(facts));
 * ```
 */
export function getHostFacts(options: HostFactsOptions = {}): HostFacts {
  const limits = getCpuLimits(options);
  const cpuList = cpus();
  const [one = 0, five = 0, fifteen = 0] = loadavg();
  return {
    effectiveCores: limits.effectiveCores,
    cpuSources: limits.sources,
    cpuModel: cpuList[0]?.model.trim().replace(/\s+/g, ' ') || 'unknown',
    logicalCpus: cpuList.length,
    nodeVersion: process.version,
    platform: process.platform,
    arch: process.arch,
    loadAverage: [one, five, fifteen],
    timerResolutionNs: measureTimerResolution(),
  };
}
