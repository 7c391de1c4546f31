import type { CpuLimitSources, HostFacts, ParallelCeiling } from './types.ts';

/**
 * Formats host facts (and, if measured, the parallel ceiling) as an aligned, human-readable
 * block for CLI output, reporters and logs.
 *
 * @example
 * ```ts
 * console.log(formatHostFacts(getHostFacts(), await measureParallelCeiling()));
 * // Host
 * //   effective cores   2 (availableParallelism 2, affinity 2, cgroup v1 quota none)
 * //   parallel ceiling  1.93x at 2 workers (measured in 0.6 s)
 * //   cpu               Intel(R) Xeon(R) Processor x2
 * //   node              v24.21.0 linux x64
 * //   load average      0.52 0.40 0.31 (1/5/15 min)
 * //   timer resolution  40 ns
 * ```
 */
export function formatHostFacts(facts: HostFacts, ceiling?: ParallelCeiling): string {
  const { cpuSources: sources } = facts;
  const rows: [string, string][] = [
    [
      'effective cores',
      `${facts.effectiveCores} (availableParallelism ${sources.availableParallelism}, ` +
        `affinity ${sources.affinity ?? 'unknown'}, ${describeCgroup(sources)})`,
    ],
  ];
  if (ceiling !== undefined) {
    rows.push([
      'parallel ceiling',
      `${ceiling.ceiling.toFixed(2)}x at ${plural(ceiling.bestWorkers, 'worker')} ` +
        `(measured in ${(ceiling.durationMs / 1000).toFixed(1)} s)`,
    ]);
  }
  rows.push(
    ['cpu', `${facts.cpuModel} x${facts.logicalCpus}`],
    ['node', `${facts.nodeVersion} ${facts.platform} ${facts.arch}`],
    ['load average', `${facts.loadAverage.map((load) => load.toFixed(2)).join(' ')} (1/5/15 min)`],
    ['timer resolution', Number.isFinite(facts.timerResolutionNs) ? `${Math.round(facts.timerResolutionNs)} ns` : 'unknown'],
  );
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  return ['Host', ...rows.map(([label, value]) => `  ${label.padEnd(width)}${value}`)].join('\n');
}

/**
 * Formats host facts on one line, short enough for a matcher failure message, so that a failed
 * speedup assertion says what the host could deliver.
 *
 * @example
 * ```ts
 * formatHostFactsInline(facts, ceiling);
 * // "2 effective cores (cgroup v1, no quota), ceiling 1.93x, load 0.52, node v24.21.0"
 * ```
 */
export function formatHostFactsInline(facts: HostFacts, ceiling?: ParallelCeiling): string {
  const { cpuSources: sources } = facts;
  const limits: string[] = [];
  // Affinity is only worth the space when it is what limits the process.
  if (sources.affinity !== null && sources.affinity < sources.availableParallelism) {
    limits.push(`affinity ${sources.affinity}`);
  }
  if (sources.cgroupVersion === null) limits.push('no cgroup');
  else limits.push(`cgroup v${sources.cgroupVersion}`, sources.cgroupQuota === null ? 'no quota' : `quota ${formatQuota(sources.cgroupQuota)}`);
  const parts = [`${plural(facts.effectiveCores, 'effective core')} (${limits.join(', ')})`];
  if (ceiling !== undefined) parts.push(`ceiling ${ceiling.ceiling.toFixed(2)}x`);
  parts.push(`load ${facts.loadAverage[0].toFixed(2)}`, `node ${facts.nodeVersion}`);
  return parts.join(', ');
}

function describeCgroup(sources: CpuLimitSources): string {
  if (sources.cgroupVersion === null) return 'no cgroup';
  const quota = sources.cgroupQuota === null ? 'none' : formatQuota(sources.cgroupQuota);
  return `cgroup v${sources.cgroupVersion} quota ${quota}`;
}

/** 1.5 → "1.5", 2 → "2", 1/3 → "0.33": a quota is a CPU count, trailing zeros only add noise. */
function formatQuota(quota: number): string {
  return String(Number(quota.toFixed(2)));
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
