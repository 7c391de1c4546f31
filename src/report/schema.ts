import type { Testbed } from '../baselines/testbed.ts';
import type { StopReason, Verdict } from '../engine/types.ts';
import type { Timeline } from '../strategies/types.ts';

/** The schema version of report.json that this version of vitest-speedup reads and writes. */
export const REPORT_SCHEMA_VERSION = 1;

/** The `kind` field of every report, so that a report is never mistaken for another JSON file. */
export const REPORT_KIND = 'vitest-speedup-report';

/** A speedup (baseline time / candidate time) with its two-sided confidence interval. */
export interface ReportSpeedup {
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
  /** Confidence level of [lower, upper], e.g. 0.995. */
  readonly level: number;
}

/** One strategy of a comparison. */
export interface ReportEntry {
  readonly name: string;
  /** Median time per call, in ms. */
  readonly medianMs: number;
  /** Speedup over the group's baseline; `null` on the baseline itself. */
  readonly speedup: ReportSpeedup | null;
  /** Workers the strategy used, when known. */
  readonly workers?: number;
  /** `speedup / workers` (the baseline counts as speedup 1); present when `workers` is. */
  readonly efficiency?: number;
  /** Quality flag codes that concern this entry (`noisy`, `drift`, ...). */
  readonly flags: readonly string[];
  /** The verdict of an assertion on this entry, if one was made. */
  readonly verdict?: Verdict;
}

/** One point of a scaling curve: the speedup with `workers` workers over one worker. */
export interface ReportScalingPoint {
  readonly workers: number;
  readonly speedup: number;
  readonly lower: number;
  readonly upper: number;
  /** More workers than effective cores: the point measures time slicing, not parallelism. */
  readonly oversubscribed: boolean;
}

/** Speedup against worker count, with the Amdahl fit when one was possible. */
export interface ReportScaling {
  readonly points: readonly ReportScalingPoint[];
  readonly amdahl?: { readonly serialFraction: number };
}

/** One comparison: a baseline and its candidates, measured together. */
export interface ReportGroup {
  readonly title: string;
  /** Name of the baseline entry (the one with `speedup: null`). */
  readonly baseline: string;
  /** The baseline first, then the candidates in measurement order. */
  readonly entries: readonly ReportEntry[];
  /** Measured rounds. */
  readonly rounds: number;
  readonly stopReason: StopReason;
  /** Quality flag messages of the measurement: what to trust less and what to do about it. */
  readonly notes?: readonly string[];
  readonly scaling?: ReportScaling;
  /** Who ran what when, in one run of one strategy. */
  readonly timeline?: Timeline;
}

/** The JSON document `writeReport` stores as report.json (schema version 1). */
export interface SpeedupReport {
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  readonly kind: typeof REPORT_KIND;
  /** ISO timestamp of when the report was created. */
  readonly createdAt: string;
  /** The vitest-speedup that wrote the report. */
  readonly tool: { readonly name: 'vitest-speedup'; readonly version: string };
  /** The machine the speedups were measured on. */
  readonly testbed: Testbed;
  readonly groups: readonly ReportGroup[];
}

/** Stop reasons a report may hold (those of the measurement engine). */
export const STOP_REASONS: readonly StopReason[] = ['decided', 'precise', 'max-rounds', 'max-time'];

/** Verdicts a report may hold. */
export const VERDICTS: readonly Verdict[] = ['pass', 'fail', 'inconclusive'];
