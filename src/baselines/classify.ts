/** How a new speedup stands against a stored one. */
export type Change = 'ok' | 'regressed' | 'improved';

/** The interval part of a speedup. */
export interface IntervalLike {
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
}

/** The default tolerance: a speedup may lose up to 10% before it counts as a regression. */
export const DEFAULT_TOLERANCE = 0.1;

/**
 * Classifies a new speedup against a reference estimate (a baseline, an older report):
 * `regressed` when the whole interval lies below `reference * (1 - tolerance)`, `improved` when it
 * lies wholly above `reference * (1 + tolerance)`, `ok` otherwise. Only the new interval counts:
 * a noisy new measurement (wide interval) cannot regress, it stays `ok` until it is sure.
 *
 * @example
 * ```ts
 * classifyChange({ estimate: 1.2, lower: 1.1, upper: 1.3 }, 1.8, 0.1); // 'regressed' (1.3 < 1.62)
 * ```
 */
export function classifyChange(current: IntervalLike, reference: number, tolerance: number = DEFAULT_TOLERANCE): Change {
  if (current.upper < reference * (1 - tolerance)) return 'regressed';
  if (current.lower > reference * (1 + tolerance)) return 'improved';
  return 'ok';
}

/** Checks a tolerance option: a finite number in [0, 1). */
export function checkTolerance(where: string, tolerance: unknown): number {
  if (typeof tolerance !== 'number' || !Number.isFinite(tolerance) || tolerance < 0 || tolerance >= 1) {
    throw new RangeError(`${where}: tolerance must be a number from 0 to below 1 (0.1 = 10%), received ${String(tolerance)}.`);
  }
  return tolerance;
}
