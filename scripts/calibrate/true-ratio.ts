import { median, quantile } from './stats.ts';
import { makeWorkload, type WorkloadSpec } from './workloads.ts';

/** Deviation from the nominal ratio within which the loop always counts as linear and the work ratio is used. */
export const LINEAR_TOLERANCE = 0.01;

export interface TrueRatio {
  readonly nominal: number;
  /** Quiet measurement: median of the per-pair ratios (robust to a pair being preempted). */
  readonly measured: number;
  /** Median baseline time / median candidate time, for comparison. */
  readonly ratioOfMedians: number;
  /** Middle 50% of the per-pair ratios, to show how tight the measurement was. */
  readonly pairQ25: number;
  readonly pairQ75: number;
  readonly pairs: number;
  /** Approximate 95% interval of `measured`. */
  readonly medianCi: readonly [number, number];
  readonly candidateMs: number;
  readonly baselineMs: number;
  /** The ratio the study treats as true. */
  readonly value: number;
  readonly source: 'work ratio' | 'quiet measured ratio';
}

/**
 * Measures the real ratio of a workload with many pairs of calls (each pair in random order,
 * nothing else of ours running). If it is within {@link LINEAR_TOLERANCE} of the nominal work
 * ratio, the work ratio is "true"; otherwise (e.g. the OS wakes a waiting thread late) the quiet
 * measured ratio is.
 */
export function measureTrueRatio(spec: WorkloadSpec, nominal: number, pairs: number): TrueRatio {
  const w = makeWorkload(spec);
  let sink = 0;
  for (let i = 0; i < 20; i++) sink ^= w.candidate() ^ w.baseline();
  const cand: number[] = [];
  const base: number[] = [];
  const time = (fn: () => number): number => {
    const t0 = performance.now();
    sink ^= fn();
    return performance.now() - t0;
  };
  for (let i = 0; i < pairs; i++) {
    if (Math.random() < 0.5) {
      cand.push(time(w.candidate));
      base.push(time(w.baseline));
    } else {
      base.push(time(w.baseline));
      cand.push(time(w.candidate));
    }
  }
  if (sink === 0.5) process.stderr.write('');
  const ratios = base.map((b, i) => b / (cand[i] as number));
  const candidateMs = median(cand);
  const baselineMs = median(base);
  const measured = median(ratios);
  // Approximate 95% interval of the median (McGill's notch: 1.58 IQR / sqrt(n)). On a busy
  // machine the measurement itself wanders by 1-2%; the loop counts as linear when the nominal
  // ratio is within 1% of the measurement or inside that interval.
  const q25 = quantile(ratios, 0.25);
  const q75 = quantile(ratios, 0.75);
  const notch = (1.58 * (q75 - q25)) / Math.sqrt(ratios.length);
  const linear = Math.abs(measured / nominal - 1) <= LINEAR_TOLERANCE || Math.abs(measured - nominal) <= notch;
  return {
    nominal,
    measured,
    ratioOfMedians: baselineMs / candidateMs,
    pairQ25: q25,
    pairQ75: q75,
    medianCi: [measured - notch, measured + notch],
    pairs,
    candidateMs,
    baselineMs,
    value: linear ? nominal : measured,
    source: linear ? 'work ratio' : 'quiet measured ratio',
  };
}
