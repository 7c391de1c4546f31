import { outlierIndices } from '../stats/outliers.ts';
import { seededRandom, shuffled } from '../stats/random.ts';
import { pairedLogRatioInterval } from '../stats/ratio-interval.ts';
import { coefficientOfVariation, mean, median } from '../stats/summary.ts';
import { judge } from './criterion.ts';
import { enterMeasurement } from './exclusive.ts';
import { qualityFlags } from './flags.ts';
import { lookSchedule, perLookLevel } from './looks.ts';
import { resolveMeasureOptions, type MeasureOptions } from './options.ts';
import type { Comparison, Criterion, Measurement, SampleSource, SideSummary, StopReason } from './types.ts';

export interface MeasureSourcesOptions extends MeasureOptions {
  /** Criterion per candidate name; sampling stops early once every one has a verdict. */
  readonly criteria?: Readonly<Record<string, Criterion>>;
}

/**
 * Measures a baseline and one or more candidates in randomized interleaved rounds.
 *
 * Every round times each side once, in a freshly shuffled order, so slow drift of the machine
 * and the order in which the JIT warms things up fall on both sides alike. At each scheduled
 * look the paired log-ratio interval of every candidate is computed; sampling stops as soon
 * as every criterion has a verdict (or, without criteria, every interval is precise enough),
 * and otherwise at `maxRounds` or `maxTimeMs`.
 *
 * @param sources - the baseline first, then the candidates.
 */
export async function measureSources(sources: readonly SampleSource[], options: MeasureSourcesOptions = {}): Promise<Measurement> {
  const o = resolveMeasureOptions(options);
  if (sources.length < 2) throw new RangeError('vitest-speedup: a comparison needs a baseline and at least one candidate.');
  const names = new Set(sources.map((s) => s.name));
  if (names.size !== sources.length) throw new TypeError(`vitest-speedup: every compared function needs its own name, received ${sources.map((s) => JSON.stringify(s.name)).join(', ')}.`);
  const criteria = options.criteria ?? {};
  for (const name of Object.keys(criteria)) {
    if (!names.has(name) || name === sources[0]?.name) throw new TypeError(`vitest-speedup: a criterion names ${JSON.stringify(name)}, which is not a candidate.`);
  }

  // With an injected clock nothing is timed on this machine, so others measuring cannot bias it.
  const guard = options.clock ? { others: () => [] as string[], release() {} } : enterMeasurement();
  try {
    return await run(sources, criteria, o);
  } finally {
    guard.release();
  }

  async function run(
    sources: readonly SampleSource[],
    criteria: Readonly<Record<string, Criterion>>,
    o: ReturnType<typeof resolveMeasureOptions>,
  ): Promise<Measurement> {
    const random = seededRandom(o.seed);
    const started = o.clock();
    const elapsed = (): number => o.clock() - started;
    const overBudget = (): boolean => elapsed() >= o.maxTimeMs;

    let warmupRounds = 0;
    while (warmupRounds < o.warmupRounds || (elapsed() < o.warmupTimeMs && warmupRounds < 10_000)) {
      for (const source of shuffled(sources, random)) await source.warmup();
      warmupRounds++;
      if (overBudget()) break;
    }
    for (const source of sources) source.calibrate();

    const samples: number[][] = sources.map(() => []);
    const schedule = lookSchedule(o.minRounds, o.maxRounds);
    const level = perLookLevel(o.confidence, schedule.length);
    const samplingStarted = elapsed();
    let rounds = 0;
    let looks = 0;
    let comparisons: Comparison[] = [];
    let stopReason: StopReason | undefined;

    while (stopReason === undefined) {
      const order = shuffled(
        sources.map((source, index) => ({ source, index })),
        random,
      );
      for (const { source, index } of order) (samples[index] as number[]).push(await source.sample());
      rounds++;

      const roundCost = (elapsed() - samplingStarted) / rounds;
      const budgetEnds = overBudget() || elapsed() + roundCost > o.maxTimeMs;
      const scheduled = schedule.includes(rounds);
      if (!scheduled && !(budgetEnds && rounds >= 2)) continue;

      looks++;
      comparisons = compare(sources, samples, criteria, level, o.outliers === 'exclude');
      const settled = comparisons.every((c) => (c.criterion ? c.verdict !== 'inconclusive' : precise(c, o.precision)));
      if (settled) stopReason = Object.keys(criteria).length > 0 ? 'decided' : 'precise';
      if (stopReason === undefined && rounds >= o.maxRounds) stopReason = 'max-rounds';
      if (stopReason === undefined && budgetEnds) stopReason = 'max-time';
    }

    const sides = sources.map((source, index) => summarize(source, samples[index] as number[]));
    const [baseline, ...candidates] = sides as [SideSummary, ...SideSummary[]];
    return {
      kind: 'paired',
      baseline,
      candidates,
      comparisons,
      rounds,
      warmupRounds,
      looks,
      plannedLooks: schedule.length,
      confidence: o.confidence,
      stopReason,
      elapsedMs: elapsed(),
      seed: o.seed,
      flags: qualityFlags({ baseline, candidates, comparisons, rounds, minRounds: o.minRounds, others: guard.others() }),
    };
  }
}

/** The largest share of rounds that may be excluded as outliers; beyond it all rounds are kept. */
const MAX_OUTLIER_SHARE = 0.1;

function compare(
  sources: readonly SampleSource[],
  samples: readonly number[][],
  criteria: Readonly<Record<string, Criterion>>,
  level: number,
  excludeOutliers: boolean,
): Comparison[] {
  const base = samples[0] as number[];
  return sources.slice(1).map((source, i) => {
    const own = samples[i + 1] as number[];
    const logRatios = own.map((c, round) => Math.log((base[round] as number) / c));
    const outlierRounds = excludeOutliers ? outlierIndices(logRatios) : [];
    // A few far-off rounds are interference; many are a second mode of the distribution (e.g.
    // one side preempted in a third of the rounds), and dropping them would bias the estimate.
    const outliersExcluded = outlierRounds.length > 0 && outlierRounds.length <= Math.max(1, Math.floor(MAX_OUTLIER_SHARE * logRatios.length));
    const kept = outliersExcluded ? logRatios.filter((_, round) => !outlierRounds.includes(round)) : logRatios;
    const interval = pairedLogRatioInterval(kept, level);
    const criterion = criteria[source.name];
    return {
      candidate: source.name,
      baseline: (sources[0] as SampleSource).name,
      interval,
      roundsUsed: kept.length,
      outlierRounds,
      outliersExcluded,
      criterion,
      verdict: criterion ? judge(criterion, interval) : undefined,
    };
  });
}

function precise(comparison: Comparison, precision: number): boolean {
  const { lower, upper, estimate } = comparison.interval;
  return (upper - lower) / 2 <= precision * estimate;
}

function summarize(source: SampleSource, samples: readonly number[]): SideSummary {
  return {
    name: source.name,
    samples,
    median: median(samples),
    mean: mean(samples),
    cv: coefficientOfVariation(samples),
    callsPerSample: source.callsPerSample,
  };
}
