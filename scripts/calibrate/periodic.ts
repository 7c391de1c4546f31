import { measureSpeedup, type MeasureOptions } from '../../src/engine/index.ts';
import { yieldToEventLoop } from './children.ts';
import { median, quantile } from './stats.ts';
import { makeWorkload, type WorkloadSpec } from './workloads.ts';

export interface EstimateTrial {
  readonly trial: number;
  readonly kind: string;
  readonly nominal: number;
  readonly trueRatio: number;
  readonly method: 'ours' | 'naive' | 'naive-2s';
  readonly estimate: number;
  /** |estimate / true - 1| */
  readonly error: number;
  readonly elapsedMs: number;
  readonly rounds?: number;
  readonly stopReason?: string;
  /** naive: which side was timed first. */
  readonly firstSide?: 'candidate' | 'baseline';
}

export interface EstimateSummary {
  readonly method: string;
  readonly n: number;
  readonly medianError: number;
  readonly p95Error: number;
  readonly maxError: number;
  readonly medianElapsedMs: number;
}

/** Mean time per call of `fn` over about `budgetMs` (at least one call), calls back to back. */
function timeFor(fn: () => number, budgetMs: number): number {
  let sink = 0;
  let calls = 0;
  const t0 = performance.now();
  let now = t0;
  do {
    sink ^= fn();
    calls++;
    now = performance.now();
  } while (now - t0 < budgetMs);
  if (sink === 0.5) process.stderr.write('');
  return (now - t0) / calls;
}

/**
 * The "obvious" measurement: time A for a while, then B for as long (order chosen at random),
 * and divide the mean times.
 */
export function naiveSequential(spec: WorkloadSpec, totalMs: number): { estimate: number; firstSide: 'candidate' | 'baseline' } {
  const w = makeWorkload(spec);
  for (let i = 0; i < 3; i++) {
    w.candidate();
    w.baseline();
  }
  const firstSide = Math.random() < 0.5 ? 'candidate' : 'baseline';
  let c: number;
  let b: number;
  if (firstSide === 'candidate') {
    c = timeFor(w.candidate, totalMs / 2);
    b = timeFor(w.baseline, totalMs / 2);
  } else {
    b = timeFor(w.baseline, totalMs / 2);
    c = timeFor(w.candidate, totalMs / 2);
  }
  return { estimate: b / c, firstSide };
}

export interface PeriodicSubject {
  readonly kind: string;
  readonly nominal: number;
  readonly trueRatio: number;
  readonly spec: WorkloadSpec;
}

/**
 * Estimate error under a periodic hog: per trial, ours with the engine's defaults and no
 * criterion (it stops once the interval is within +-2%, or at 5 s), then the naive sequential
 * timing with the same total time; optionally naive again with a fixed 2 s.
 */
export async function runEstimateTrials(
  subjects: readonly PeriodicSubject[],
  trials: number,
  withFixedNaive: boolean,
  progress: (line: string) => void,
  engineOptions: MeasureOptions = {},
): Promise<EstimateTrial[]> {
  const out: EstimateTrial[] = [];
  for (let trial = 0; trial < trials; trial++) {
    await yieldToEventLoop();
    const subject = subjects[trial % subjects.length] as PeriodicSubject;
    const w = makeWorkload(subject.spec);
    const m = await measureSpeedup(w.candidate, w.baseline, engineOptions);
    const c = m.comparisons[0];
    if (!c) throw new Error('the engine returned no comparison');
    const base = { trial, kind: subject.kind, nominal: subject.nominal, trueRatio: subject.trueRatio };
    const err = (estimate: number): number => Math.abs(estimate / subject.trueRatio - 1);
    out.push({ ...base, method: 'ours', estimate: c.interval.estimate, error: err(c.interval.estimate), elapsedMs: m.elapsedMs, rounds: m.rounds, stopReason: m.stopReason });
    await yieldToEventLoop();
    const naive = naiveSequential(subject.spec, m.elapsedMs);
    out.push({ ...base, method: 'naive', estimate: naive.estimate, error: err(naive.estimate), elapsedMs: m.elapsedMs, firstSide: naive.firstSide });
    let line = `periodic ${trial + 1}/${trials} ${subject.kind} true ${subject.trueRatio.toFixed(2)}x: ours ${c.interval.estimate.toFixed(3)}x in ${(m.elapsedMs / 1000).toFixed(2)} s (${m.stopReason}), naive same time ${naive.estimate.toFixed(3)}x`;
    if (withFixedNaive) {
      await yieldToEventLoop();
      const fixed = naiveSequential(subject.spec, 2000);
      out.push({ ...base, method: 'naive-2s', estimate: fixed.estimate, error: err(fixed.estimate), elapsedMs: 2000, firstSide: fixed.firstSide });
      line += `, naive 2 s ${fixed.estimate.toFixed(3)}x`;
    }
    progress(line);
  }
  return out;
}

export function summarizeEstimates(trials: readonly EstimateTrial[]): EstimateSummary[] {
  const methods = [...new Set(trials.map((t) => t.method))];
  return methods.map((method) => {
    const own = trials.filter((t) => t.method === method);
    const errors = own.map((t) => t.error);
    return {
      method,
      n: own.length,
      medianError: median(errors),
      p95Error: quantile(errors, 0.95),
      maxError: Math.max(...errors),
      medianElapsedMs: median(own.map((t) => t.elapsedMs)),
    };
  });
}
