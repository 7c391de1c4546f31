import type { MatcherState, SyncMatcherResult } from 'vitest';
import { formatDuration } from '../engine/format-duration.ts';
import { functionSource, type Measurable } from '../engine/function-source.ts';
import { measureSources } from '../engine/measure.ts';
import { describe, resolveMeasureOptions } from '../engine/options.ts';
import type { SampleSource } from '../engine/types.ts';
import { formatHostFactsInline, getHostFacts } from '../host/index.ts';
import { resolveMatcherOptions } from './options.ts';
import { isModelThreshold, type ModelThreshold } from './thresholds.ts';

/** A duration bound in ms: a number, or one end of a `modelBand(..., ' ms')`. */
export type DurationBound = number | ModelThreshold;

/**
 * A reference that "takes" exactly 1 ms per sample without running anything: the speedup of
 * the measured function over it is 1 / duration, so the engine's interleaving, adaptive stop,
 * intervals and flags apply to a single function's duration unchanged.
 */
function oneMillisecond(): SampleSource {
  return { name: '1 ms reference', callsPerSample: 1, warmup: async () => {}, calibrate() {}, sample: async () => 1 };
}

function bound(matcher: string, name: string, value: unknown): { ms: number; derivation: string } {
  if (isModelThreshold(value)) return { ms: value.value, derivation: value.derivation };
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    const type = typeof value === 'number' ? RangeError : TypeError;
    throw new type(`${matcher}: \`${name}\` must be a duration in ms > 0 or a modelBand(...) end, received ${describe(value)}.`);
  }
  return { ms: value, derivation: '' };
}

/**
 * `toHaveDurationWithin([lo, hi])`: the function's duration per call (geometric mean over
 * rounds, with its interval) lies inside [lo, hi] ms. For work whose time a model predicts
 * (I/O with injected latency), never for CPU work on a shared machine.
 */
export const durationMatchers = {
  async toHaveDurationWithin(this: MatcherState, received: unknown, band: unknown, options?: unknown): Promise<SyncMatcherResult> {
    const matcher = 'toHaveDurationWithin';
    if (typeof received !== 'function') {
      throw new TypeError(`${matcher}: expect(value) must be a function to measure (sync or async), received ${describe(received)}.`);
    }
    if (!Array.isArray(band) || band.length !== 2) {
      throw new TypeError(`${matcher}: \`band\` must be a pair [lo, hi] in ms, or modelBand(expectedMs, tolerance, description, ' ms'), received ${describe(band)}.`);
    }
    const lo = bound(matcher, 'band[0]', band[0]);
    const hi = bound(matcher, 'band[1]', band[1]);
    if (lo.ms > hi.ms) throw new RangeError(`${matcher}: \`band\` [${lo.ms}, ${hi.ms}] is empty because lo > hi. Pass [lo, hi] with lo <= hi.`);
    const o = resolveMatcherOptions(matcher, options);
    const resolved = resolveMeasureOptions(o.measure);
    const fn = received as Measurable;
    const name = fn.name && fn.name !== 'anonymous' ? fn.name : 'received';
    const measurement = await measureSources([oneMillisecond(), functionSource(name, fn, resolved.minSampleMs)], {
      ...o.measure,
      seed: resolved.seed,
      // speedup over the 1 ms reference = 1 / duration
      criteria: { [name]: { kind: 'within', lo: 1 / hi.ms, hi: 1 / lo.ms } },
    });
    const comparison = measurement.comparisons[0];
    if (!comparison) throw new Error('vitest-speedup: internal error: a measurement without a comparison.');
    const i = comparison.interval;
    const duration = { estimate: 1 / i.estimate, lower: 1 / i.upper, upper: 1 / i.lower };
    const verdict = comparison.verdict ?? 'inconclusive';
    const measured = `${formatDuration(duration.estimate)} [${formatDuration(duration.lower)}, ${formatDuration(duration.upper)}] (${+(measurement.confidence * 100).toFixed(2)}% CI)`;
    const expected = `within [${formatDuration(lo.ms)}, ${formatDuration(hi.ms)}]`;
    const derivation = [lo.derivation, hi.derivation].filter(Boolean).join('; ');
    const host = formatHostFactsInline((o.host ?? { facts: getHostFacts() }).facts, o.host?.ceiling);
    const message = (): string =>
      [
        this.utils.matcherHint(matcher, 'received', 'band', { isNot: this.isNot, promise: this.promise }),
        '',
        verdict === 'inconclusive'
          ? `Inconclusive: could not tell whether ${name} takes ${expected}: the interval ${measured} straddles the band's edge.`
          : `Expected ${name} ${this.isNot ? 'not ' : ''}to take ${expected} per call, but measured ${measured}.`,
        '',
        `Expected: ${this.isNot ? 'not ' : ''}${expected}${derivation ? ` (${derivation})` : ''}`,
        `Received: ${measured}`,
        '',
        `Rounds:   ${measurement.rounds} measured after ${measurement.warmupRounds} warm-up, stopped: ${measurement.stopReason} after ${formatDuration(measurement.elapsedMs)}`,
        ...(measurement.flags.length === 0 ? ['Quality:  no flags'] : ['Quality:', ...measurement.flags.map((f) => `  - ${f.code}: ${f.message}`)]),
        `Host:     ${host}`,
      ].join('\n');
    if (verdict === 'inconclusive') return { pass: this.isNot, message, actual: duration.estimate, expected: [lo.ms, hi.ms] };
    return { pass: verdict === 'pass', message, actual: duration.estimate, expected: [lo.ms, hi.ms] };
  },
};
