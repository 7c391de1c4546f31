import { describe, resolveMeasureOptions, type MeasureOptions } from '../engine/options.ts';
import type { HostFacts, ParallelCeiling } from '../host/types.ts';

/** Host facts handed to a matcher instead of reading this machine (tests, or a recorded host). */
export interface HostSnapshot {
  readonly facts: HostFacts;
  readonly ceiling?: ParallelCeiling;
}

/** Options of the speedup matchers: the measurement options plus what to do with the two non-verdicts. */
export interface SpeedupMatcherOptions extends MeasureOptions {
  /**
   * What an inconclusive measurement does: `fail` (default) fails the test and says what to try;
   * `skip` skips it with an annotation.
   */
  readonly onInconclusive?: 'fail' | 'skip';
  /**
   * The claim is about CPU parallelism, so it cannot exceed the host's measured parallel ceiling.
   * Defaults to true for `cores()` / `ceiling()` thresholds, false for plain numbers.
   */
  readonly cpuBound?: boolean;
  /** What a threshold above the host's measured ceiling does: `fail` (default) or `skip` with an annotation. */
  readonly onUnreachable?: 'fail' | 'skip';
  /** Host facts to use instead of this machine's (deterministic messages in tests). */
  readonly host?: HostSnapshot;
}

export interface ResolvedMatcherOptions {
  readonly measure: MeasureOptions;
  readonly onInconclusive: 'fail' | 'skip';
  readonly onUnreachable: 'fail' | 'skip';
  readonly cpuBound: boolean | undefined;
  readonly host: HostSnapshot | undefined;
}

function oneOf(matcher: string, name: string, value: unknown, allowed: readonly string[]): void {
  if (value !== undefined && !allowed.includes(value as string)) {
    throw new TypeError(`${matcher}: option \`${name}\` must be ${allowed.map((a) => `'${a}'`).join(' or ')}, received ${describe(value)}.`);
  }
}

export function resolveMatcherOptions(matcher: string, options: unknown): ResolvedMatcherOptions {
  if (options === undefined) options = {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`${matcher}: options must be an object such as { maxTimeMs: 10_000 }, received ${describe(options)}.`);
  }
  const { onInconclusive, onUnreachable, cpuBound, host, ...measure } = options as SpeedupMatcherOptions;
  oneOf(matcher, 'onInconclusive', onInconclusive, ['fail', 'skip']);
  oneOf(matcher, 'onUnreachable', onUnreachable, ['fail', 'skip']);
  if (cpuBound !== undefined && typeof cpuBound !== 'boolean') {
    throw new TypeError(`${matcher}: option \`cpuBound\` must be true or false, received ${describe(cpuBound)}.`);
  }
  try {
    resolveMeasureOptions({ ...measure, seed: measure.seed ?? 0 });
  } catch (error) {
    if (error instanceof Error) error.message = error.message.replace(/^vitest-speedup:/, `${matcher}:`);
    throw error;
  }
  return { measure, onInconclusive: onInconclusive ?? 'fail', onUnreachable: onUnreachable ?? 'fail', cpuBound, host };
}
