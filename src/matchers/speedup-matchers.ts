import type { MatcherState, SyncMatcherResult } from 'vitest';
import { describe as describeValue } from '../engine/options.ts';
import type { Criterion } from '../engine/types.ts';
import { formatHostFactsInline, getHostFacts, measureParallelCeiling } from '../host/index.ts';
import type { ParallelCeiling } from '../host/types.ts';
import { gatherEvidence } from './evaluate.ts';
import { failureMessage, unreachableMessage } from './message.ts';
import { resolveMatcherOptions, type HostSnapshot } from './options.ts';
import { classify } from './subjects.ts';
import { isHostRelative, needsCeiling, resolveThreshold, validateThreshold, type ResolvedThreshold, type Threshold } from './thresholds.ts';

type CriterionSpec =
  | { readonly kind: 'atLeast'; readonly k: Threshold }
  | { readonly kind: 'atMost'; readonly k: Threshold }
  | { readonly kind: 'within'; readonly lo: Threshold; readonly hi: Threshold };

let warnedSharedHost = false;

/** The Vitest test context of the running test, for skip() and annotate(). */
interface RunningContext {
  skip: (note?: string) => never;
  annotate: (message: string, type?: string) => Promise<unknown>;
  onTestFinished: (fn: () => void) => void;
}

function testContext(state: MatcherState): RunningContext | undefined {
  return (state.task as unknown as { context?: RunningContext } | undefined)?.context;
}

async function skipWith(state: MatcherState, matcher: string, note: string, details: string): Promise<never> {
  const context = testContext(state);
  if (!context) {
    throw new Error(`${matcher}: asked to skip (${note}) but no running Vitest test was found. Call the matcher inside a test.`);
  }
  await context.annotate(details, 'vitest-speedup');
  return context.skip(note);
}

async function runSpeedupMatcher(
  state: MatcherState,
  matcher: string,
  received: unknown,
  baseline: unknown,
  spec: CriterionSpec,
  rawOptions: unknown,
): Promise<SyncMatcherResult> {
  const receivedSubject = classify(matcher, 'received', received);
  const baselineSubject = classify(matcher, 'baseline', baseline);
  const thresholds: Threshold[] = spec.kind === 'within' ? [spec.lo, spec.hi] : [spec.k];
  const options = resolveMatcherOptions(matcher, rawOptions);

  const snapshot: HostSnapshot = options.host ?? { facts: getHostFacts() };
  const cpuBound = options.cpuBound ?? thresholds.some(isHostRelative);
  let ceilingResult: ParallelCeiling | undefined = snapshot.ceiling;
  if (!ceilingResult && (cpuBound || thresholds.some(needsCeiling))) ceilingResult = await measureParallelCeiling();
  const hostLine = formatHostFactsInline(snapshot.facts, ceilingResult);

  const resolve = (t: Threshold): ResolvedThreshold => resolveThreshold(t, snapshot.facts, ceilingResult);
  let criterion: Criterion;
  let derivation: string;
  if (spec.kind === 'within') {
    const lo = resolve(spec.lo);
    const hi = resolve(spec.hi);
    if (lo.value > hi.value) {
      throw new RangeError(`${matcher}: the band is empty: lower bound ${lo.value.toFixed(2)}x is above upper bound ${hi.value.toFixed(2)}x. Pass [lo, hi] with lo <= hi.`);
    }
    criterion = { kind: 'within', lo: lo.value, hi: hi.value };
    derivation = [lo.derivation, hi.derivation].filter(Boolean).join('; ');
  } else {
    const k = resolve(spec.k);
    criterion = { kind: spec.kind, k: k.value };
    derivation = k.derivation;
  }

  const hint = state.utils.matcherHint(matcher, 'received', spec.kind === 'within' ? 'baseline, band' : 'baseline, threshold', {
    isNot: state.isNot,
    promise: state.promise,
  });

  const required = criterion.kind === 'atLeast' ? criterion.k : criterion.kind === 'within' ? criterion.lo : undefined;
  if (!state.isNot && cpuBound && ceilingResult && required !== undefined && required > ceilingResult.ceiling) {
    const message = unreachableMessage({ hint, criterion, derivation, required, ceiling: ceilingResult.ceiling, host: hostLine });
    if (options.onUnreachable === 'skip') {
      await skipWith(state, matcher, `unreachable on this host: needs ${required.toFixed(2)}x, ceiling ${ceilingResult.ceiling.toFixed(2)}x`, message);
    }
    return { pass: false, message: () => message, actual: undefined, expected: criterion };
  }

  const evidence = await gatherEvidence(matcher, receivedSubject, baselineSubject, criterion, options);
  if (evidence.kind === 'paired' && evidence.measurement.flags.some((f) => f.code === 'shared-host') && !warnedSharedHost) {
    warnedSharedHost = true;
    console.warn(
      `vitest-speedup: ${matcher} measured while other measurements ran at the same time; timing specs should run one file at a time. See speedupProject() in the README.`,
    );
  }
  const message = (): string => failureMessage({ hint, isNot: state.isNot, criterion, derivation, evidence, host: hostLine });

  if (evidence.verdict === 'inconclusive') {
    if (options.onInconclusive === 'skip') {
      await skipWith(state, matcher, `inconclusive: ${evidence.interval.estimate.toFixed(2)}x [${evidence.interval.lower.toFixed(2)}, ${evidence.interval.upper.toFixed(2)}]`, message());
    }
    // Inconclusive fails with and without .not; expect.extend inverts `pass` for .not, so
    // hand it the value that inverts to a failure.
    return { pass: state.isNot, message, actual: evidence.interval.estimate, expected: criterion };
  }
  return { pass: evidence.verdict === 'pass', message, actual: evidence.interval.estimate, expected: criterion };
}

function band(matcher: string, value: unknown): { lo: Threshold; hi: Threshold } {
  if (!Array.isArray(value) || value.length !== 2) {
    throw new TypeError(`${matcher}: \`band\` must be a pair [lo, hi] such as [0.9, 1.1], received ${describeValue(value)}.`);
  }
  const [lo, hi] = value as [unknown, unknown];
  validateThreshold(matcher, 'band[0]', lo);
  validateThreshold(matcher, 'band[1]', hi);
  if (typeof lo === 'number' && typeof hi === 'number' && lo > hi) {
    throw new RangeError(`${matcher}: \`band\` [${lo}, ${hi}] is empty because lo > hi. Pass [lo, hi] with lo <= hi, e.g. [${hi}, ${lo}].`);
  }
  return { lo, hi };
}

/**
 * A forgotten `await` lets the test end while the measurement still runs: the verdict would be
 * lost or surface later as an unhandled rejection blamed on nothing. Fail the test instead,
 * with the fix.
 */
function guardAwaited<T>(state: MatcherState, matcher: string, run: Promise<T>): Promise<T> {
  let settled = false;
  const tracked = run.finally(() => {
    settled = true;
  });
  testContext(state)?.onTestFinished(() => {
    if (!settled) {
      throw new Error(`${matcher} was not awaited: the test finished while it was still measuring. Write \`await expect(...).${matcher}(...)\`.`);
    }
  });
  return tracked;
}

/** The matcher implementations, as `expect.extend` takes them. */
export const speedupMatchers = {
  async toHaveSpeedupAtLeast(this: MatcherState, received: unknown, baseline: unknown, threshold: unknown, options?: unknown) {
    const name = 'toHaveSpeedupAtLeast';
    validateThreshold(name, 'threshold', threshold);
    return guardAwaited(this, name, runSpeedupMatcher(this, name, received, baseline, { kind: 'atLeast', k: threshold }, options));
  },
  async toHaveSpeedupAtMost(this: MatcherState, received: unknown, baseline: unknown, threshold: unknown, options?: unknown) {
    const name = 'toHaveSpeedupAtMost';
    validateThreshold(name, 'threshold', threshold);
    return guardAwaited(this, name, runSpeedupMatcher(this, name, received, baseline, { kind: 'atMost', k: threshold }, options));
  },
  async toHaveSpeedupWithin(this: MatcherState, received: unknown, baseline: unknown, range: unknown, options?: unknown) {
    const name = 'toHaveSpeedupWithin';
    const { lo, hi } = band(name, range);
    return guardAwaited(this, name, runSpeedupMatcher(this, name, received, baseline, { kind: 'within', lo, hi }, options));
  },
};
