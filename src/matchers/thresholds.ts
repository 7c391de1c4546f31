import { describe } from '../engine/options.ts';
import type { HostFacts, ParallelCeiling } from '../host/types.ts';

/**
 * A threshold that depends on the host, resolved when the matcher runs: a fraction of the
 * effective cores (cgroup quota and affinity honoured) or of the measured parallel ceiling.
 */
export interface HostRelativeThreshold {
  readonly kind: 'host-relative';
  readonly of: 'cores' | 'ceiling';
  readonly fraction: number;
}

/** A threshold computed by a model (e.g. the I/O latency model), carrying how it was derived for messages. */
export interface ModelThreshold {
  readonly kind: 'model';
  readonly value: number;
  /** How the number came about: "model 18.40x -25%: ...". */
  readonly derivation: string;
}

/** A speedup threshold: a plain number (3 means 3x), host-relative, or from a model. */
export type Threshold = number | HostRelativeThreshold | ModelThreshold;

export function isModelThreshold(value: unknown): value is ModelThreshold {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'model';
}

/**
 * A band of `expected x (1 -/+ tolerance)` around a model's prediction, for
 * `toHaveSpeedupWithin` / `toHaveDurationWithin`. The message shows the model next to the measurement.
 *
 * @example
 * await expect(all).toHaveSpeedupWithin(loop, modelBand(18.4, 0.25, '20 requests at 20 ms, all at once vs one by one'));
 */
export function modelBand(expected: number, tolerance: number, description: string, unit: 'x' | ' ms' = 'x'): [ModelThreshold, ModelThreshold] {
  if (typeof expected !== 'number' || !Number.isFinite(expected) || expected <= 0) {
    throw new RangeError(`vitest-speedup: modelBand(expected, ...) needs a finite prediction > 0, received ${describe(expected)}.`);
  }
  if (typeof tolerance !== 'number' || !(tolerance > 0 && tolerance < 1)) {
    throw new RangeError(`vitest-speedup: modelBand(..., tolerance) must lie strictly between 0 and 1, received ${describe(tolerance)}. For example 0.25 for +-25%.`);
  }
  const shown = unit === 'x' ? `${expected.toFixed(2)}x` : `${expected.toFixed(1)} ms`;
  const derivation = `model ${shown} +-${Math.round(tolerance * 100)}%${description ? `: ${description}` : ''}`;
  return [
    { kind: 'model', value: expected * (1 - tolerance), derivation },
    { kind: 'model', value: expected * (1 + tolerance), derivation: '' },
  ];
}

function assertFraction(name: string, fraction: unknown): asserts fraction is number {
  if (typeof fraction !== 'number' || !Number.isFinite(fraction) || fraction <= 0) {
    const error = typeof fraction === 'number' ? RangeError : TypeError;
    throw new error(`vitest-speedup: \`${name}(fraction)\` needs a finite fraction > 0, received ${describe(fraction)}. For example ${name}(0.8).`);
  }
}

/**
 * A fraction of the cores this process may use (cgroup quota and CPU affinity honoured).
 *
 * @example
 * await expect(pooled).toHaveSpeedupAtLeast(sequential, cores(0.7)); // 1.4x on 2 cores
 */
export function cores(fraction: number): HostRelativeThreshold {
  assertFraction('cores', fraction);
  return { kind: 'host-relative', of: 'cores', fraction };
}

/**
 * A fraction of the parallel speedup this host was measured to deliver (see `npx vitest-speedup host`).
 *
 * @example
 * await expect(pooled).toHaveSpeedupAtLeast(sequential, ceiling(0.85));
 */
export function ceiling(fraction: number): HostRelativeThreshold {
  assertFraction('ceiling', fraction);
  return { kind: 'host-relative', of: 'ceiling', fraction };
}

export function isHostRelative(value: unknown): value is HostRelativeThreshold {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'host-relative';
}

/** Throws a TypeError/RangeError naming the argument when a threshold is unusable. */
export function validateThreshold(matcher: string, argument: string, value: unknown): asserts value is Threshold {
  if (isHostRelative(value) || isModelThreshold(value)) return;
  if (typeof value !== 'number') {
    throw new TypeError(`${matcher}: \`${argument}\` must be a speedup (a number such as 3 for 3x, or cores(f) / ceiling(f)), received ${describe(value)}.`);
  }
  if (!Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${matcher}: \`${argument}\` must be a finite speedup > 0 (3 means 3x faster, 0.5 means 2x slower), received ${describe(value)}.`);
  }
}

export interface ResolvedThreshold {
  readonly value: number;
  /** How the number came about, for messages: "0.80 x 2 effective cores". Empty for plain numbers. */
  readonly derivation: string;
}

export function needsCeiling(threshold: Threshold): boolean {
  return isHostRelative(threshold) && threshold.of === 'ceiling';
}

export function resolveThreshold(threshold: Threshold, host: HostFacts, measured: ParallelCeiling | undefined): ResolvedThreshold {
  if (isModelThreshold(threshold)) return { value: threshold.value, derivation: threshold.derivation };
  if (!isHostRelative(threshold)) return { value: threshold, derivation: '' };
  if (threshold.of === 'cores') {
    return { value: threshold.fraction * host.effectiveCores, derivation: `${threshold.fraction.toFixed(2)} x ${host.effectiveCores} effective cores` };
  }
  if (!measured) throw new Error('vitest-speedup: internal error: a ceiling threshold was resolved without a measured ceiling.');
  return { value: threshold.fraction * measured.ceiling, derivation: `${threshold.fraction.toFixed(2)} x measured ceiling ${measured.ceiling.toFixed(2)}x` };
}
