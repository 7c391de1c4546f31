import { createRequire } from 'node:module';
import type { Testbed } from '../baselines/testbed.ts';
import type { Measurement, QualityFlag } from '../engine/types.ts';
import { amdahlFit } from '../scaling/amdahl.ts';
import { workersLabel } from '../scaling/measure-scaling.ts';
import type { ScalingCurve } from '../scaling/measure-scaling.ts';
import type { Timeline } from '../strategies/types.ts';
import { REPORT_KIND, REPORT_SCHEMA_VERSION } from './schema.ts';
import type { ReportEntry, ReportGroup, ReportScaling, ReportScalingPoint, ReportSpeedup, SpeedupReport } from './schema.ts';
import { validateReport } from './validate.ts';

/** Options of {@link groupFromMeasurement}. */
export interface GroupFromMeasurementOptions {
  /** Heading of the group; unique within a report (compare matches groups by title). */
  readonly title: string;
  /** Workers each strategy used, by name: adds `workers` and `efficiency` to those entries. */
  readonly workers?: Readonly<Record<string, number>>;
  /**
   * Adds a scaling curve built from the entries that have `workers` (see {@link scalingFromEntries}):
   * meaningful when the baseline is the one-worker run of the same work.
   */
  readonly scaling?: { readonly effectiveCores: number };
  /** A timeline of one run, drawn by the HTML report. */
  readonly timeline?: Timeline;
}

/**
 * Converts a paired measurement into a report group: one entry per side (the baseline first,
 * with `speedup: null`), medians in ms, speedups with their intervals, verdicts where a criterion
 * was judged, and the measurement's quality flags: a flag whose message names a side goes to
 * that entry, a flag about the whole run (shared host, too few rounds) to every entry. The flag
 * messages are kept as the group's `notes`.
 *
 * @example
 * ```ts
 * const measurement = await compareFunctions(sequentialRun, { 'piscina(2)': parallelRun });
 * const group = groupFromMeasurement(measurement, { title: 'sieve', workers: { sequential: 1, 'piscina(2)': 2 } });
 * ```
 */
export function groupFromMeasurement(measurement: Measurement, options: GroupFromMeasurementOptions): ReportGroup {
  const where = 'groupFromMeasurement(measurement, options)';
  if (typeof options?.title !== 'string' || options.title === '') {
    throw new TypeError(`${where}: options.title must be a non-empty string, received ${typeof options?.title === 'string' ? '""' : typeof options?.title}.`);
  }
  const workers = options.workers ?? {};
  for (const [name, count] of Object.entries(workers)) {
    if (typeof count !== 'number' || !Number.isFinite(count) || count <= 0) {
      throw new RangeError(`${where}: options.workers[${JSON.stringify(name)}] must be a positive number, received ${String(count)}.`);
    }
  }
  const sides = [measurement.baseline, ...measurement.candidates];
  const flagsByName = attributeFlags(measurement.flags, sides.map((side) => side.name));

  const entries: ReportEntry[] = sides.map((side, i) => {
    const comparison = i === 0 ? undefined : measurement.comparisons[i - 1];
    const speedup = comparison === undefined ? null : pick(comparison.interval, measurement.confidence);
    const count = workers[side.name];
    return {
      name: side.name,
      medianMs: side.median,
      speedup,
      ...(count === undefined ? {} : { workers: count, efficiency: (speedup?.estimate ?? 1) / count }),
      flags: flagsByName.get(side.name) ?? [],
      ...(comparison?.verdict === undefined ? {} : { verdict: comparison.verdict }),
    };
  });

  const group: ReportGroup = {
    title: options.title,
    baseline: measurement.baseline.name,
    entries,
    rounds: measurement.rounds,
    stopReason: measurement.stopReason,
    ...(measurement.flags.length === 0 ? {} : { notes: measurement.flags.map((flag) => flag.message) }),
    ...(options.timeline === undefined ? {} : { timeline: options.timeline }),
  };
  if (options.scaling === undefined) return group;
  const scaling = scalingFromEntries(entries, options.scaling);
  return scaling === undefined ? group : { ...group, scaling };
}

/**
 * The level reported is the measurement's overall confidence: each look's interval is computed
 * at a Bonferroni-adjusted level so that the verdict over all looks holds at this one, which is
 * also what the matchers print.
 */
function pick(interval: { estimate: number; lower: number; upper: number }, confidence: number): ReportSpeedup {
  return { estimate: interval.estimate, lower: interval.lower, upper: interval.upper, level: confidence };
}

/** Flag codes per side name: by the name a message starts with, or every side for run-wide flags. */
function attributeFlags(flags: readonly QualityFlag[], names: readonly string[]): Map<string, string[]> {
  const byName = new Map<string, string[]>(names.map((name) => [name, []]));
  const add = (name: string, code: string): void => {
    const list = byName.get(name) as string[];
    if (!list.includes(code)) list.push(code);
  };
  // Longest first, so that "bounded(5): ..." is not taken for a flag of "bounded".
  const longestFirst = [...names].sort((a, b) => b.length - a.length);
  for (const flag of flags) {
    const owner = longestFirst.find((name) => flag.message.startsWith(`${name}:`) || flag.message.startsWith(`${name} `));
    if (owner !== undefined) add(owner, flag.code);
    else for (const name of names) add(name, flag.code);
  }
  return byName;
}

/** A measured point for {@link scalingFromPoints}; `lower`/`upper` default to `speedup`. */
export interface ScalingInput {
  readonly workers: number;
  readonly speedup: number;
  readonly lower?: number;
  readonly upper?: number;
}

/**
 * Builds a scaling curve: points sorted by workers, `oversubscribed` where workers exceed the
 * effective cores, and an Amdahl fit (via `amdahlFit` from src/scaling) over the points that are
 * not oversubscribed, when one of them has more than one worker. Oversubscribed points measure
 * time slicing rather than a serial fraction, so they would bias the fit.
 *
 * @example
 * ```ts
 * scalingFromPoints([{ workers: 1, speedup: 1 }, { workers: 2, speedup: 1.8, lower: 1.7, upper: 1.9 }], { effectiveCores: 2 });
 * ```
 */
export function scalingFromPoints(points: readonly ScalingInput[], options: { readonly effectiveCores: number }): ReportScaling {
  const sorted: ReportScalingPoint[] = [...points]
    .sort((a, b) => a.workers - b.workers)
    .map((point) => ({
      workers: point.workers,
      speedup: point.speedup,
      lower: point.lower ?? point.speedup,
      upper: point.upper ?? point.speedup,
      oversubscribed: point.workers > options.effectiveCores,
    }));
  const fittable = sorted.filter((point) => !point.oversubscribed);
  if (!fittable.some((point) => point.workers > 1)) return { points: sorted };
  return { points: sorted, amdahl: { serialFraction: amdahlFit(fittable).serialFraction } };
}

/**
 * A scaling curve from a group's entries that have `workers`: the baseline counts as speedup 1
 * at its worker count. Undefined when fewer than two entries have `workers`.
 */
export function scalingFromEntries(entries: readonly ReportEntry[], options: { readonly effectiveCores: number }): ReportScaling | undefined {
  const points: ScalingInput[] = [];
  for (const entry of entries) {
    if (entry.workers === undefined) continue;
    const { speedup } = entry;
    points.push(speedup === null ? { workers: entry.workers, speedup: 1 } : { workers: entry.workers, speedup: speedup.estimate, lower: speedup.lower, upper: speedup.upper });
  }
  return points.length < 2 ? undefined : scalingFromPoints(points, options);
}

/**
 * Converts a scaling curve (from `measureScaling`) into a report group: one entry per worker
 * count (`1 worker`, `2 workers`, ...) with workers and efficiency, the curve's points with their
 * intervals and oversubscription, and its Amdahl fit.
 *
 * @example
 * ```ts
 * const curve = await measureScaling((n) => () => pools[n].run(workload), { workers: [1, 2, 4] });
 * const group = groupFromScalingCurve(curve, { title: 'sieve scaling' });
 * ```
 */
export function groupFromScalingCurve(curve: ScalingCurve, options: { readonly title?: string; readonly timeline?: Timeline } = {}): ReportGroup {
  const workers: Record<string, number> = {};
  for (const point of curve.points) workers[workersLabel(point.workers)] = point.workers;
  const group = groupFromMeasurement(curve.measurement, {
    title: options.title ?? curve.name,
    workers,
    ...(options.timeline === undefined ? {} : { timeline: options.timeline }),
  });
  const scaling: ReportScaling = {
    points: curve.points.map((point) => ({
      workers: point.workers,
      speedup: point.speedup.estimate,
      lower: point.speedup.lower,
      upper: point.speedup.upper,
      oversubscribed: point.oversubscribed,
    })),
    ...(curve.amdahl === null ? {} : { amdahl: { serialFraction: curve.amdahl.serialFraction } }),
  };
  return { ...group, scaling };
}

/** Options of {@link createReport}. */
export interface CreateReportOptions {
  readonly testbed: Testbed;
  readonly groups: readonly ReportGroup[];
  /** Default: now. */
  readonly createdAt?: Date | string;
  /** Default: the version in vitest-speedup's package.json. */
  readonly toolVersion?: string;
}

/**
 * Assembles a report (schema version 1) and validates it, so that a report that would not read
 * back is rejected when it is made rather than when it is compared.
 *
 * @throws SpeedupFileError (`invalid`) listing the offending fields.
 * @example
 * ```ts
 * const report = createReport({ testbed: testbedFromHost(getHostFacts(), ceiling), groups: [group] });
 * await writeReport(report, 'bench-report');
 * ```
 */
export function createReport(options: CreateReportOptions): SpeedupReport {
  const createdAt = options.createdAt ?? new Date();
  return validateReport({
    schemaVersion: REPORT_SCHEMA_VERSION,
    kind: REPORT_KIND,
    createdAt: typeof createdAt === 'string' ? createdAt : createdAt.toISOString(),
    tool: { name: 'vitest-speedup', version: options.toolVersion ?? toolVersion() },
    testbed: options.testbed,
    groups: options.groups,
  });
}

let cachedVersion: string | undefined;

/** The version of vitest-speedup, from its package.json. */
export function toolVersion(): string {
  cachedVersion ??= (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
  return cachedVersion;
}
