import { describe, expect, it } from 'vitest';
import { makeTestbed } from '../../src/baselines/testbed.ts';
import type { Comparison, Measurement, SideSummary } from '../../src/engine/types.ts';
import { createReport, groupFromMeasurement, groupFromScalingCurve, scalingFromPoints } from '../../src/report/convert.ts';
import { scalingCurveOf } from '../../src/scaling/measure-scaling.ts';
import { SpeedupFileError } from '../../src/report/errors.ts';
import type { ReportGroup } from '../../src/report/schema.ts';

function side(name: string, median: number): SideSummary {
  return { name, samples: [median, median], median, mean: median, cv: 0.05, callsPerSample: 1 };
}

function comparison(candidate: string, estimate: number, verdict?: Comparison['verdict']): Comparison {
  // Asserted rather than annotated: the engine's Comparison may grow fields this converter ignores.
  return {
    candidate,
    baseline: 'sequential',
    interval: { estimate, lower: estimate * 0.95, upper: estimate * 1.05, level: 0.995, df: 11 },
    roundsUsed: 12,
    outlierRounds: [],
    outliersExcluded: false,
    criterion: verdict === undefined ? undefined : { kind: 'atLeast', k: 1.2 },
    verdict,
  } as Comparison;
}

const measurement: Measurement = {
  kind: 'paired',
  baseline: side('sequential', 300),
  candidates: [side('bounded', 160), side('bounded(5)', 80)],
  comparisons: [comparison('bounded', 1.875, 'pass'), comparison('bounded(5)', 3.75)],
  rounds: 12,
  warmupRounds: 2,
  looks: 3,
  plannedLooks: 5,
  confidence: 0.995,
  stopReason: 'decided',
  elapsedMs: 5000,
  seed: 1,
  flags: [
    { code: 'noisy', message: 'bounded(5): samples vary by 40% (sd / mean); pairing cancels shared slowdowns but the interval is wider.' },
    { code: 'drift', message: 'sequential got 25% slower from the first to the second half of the run; interleaving cancels this in the ratio.' },
    { code: 'shared-host', message: 'measured while other.test.ts also measured: they compete for the CPU.' },
  ],
};

const testbed = makeTestbed({ effectiveCores: 2, ceilingBand: '1.75-2.00', cpuModel: 'Test CPU', nodeMajor: 24, os: 'linux-x64' });

describe('groupFromMeasurement', () => {
  it('makes one entry per side, the baseline first with speedup null', () => {
    const group = groupFromMeasurement(measurement, { title: 'waits', workers: { sequential: 1, 'bounded(5)': 5 } });
    expect(group).toEqual({
      title: 'waits',
      baseline: 'sequential',
      rounds: 12,
      stopReason: 'decided',
      notes: measurement.flags.map((flag) => flag.message),
      entries: [
        { name: 'sequential', medianMs: 300, speedup: null, workers: 1, efficiency: 1, flags: ['drift', 'shared-host'] },
        { name: 'bounded', medianMs: 160, speedup: { estimate: 1.875, lower: 1.875 * 0.95, upper: 1.875 * 1.05, level: 0.995 }, flags: ['shared-host'], verdict: 'pass' },
        { name: 'bounded(5)', medianMs: 80, speedup: { estimate: 3.75, lower: 3.75 * 0.95, upper: 3.75 * 1.05, level: 0.995 }, workers: 5, efficiency: 0.75, flags: ['noisy', 'shared-host'] },
      ],
    } satisfies ReportGroup);
  });

  it('attributes a flag to the longest side name its message starts with', () => {
    const group = groupFromMeasurement({ ...measurement, flags: [measurement.flags[0] as Measurement['flags'][number]] }, { title: 't' });
    expect(group.entries.map((entry) => entry.flags)).toEqual([[], [], ['noisy']]);
    expect(group.notes).toHaveLength(1);
    expect(groupFromMeasurement({ ...measurement, flags: [] }, { title: 't' })).not.toHaveProperty('notes');
  });

  it('adds a scaling curve from the entries with workers, and a timeline', () => {
    const timeline = { start: 0, end: 10, entries: [{ index: 0, lane: 'main', start: 0, end: 10 }] };
    const group = groupFromMeasurement(measurement, {
      title: 'waits',
      workers: { sequential: 1, bounded: 2, 'bounded(5)': 5 },
      scaling: { effectiveCores: 2 },
      timeline,
    });
    expect(group.timeline).toBe(timeline);
    expect(group.scaling?.points.map((point) => [point.workers, point.speedup, point.oversubscribed])).toEqual([
      [1, 1, false],
      [2, 1.875, false],
      [5, 3.75, true],
    ]);
    // Fitted on the points within the cores only: S(2) = 1.875 gives f = 2/1.875 - 1 = 0.0667.
    expect(group.scaling?.amdahl?.serialFraction).toBeCloseTo(2 / 1.875 - 1, 6);
  });

  it('rejects a missing title and bad worker counts', () => {
    expect(() => groupFromMeasurement(measurement, { title: '' })).toThrow('groupFromMeasurement(measurement, options): options.title must be a non-empty string, received "".');
    expect(() => groupFromMeasurement(measurement, { title: 't', workers: { bounded: 0 } })).toThrow(
      'groupFromMeasurement(measurement, options): options.workers["bounded"] must be a positive number, received 0.',
    );
  });
});

describe('scalingFromPoints', () => {
  it('sorts, marks oversubscribed points and fits Amdahl on the rest', () => {
    const scaling = scalingFromPoints(
      [
        { workers: 4, speedup: 3.0769, lower: 2.9, upper: 3.2 },
        { workers: 1, speedup: 1 },
        { workers: 2, speedup: 1.8182, lower: 1.7, upper: 1.9 },
        { workers: 8, speedup: 3.1, lower: 2.8, upper: 3.4 },
      ],
      { effectiveCores: 4 },
    );
    expect(scaling.points.map((point) => [point.workers, point.lower, point.upper, point.oversubscribed])).toEqual([
      [1, 1, 1, false],
      [2, 1.7, 1.9, false],
      [4, 2.9, 3.2, false],
      [8, 2.8, 3.4, true],
    ]);
    expect(scaling.amdahl?.serialFraction).toBeCloseTo(0.1, 3);
  });

  it('has no fit without a point of more than one worker within the cores', () => {
    expect(scalingFromPoints([{ workers: 1, speedup: 1 }, { workers: 4, speedup: 1.9 }], { effectiveCores: 2 })).not.toHaveProperty('amdahl');
  });
});

describe('groupFromScalingCurve', () => {
  it('has one entry per worker count, with efficiency, and the curve with its Amdahl fit', () => {
    const scalingMeasurement: Measurement = {
      ...measurement,
      baseline: side('1 worker', 300),
      candidates: [side('2 workers', 160), side('4 workers', 150)],
      comparisons: [{ ...comparison('2 workers', 1.875, 'pass'), baseline: '1 worker' }, { ...comparison('4 workers', 2), baseline: '1 worker' }],
      flags: [],
    };
    const curve = scalingCurveOf(scalingMeasurement, { workers: [1, 2, 4], effectiveCores: 2, name: 'sieve scaling', minEfficiency: 0.8, baseline: '1 worker' });
    const group = groupFromScalingCurve(curve);
    expect(group.title).toBe('sieve scaling');
    expect(group.entries.map((entry) => [entry.name, entry.workers, entry.efficiency, entry.verdict])).toEqual([
      ['1 worker', 1, 1, undefined],
      ['2 workers', 2, 1.875 / 2, 'pass'],
      ['4 workers', 4, 0.5, undefined],
    ]);
    expect(group.scaling?.points.map((point) => [point.workers, point.speedup, point.oversubscribed])).toEqual([
      [1, 1, false],
      [2, 1.875, false],
      [4, 2, true],
    ]);
    expect(group.scaling?.amdahl?.serialFraction).toBeCloseTo(curve.amdahl?.serialFraction ?? Number.NaN, 12);
    expect(groupFromScalingCurve(curve, { title: 'other' }).title).toBe('other');
  });
});

describe('createReport', () => {
  it('assembles and validates a report', () => {
    const report = createReport({ testbed, groups: [groupFromMeasurement(measurement, { title: 'waits' })], createdAt: new Date(Date.UTC(2026, 0, 2)) });
    expect(report).toMatchObject({ schemaVersion: 1, kind: 'vitest-speedup-report', createdAt: '2026-01-02T00:00:00.000Z', tool: { name: 'vitest-speedup' } });
    expect(report.tool.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('rejects a report that would not read back', () => {
    const group = groupFromMeasurement(measurement, { title: 'waits' });
    expect(() => createReport({ testbed, groups: [group, group] })).toThrow(SpeedupFileError);
    expect(() => createReport({ testbed, groups: [group, group] })).toThrow(
      'groups[1].title: "waits" is also the title of groups[0]; titles must be unique (compare matches groups by title)',
    );
  });
});
