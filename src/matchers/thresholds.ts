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

/** A speedup threshold: a plain number (3 means 3x) or host-relative. */
export type Threshold = number | HostRelativeThreshold;

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
  if (isHostRelative(value)) return;
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
  if (!isHostRelative(threshold)) return { value: threshold, derivation: '' };
  if (threshold.of === 'cores') {
    return { value: threshold.fraction * host.effectiveCores, derivation: `${threshold.fraction.toFixed(2)} x ${host.effectiveCores} effective cores` };
  }
  if (!measured) throw new Error('vitest-speedup: internal error: a ceiling threshold was resolved without a measured ceiling.');
  return { value: threshold.fraction * measured.ceiling, derivation: `${threshold.fraction.toFixed(2)} x measured ceiling ${measured.ceiling.toFixed(2)}x` };
}
