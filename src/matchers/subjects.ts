import { describe } from '../engine/options.ts';
import type { Measurable } from '../engine/function-source.ts';
import type { SampleSource } from '../engine/types.ts';

/**
 * The parts of a Vitest 5 `BenchResult` (tinybench's completed task result) that an unpaired
 * comparison needs. Structural, so results stored as JSON by `writeResult` work too.
 */
export interface BenchResultLike {
  readonly name: string;
  readonly latency: { readonly mean: number; readonly sd: number; readonly samplesCount: number };
}

/** What a speedup matcher can compare: functions to measure, injected sample sources, or benchmark results. */
export type Subject =
  | { readonly kind: 'function'; readonly fn: Measurable }
  | { readonly kind: 'source'; readonly source: SampleSource }
  | { readonly kind: 'bench'; readonly result: BenchResultLike };

export function isBenchResultLike(value: unknown): value is BenchResultLike {
  if (typeof value !== 'object' || value === null) return false;
  const latency = (value as { latency?: unknown }).latency;
  if (typeof latency !== 'object' || latency === null) return false;
  const l = latency as Record<string, unknown>;
  return typeof l.mean === 'number' && typeof l.sd === 'number' && typeof l.samplesCount === 'number';
}

function isSampleSource(value: unknown): value is SampleSource {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return typeof s.name === 'string' && typeof s.sample === 'function' && typeof s.warmup === 'function' && typeof s.calibrate === 'function';
}

export function classify(matcher: string, role: 'received' | 'baseline', value: unknown): Subject {
  if (typeof value === 'function') return { kind: 'function', fn: value as Measurable };
  if (isBenchResultLike(value)) {
    const { latency } = value;
    if (!(latency.mean > 0) || !(latency.samplesCount >= 2) || !(latency.sd >= 0)) {
      throw new RangeError(
        `${matcher}: the ${role} BenchResult ${JSON.stringify(value.name)} has no usable latency statistics (mean ${latency.mean}, sd ${latency.sd}, ${latency.samplesCount} samples). It needs a positive mean and at least 2 samples: did the benchmark error or get aborted?`,
      );
    }
    return { kind: 'bench', result: value };
  }
  if (isSampleSource(value)) return { kind: 'source', source: value };
  const what = role === 'received' ? 'expect(value)' : 'the baseline';
  throw new TypeError(
    `${matcher}: ${what} must be a function to measure (sync or async) or a Vitest BenchResult (from bench.compare(...).get(name)), received ${describe(value)}.`,
  );
}
