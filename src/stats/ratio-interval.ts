import { studentTQuantile } from './student-t.ts';
import { mean, variance } from './summary.ts';

/** A speedup estimate (baseline time / candidate time) with a two-sided confidence interval. */
export interface RatioInterval {
  /** Point estimate of the speedup: the geometric mean of the per-round ratios. */
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
  /** Two-sided confidence level of [lower, upper], e.g. 0.995. */
  readonly level: number;
  /** Degrees of freedom of the t quantile used. */
  readonly df: number;
}

/**
 * Paired log-ratio t-interval.
 *
 * Each round times baseline and candidate back to back (in shuffled order), so a round's
 * ratio r_i = baseline_i / candidate_i cancels whatever slowed the machine down during that
 * round. We average log r_i and use a t-interval, then exponentiate:
 * - logs make the ratio symmetric (2x faster and 2x slower are equally far from 1) and turn
 *   the right-skewed ratio distribution into a nearly symmetric one, where the t-interval is
 *   accurate already at 6 rounds;
 * - unlike a bootstrap it is deterministic: the same samples always give the same interval, so
 *   failure messages are reproducible and tests can pin exact numbers;
 * - it costs O(n) per look, so the adaptive loop can look often.
 * The estimate is the geometric mean ratio, the natural average of ratios.
 */
export function pairedLogRatioInterval(logRatios: readonly number[], level: number): RatioInterval {
  const n = logRatios.length;
  if (n < 2) throw new RangeError(`pairedLogRatioInterval: needs at least 2 rounds, received ${n}`);
  const m = mean(logRatios);
  const se = Math.sqrt(variance(logRatios) / n);
  const df = n - 1;
  const t = studentTQuantile(1 - (1 - level) / 2, df);
  return { estimate: Math.exp(m), lower: Math.exp(m - t * se), upper: Math.exp(m + t * se), level, df };
}

/** Mean, standard deviation and sample count of one side's latency (ms), as benchmark tools report them. */
export interface LatencySummary {
  readonly mean: number;
  readonly sd: number;
  readonly n: number;
}

/**
 * Unpaired interval for mean(baseline) / mean(candidate) from two independent summaries, by
 * the delta method on the log scale with Welch-Satterthwaite degrees of freedom. Used for
 * benchmark results that were measured one after the other: nothing cancels drift between
 * them, so the interval is only as good as the assumption that the machine did not change.
 */
export function unpairedRatioInterval(baseline: LatencySummary, candidate: LatencySummary, level: number): RatioInterval {
  const vb = baseline.sd ** 2 / (baseline.n * baseline.mean ** 2);
  const vc = candidate.sd ** 2 / (candidate.n * candidate.mean ** 2);
  const se = Math.sqrt(vb + vc);
  const logRatio = Math.log(baseline.mean / candidate.mean);
  const dfDenominator = (baseline.n > 1 ? vb ** 2 / (baseline.n - 1) : 0) + (candidate.n > 1 ? vc ** 2 / (candidate.n - 1) : 0);
  const df = dfDenominator > 0 ? (vb + vc) ** 2 / dfDenominator : Math.max(1, baseline.n + candidate.n - 2);
  const t = studentTQuantile(1 - (1 - level) / 2, df);
  return {
    estimate: Math.exp(logRatio),
    lower: Math.exp(logRatio - t * se),
    upper: Math.exp(logRatio + t * se),
    level,
    df,
  };
}
