/**
 * The smallest step `process.hrtime.bigint()` can observe on this host, in nanoseconds: the
 * smallest positive difference between consecutive reads.
 *
 * Why it matters: a duration shorter than a few timer steps cannot be measured, so a task timed
 * per call must last many times this value. On Linux with a TSC clock source the step is
 * dominated by the cost of the call itself (tens of ns); on VMs without a stable TSC, or on
 * Windows, it can be microseconds.
 *
 * @param samples Consecutive reads to take (default 20,000, about a millisecond).
 * @returns The resolution in ns, or `NaN` if the clock never moved (should not happen).
 *
 * @example
 * ```ts
 * measureTimerResolution(); // 30 on a typical Linux host
 * ```
 */
export function measureTimerResolution(samples = 20_000): number {
  let smallest: bigint | null = null;
  let previous = process.hrtime.bigint();
  for (let i = 0; i < samples; i++) {
    const now = process.hrtime.bigint();
    const delta = now - previous;
    if (delta > 0n && (smallest === null || delta < smallest)) smallest = delta;
    previous = now;
  }
  return smallest === null ? Number.NaN : Number(smallest);
}
