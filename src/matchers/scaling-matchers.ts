import type { MatcherState, SyncMatcherResult } from 'vitest';
import { formatDuration } from '../engine/format-duration.ts';
import { describe } from '../engine/options.ts';
import { formatHostFactsInline, getHostFacts, measureParallelCeiling } from '../host/index.ts';
import type { ParallelCeiling } from '../host/types.ts';
import type { Estimate, ScalingCurve, ScalingCurvePoint } from '../scaling/measure-scaling.ts';
import type { HostSnapshot } from './options.ts';

/** Options of the scaling matchers. */
export interface ScalingMatcherOptions {
  /** Judge points up to this many workers. Default: the curve's effective cores. */
  readonly upTo?: number;
  /** `fail` (default) or `skip` when the intervals straddle the threshold. */
  readonly onInconclusive?: 'fail' | 'skip';
  /** `fail` (default) or `skip` when this host cannot reach the claim (one core, or a ceiling below it). */
  readonly onUnreachable?: 'fail' | 'skip';
  /** Host facts to use instead of this machine's. */
  readonly host?: HostSnapshot;
}

type Outcome = 'pass' | 'fail' | 'inconclusive';

const two = (x: number): string => x.toFixed(2);
const estimate = (e: Estimate): string => `${two(e.estimate)} [${two(e.lower)}, ${two(e.upper)}]`;

function isCurve(value: unknown): value is ScalingCurve {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'scaling-curve';
}

function validate(matcher: string, received: unknown, name: string, value: unknown, max: number, options: unknown): ScalingMatcherOptions {
  if (!isCurve(received)) {
    throw new TypeError(`${matcher}: expect(value) must be a scaling curve from measureScaling(...), received ${describe(received)}.`);
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > max) {
    const type = typeof value === 'number' ? RangeError : TypeError;
    throw new type(`${matcher}: \`${name}\` must be a number in (0, ${max}], received ${describe(value)}.`);
  }
  const o = (options ?? {}) as ScalingMatcherOptions;
  if (typeof o !== 'object') throw new TypeError(`${matcher}: options must be an object, received ${describe(options)}.`);
  if (o.upTo !== undefined && (!Number.isInteger(o.upTo) || o.upTo < 2)) {
    throw new RangeError(`${matcher}: option \`upTo\` must be an integer >= 2 (1 worker has no parallel efficiency), received ${describe(o.upTo)}.`);
  }
  for (const key of ['onInconclusive', 'onUnreachable'] as const) {
    if (o[key] !== undefined && o[key] !== 'fail' && o[key] !== 'skip') {
      throw new TypeError(`${matcher}: option \`${key}\` must be 'fail' or 'skip', received ${describe(o[key])}.`);
    }
  }
  return o;
}

function table(curve: ScalingCurve): string[] {
  const rows = curve.points.map((p) => [
    String(p.workers),
    p.workers === 1 && curve.baseline !== 'baseline' ? '1.00x (baseline)' : `${two(p.speedup.estimate)}x [${two(p.speedup.lower)}, ${two(p.speedup.upper)}]`,
    p.workers === 1 && curve.baseline !== 'baseline' ? '1.00' : estimate(p.efficiency),
    p.karpFlatt ? two(p.karpFlatt.estimate) : '-',
    formatDuration(p.medianMs),
    p.oversubscribed ? `oversubscribed (${curve.effectiveCores} effective cores): not judged` : '',
  ]);
  const header = ['workers', 'speedup', 'efficiency', 'Karp-Flatt', 'median', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]): string => `  ${cells.map((c, i) => c.padEnd(widths[i] as number)).join('  ')}`.trimEnd();
  return [line(header), ...rows.map(line)];
}

function footer(curve: ScalingCurve, host: string): string[] {
  const m = curve.measurement;
  const fit = curve.amdahl
    ? `Amdahl:   serial fraction ${two(curve.amdahl.serialFraction)} (speedup limit ${Number.isFinite(curve.amdahl.maxSpeedup) ? `${two(curve.amdahl.maxSpeedup)}x` : 'none'})`
    : 'Amdahl:   no point with more than one worker to fit';
  return [
    fit,
    `Rounds:   ${m.rounds} measured after ${m.warmupRounds} warm-up, ${m.looks} of up to ${m.plannedLooks} looks, stopped: ${m.stopReason} after ${formatDuration(m.elapsedMs)}`,
    ...(m.flags.length === 0 ? [] : ['Quality:', ...m.flags.map((f) => `  - ${f.code}: ${f.message}`)]),
    `Host:     ${host}`,
  ];
}

async function hostLine(options: ScalingMatcherOptions, curve: ScalingCurve): Promise<{ line: string; ceiling: ParallelCeiling | undefined }> {
  const snapshot = options.host ?? { facts: getHostFacts() };
  const ceiling = snapshot.ceiling ?? (curve.effectiveCores > 1 ? await measureParallelCeiling() : undefined);
  return { line: formatHostFactsInline(snapshot.facts, ceiling), ceiling };
}

async function finish(state: MatcherState, matcher: string, outcome: Outcome, message: () => string, o: ScalingMatcherOptions, unreachable: boolean): Promise<SyncMatcherResult> {
  const skip = (unreachable && o.onUnreachable === 'skip') || (outcome === 'inconclusive' && o.onInconclusive === 'skip');
  if (skip) {
    const context = (state.task as unknown as { context?: { skip: (note: string) => never; annotate: (m: string, t: string) => Promise<unknown> } })?.context;
    if (context) {
      await context.annotate(message(), 'vitest-speedup');
      context.skip(unreachable ? `${matcher}: unreachable on this host` : `${matcher}: inconclusive`);
    }
  }
  if (unreachable) return { pass: false, message };
  // An inconclusive curve fails with and without .not (expect.extend inverts `pass` for .not).
  if (outcome === 'inconclusive') return { pass: state.isNot, message };
  return { pass: outcome === 'pass', message };
}

/** Matchers over a measured {@link ScalingCurve}. */
export const scalingMatchers = {
  async toScaleWithEfficiencyAtLeast(this: MatcherState, received: unknown, efficiency: unknown, options?: unknown) {
    const matcher = 'toScaleWithEfficiencyAtLeast';
    const o = validate(matcher, received, 'efficiency', efficiency, 1, options);
    const curve = received as ScalingCurve;
    const e = efficiency as number;
    const upTo = o.upTo ?? curve.effectiveCores;
    const judged = curve.points.filter((p) => p.workers > 1 && p.workers <= upTo && !p.oversubscribed);
    const { line, ceiling } = await hostLine(o, curve);
    const hint = this.utils.matcherHint(matcher, 'curve', 'efficiency', { isNot: this.isNot, promise: this.promise });
    const largest = judged.at(-1);
    const unreachableReason =
      judged.length === 0
        ? `no point with 2..${upTo} workers fits on this host's ${curve.effectiveCores} effective core${curve.effectiveCores === 1 ? '' : 's'}, so there is no parallel efficiency to judge.`
        : !this.isNot && ceiling && largest && e * largest.workers > ceiling.ceiling
          ? `efficiency ${two(e)} at ${largest.workers} workers needs a ${two(e * largest.workers)}x speedup, above this host's measured parallel ceiling of ${two(ceiling.ceiling)}x.`
          : undefined;
    const worst = [...judged].sort((a, b) => a.efficiency.estimate - b.efficiency.estimate)[0];
    const outcome: Outcome = judged.every((p) => p.efficiency.lower >= e) ? 'pass' : judged.some((p) => p.efficiency.upper < e) ? 'fail' : 'inconclusive';
    const verdict = (point: ScalingCurvePoint | undefined): string => {
      const at = point ? `at ${point.workers} workers it measured ${estimate(point.efficiency)}` : '';
      if (outcome === 'inconclusive') return `Inconclusive: could not tell whether ${curve.name} scales with efficiency >= ${two(e)}: ${at} (${+(curve.measurement.confidence * 100).toFixed(2)}% CI), which straddles it.`;
      return `Expected ${curve.name} ${this.isNot ? 'not ' : ''}to scale with efficiency >= ${two(e)} up to ${upTo} workers, but ${at} (${+(curve.measurement.confidence * 100).toFixed(2)}% CI).`;
    };
    const message = (): string =>
      [
        hint,
        '',
        unreachableReason ? `Unreachable on this host: ${unreachableReason}` : verdict(outcome === 'pass' ? worst : judged.find((p) => p.efficiency.upper < e) ?? worst),
        '',
        ...table(curve),
        '',
        ...footer(curve, line),
      ].join('\n');
    return finish(this, matcher, outcome, message, o, unreachableReason !== undefined);
  },

  async toHaveSerialFractionAtMost(this: MatcherState, received: unknown, fraction: unknown, options?: unknown) {
    const matcher = 'toHaveSerialFractionAtMost';
    const o = validate(matcher, received, 'fraction', fraction, 1, options);
    const curve = received as ScalingCurve;
    const f = fraction as number;
    const { line } = await hostLine(o, curve);
    const hint = this.utils.matcherHint(matcher, 'curve', 'fraction', { isNot: this.isNot, promise: this.promise });
    const sf = curve.serialFraction;
    const outcome: Outcome = !sf ? 'inconclusive' : sf.upper <= f ? 'pass' : sf.lower > f ? 'fail' : 'inconclusive';
    const unreachable = !sf;
    const message = (): string =>
      [
        hint,
        '',
        !sf
          ? `Unreachable on this host: no point with more than one worker fits on ${curve.effectiveCores} effective core${curve.effectiveCores === 1 ? '' : 's'}, so there is no serial fraction to estimate.`
          : outcome === 'inconclusive'
            ? `Inconclusive: could not tell whether the serial fraction of ${curve.name} is at most ${two(f)}: Karp-Flatt measured ${estimate(sf)}, which straddles it.`
            : `Expected the serial fraction of ${curve.name} ${this.isNot ? 'not ' : ''}to be at most ${two(f)}, but Karp-Flatt measured ${estimate(sf)}.`,
        '',
        ...table(curve),
        '',
        ...footer(curve, line),
      ].join('\n');
    return finish(this, matcher, outcome, message, o, unreachable);
  },
};
