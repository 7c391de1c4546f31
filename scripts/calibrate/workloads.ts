/**
 * Synthetic workloads with a known true speedup, for the verdict-accuracy study.
 *
 * - `cpu`: a fixed number of iterations of integer math (xorshift32). The baseline does r times
 *   the candidate's iterations, so a CPU hog slows both sides in proportion (a spin-until-deadline
 *   loop could not be slowed down at all, which would hide exactly the noise we want to see).
 * - `wait`: Atomics.wait on a SharedArrayBuffer for a known number of milliseconds. The OS wakes
 *   the thread a little late, so the real ratio is measured rather than assumed.
 *
 * Both sides of a workload call the same function with a different size, so they share JIT code.
 */

export type WorkloadKind = 'cpu' | 'wait';

export interface WorkloadSpec {
  readonly kind: WorkloadKind;
  /** Iterations (cpu) or milliseconds (wait) of one candidate call. */
  readonly candidateUnits: number;
  /** Iterations (cpu) or milliseconds (wait) of one baseline call. */
  readonly baselineUnits: number;
}

export interface Workload {
  readonly spec: WorkloadSpec;
  readonly candidate: () => number;
  readonly baseline: () => number;
}

/** xorshift32 for `iterations` steps: pure integer math the JIT cannot skip (the result is returned). */
export function spin(iterations: number): number {
  let x = 0x2545f491;
  for (let i = 0; i < iterations; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
  }
  return x;
}

const cell = new Int32Array(new SharedArrayBuffer(4));

/** Blocks the thread for `ms` milliseconds without using the CPU. */
export function waitMs(ms: number): number {
  Atomics.wait(cell, 0, 0, ms);
  return ms;
}

export function makeWorkload(spec: WorkloadSpec): Workload {
  const c = spec.candidateUnits;
  const b = spec.baselineUnits;
  // Named function expressions: the engine names the sides after the functions.
  if (spec.kind === 'cpu') {
    return { spec, candidate: function candidate() { return spin(c); }, baseline: function baseline() { return spin(b); } };
  }
  return { spec, candidate: function candidate() { return waitMs(c); }, baseline: function baseline() { return waitMs(b); } };
}

/**
 * Iterations of {@link spin} per millisecond on this machine: the fastest of several timed runs
 * (the fastest run is the one least disturbed by other processes).
 */
export function calibrateSpin(targetMs = 20, runs = 15): number {
  spin(1e5);
  let perMs = 0;
  let probe = 1e5;
  // Grow the probe until one run lasts about targetMs.
  for (;;) {
    const t0 = performance.now();
    spin(probe);
    const dt = performance.now() - t0;
    if (dt >= targetMs / 4 || probe > 1e9) {
      perMs = probe / dt;
      break;
    }
    probe *= 4;
  }
  const size = Math.max(1, Math.round(perMs * targetMs));
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    spin(size);
    best = Math.min(best, performance.now() - t0);
  }
  return size / best;
}

/** The spec whose candidate lasts about `candidateMs` and whose baseline does `ratio` times its work. */
export function specFor(kind: WorkloadKind, ratio: number, candidateMs: number, spinPerMs: number): WorkloadSpec {
  if (kind === 'cpu') {
    const candidateUnits = Math.round(candidateMs * spinPerMs);
    return { kind, candidateUnits, baselineUnits: Math.round(candidateUnits * ratio) };
  }
  return { kind, candidateUnits: candidateMs, baselineUnits: candidateMs * ratio };
}
