import { getCpuLimits } from '../host/index.ts';

/**
 * The number of CPUs the pools use by default: the host's effective core count (the minimum
 * of `os.availableParallelism()`, the affinity mask and any cgroup CPU quota; see
 * `getCpuLimits` in `src/host`). One function so that every strategy agrees.
 */
export function effectiveCores(): number {
  return getCpuLimits().effectiveCores;
}
