import type { Statistics } from 'tinybench';
import { studentTQuantile } from '../stats/student-t.ts';
import { mean, medianAbsoluteDeviation, quantile, variance } from '../stats/summary.ts';

/**
 * tinybench-compatible statistics of a sample (the shape Vitest 5's BenchResult carries), so
 * results from our engine flow unchanged into Vitest's reporter, `bench.from()` baselines and
 * `toBeFasterThan`.
 */
export function statisticsOf(samples: readonly number[], retainSamples: boolean): Statistics {
  const n = samples.length;
  const sorted = [...samples].sort((a, b) => a - b);
  const m = mean(sorted);
  const v = variance(sorted);
  const sd = Math.sqrt(v);
  const sem = n > 0 ? sd / Math.sqrt(n) : 0;
  const df = Math.max(n - 1, 1);
  const critical = studentTQuantile(0.975, df);
  const moe = sem * critical;
  return {
    aad: n > 0 ? sorted.reduce((sum, x) => sum + Math.abs(x - m), 0) / n : 0,
    critical,
    df,
    mad: medianAbsoluteDeviation(sorted),
    max: sorted[n - 1] ?? 0,
    mean: m,
    min: sorted[0] ?? 0,
    moe,
    p50: quantile(sorted, 0.5),
    p75: quantile(sorted, 0.75),
    p99: quantile(sorted, 0.99),
    p995: quantile(sorted, 0.995),
    p999: quantile(sorted, 0.999),
    rme: m === 0 ? Number.POSITIVE_INFINITY : (100 * moe) / Math.abs(m),
    samples: (retainSamples ? sorted : undefined) as Statistics['samples'],
    samplesCount: n,
    sd,
    sem,
    variance: v,
  };
}
