import { measureSources } from '../engine/measure.ts';
import { functionSource } from '../engine/function-source.ts';
import { judge } from '../engine/criterion.ts';
import { resolveMeasureOptions } from '../engine/options.ts';
import type { Criterion, Measurement, SampleSource, Verdict } from '../engine/types.ts';
import { unpairedRatioInterval, type RatioInterval } from '../stats/ratio-interval.ts';
import type { ResolvedMatcherOptions } from './options.ts';
import type { BenchResultLike, Subject } from './subjects.ts';

/** What a speedup matcher found, whichever kind of input it got. */
export type Evidence =
  | {
      readonly kind: 'paired';
      readonly verdict: Verdict;
      readonly interval: RatioInterval;
      readonly candidate: string;
      readonly baseline: string;
      readonly measurement: Measurement;
    }
  | {
      readonly kind: 'unpaired';
      readonly verdict: Verdict;
      readonly interval: RatioInterval;
      readonly candidate: string;
      readonly baseline: string;
      readonly candidateResult: BenchResultLike;
      readonly baselineResult: BenchResultLike;
      readonly confidence: number;
    };

function toSource(subject: Subject, fallbackName: string, minSampleMs: number): SampleSource {
  if (subject.kind === 'source') return subject.source;
  if (subject.kind === 'function') {
    const name = subject.fn.name && subject.fn.name !== 'anonymous' ? subject.fn.name : fallbackName;
    return functionSource(name, subject.fn, minSampleMs);
  }
  throw new Error('vitest-speedup: internal error: a BenchResult reached the paired path.');
}

export async function gatherEvidence(
  matcher: string,
  received: Subject,
  baseline: Subject,
  criterion: Criterion,
  options: ResolvedMatcherOptions,
): Promise<Evidence> {
  const confidence = options.measure.confidence ?? 0.95;
  if (received.kind === 'bench' || baseline.kind === 'bench') {
    if (received.kind !== 'bench' || baseline.kind !== 'bench') {
      throw new TypeError(
        `${matcher}: compare like with like: received a ${received.kind === 'bench' ? 'BenchResult' : 'function'} and a ${baseline.kind === 'bench' ? 'BenchResult' : 'function'} baseline. Pass two functions (paired, preferred) or two BenchResults.`,
      );
    }
    const b = baseline.result;
    const c = received.result;
    const interval = unpairedRatioInterval(
      { mean: b.latency.mean, sd: b.latency.sd, n: b.latency.samplesCount },
      { mean: c.latency.mean, sd: c.latency.sd, n: c.latency.samplesCount },
      confidence,
    );
    return { kind: 'unpaired', verdict: judge(criterion, interval), interval, candidate: c.name, baseline: b.name, candidateResult: c, baselineResult: b, confidence };
  }
  const resolved = resolveMeasureOptions(options.measure);
  const candidateSource = toSource(received, 'candidate', resolved.minSampleMs);
  let baselineSource = toSource(baseline, 'baseline', resolved.minSampleMs);
  if (candidateSource.name === baselineSource.name) {
    const renamed = `${baselineSource.name} (baseline)`;
    const original = baselineSource;
    baselineSource = {
      name: renamed,
      warmup: () => original.warmup(),
      calibrate: () => original.calibrate(),
      sample: () => original.sample(),
      get callsPerSample() {
        return original.callsPerSample;
      },
    };
  }
  const measurement = await measureSources([baselineSource, candidateSource], {
    ...options.measure,
    seed: resolved.seed,
    criteria: { [candidateSource.name]: criterion },
  });
  const comparison = measurement.comparisons[0];
  if (!comparison) throw new Error('vitest-speedup: internal error: a measurement without a comparison.');
  return {
    kind: 'paired',
    verdict: comparison.verdict ?? 'inconclusive',
    interval: comparison.interval,
    candidate: comparison.candidate,
    baseline: comparison.baseline,
    measurement,
  };
}
