import type { RatioInterval } from '../stats/ratio-interval.ts';

/** What a comparison must show, as a speedup of the candidate over the baseline (baseline time / candidate time). */
export type Criterion =
  | { readonly kind: 'atLeast'; readonly k: number }
  | { readonly kind: 'atMost'; readonly k: number }
  | { readonly kind: 'within'; readonly lo: number; readonly hi: number };

/**
 * `pass`/`fail` only once the interval lies wholly on one side of the threshold(s);
 * `inconclusive` when the budget ran out first.
 */
export type Verdict = 'pass' | 'fail' | 'inconclusive';

/** Something the engine can time: returns the duration of one call, in milliseconds. */
export interface SampleSource {
  readonly name: string;
  /** Called during warm-up; may also calibrate (e.g. how many calls make one sample). */
  warmup(): Promise<void>;
  /** Ends warm-up: last chance to decide how many calls go into one sample. */
  calibrate(): void;
  /** One sample: milliseconds per call. */
  sample(): Promise<number>;
  /** Calls per sample, for reports. */
  readonly callsPerSample: number;
}

export type QualityFlagCode = 'noisy' | 'timer-resolution' | 'outliers' | 'drift' | 'shared-host' | 'few-rounds';

/** A reason to trust a measurement less, with a sentence a person can act on. */
export interface QualityFlag {
  readonly code: QualityFlagCode;
  readonly message: string;
}

/** One side of a comparison, summarised. Times are milliseconds per call. */
export interface SideSummary {
  readonly name: string;
  readonly samples: readonly number[];
  readonly median: number;
  readonly mean: number;
  /** Coefficient of variation of the samples. */
  readonly cv: number;
  readonly callsPerSample: number;
}

/** A candidate's speedup over the baseline. */
export interface Comparison {
  readonly candidate: string;
  readonly baseline: string;
  readonly interval: RatioInterval;
  /** Rounds that entered the interval (rounds minus excluded outliers). */
  readonly roundsUsed: number;
  /** Round indices whose log ratio has a modified z-score above 3.5. */
  readonly outlierRounds: readonly number[];
  /**
   * Whether those rounds were left out of the interval: only when they are few (at most 10% of
   * the rounds); more of them are a mode of the distribution, not interference, and are kept.
   */
  readonly outliersExcluded: boolean;
  readonly criterion: Criterion | undefined;
  /** Undefined when there was no criterion to judge against. */
  readonly verdict: Verdict | undefined;
}

export type StopReason = 'decided' | 'precise' | 'max-rounds' | 'max-time';

/** The result of a paired, interleaved measurement. */
export interface Measurement {
  readonly kind: 'paired';
  readonly baseline: SideSummary;
  readonly candidates: readonly SideSummary[];
  readonly comparisons: readonly Comparison[];
  /** Measured rounds (warm-up excluded). */
  readonly rounds: number;
  readonly warmupRounds: number;
  /** How many times the interval was checked, and the most it could have been. */
  readonly looks: number;
  readonly plannedLooks: number;
  /** Overall confidence; each look used 1 - (1 - confidence) / plannedLooks. */
  readonly confidence: number;
  readonly stopReason: StopReason;
  readonly elapsedMs: number;
  readonly seed: number;
  readonly flags: readonly QualityFlag[];
}
