import type { RatioInterval } from '../stats/ratio-interval.ts';
import type { Criterion, Verdict } from './types.ts';

/**
 * A verdict is reached only when the whole interval lies on one side of the threshold(s);
 * anything else means "not yet": keep sampling, or call it inconclusive when the budget ends.
 */
export function judge(criterion: Criterion, interval: RatioInterval): Verdict {
  const { lower, upper } = interval;
  switch (criterion.kind) {
    case 'atLeast':
      if (lower >= criterion.k) return 'pass';
      if (upper < criterion.k) return 'fail';
      return 'inconclusive';
    case 'atMost':
      if (upper <= criterion.k) return 'pass';
      if (lower > criterion.k) return 'fail';
      return 'inconclusive';
    case 'within':
      if (lower >= criterion.lo && upper <= criterion.hi) return 'pass';
      if (upper < criterion.lo || lower > criterion.hi) return 'fail';
      return 'inconclusive';
  }
}

/** "at least 3.00x", "at most 1.10x", "within [0.90x, 1.10x]". */
export function describeCriterion(criterion: Criterion): string {
  switch (criterion.kind) {
    case 'atLeast':
      return `at least ${formatRatio(criterion.k)}`;
    case 'atMost':
      return `at most ${formatRatio(criterion.k)}`;
    case 'within':
      return `within [${formatRatio(criterion.lo)}, ${formatRatio(criterion.hi)}]`;
  }
}

export function formatRatio(ratio: number): string {
  return `${ratio.toFixed(2)}x`;
}
