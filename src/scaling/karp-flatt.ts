/**
 * The Karp-Flatt metric: the experimentally determined serial fraction
 * `e = (1/S - 1/n) / (1 - 1/n)` for a speedup `S` measured with `n` workers. Equal to Amdahl's
 * `f` when the law holds exactly; if `e` grows with `n`, overhead (communication, start-up,
 * contention) grows with the worker count, which Amdahl's law does not model.
 *
 * @param speedup - Measured speedup, a positive finite number.
 * @param workers - Worker count, a finite number > 1 (the metric is undefined for one worker).
 * @throws RangeError naming the offending argument.
 * @example
 * ```ts
 * karpFlatt(1 / (0.1 + 0.9 / 4), 4); // 0.1
 * ```
 */
export function karpFlatt(speedup: number, workers: number): number {
  const where = 'karpFlatt(speedup, workers)';
  if (typeof speedup !== 'number' || !Number.isFinite(speedup) || speedup <= 0) {
    throw new RangeError(`${where}: speedup must be a positive finite number, received ${String(speedup)}.`);
  }
  if (typeof workers !== 'number' || !Number.isFinite(workers) || workers <= 1) {
    throw new RangeError(`${where}: workers must be a finite number > 1, received ${String(workers)}. The Karp-Flatt metric is undefined for one worker.`);
  }
  return (1 / speedup - 1 / workers) / (1 - 1 / workers);
}
