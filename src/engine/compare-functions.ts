import { functionSource, type Measurable } from './function-source.ts';
import { measureSources, type MeasureSourcesOptions } from './measure.ts';
import { resolveMeasureOptions, describe } from './options.ts';
import type { Criterion, Measurement } from './types.ts';

export interface SpeedupOptions extends Omit<MeasureSourcesOptions, 'criteria'> {
  readonly criterion?: Criterion;
}

function assertMeasurable(role: string, fn: unknown): asserts fn is Measurable {
  if (typeof fn !== 'function') {
    throw new TypeError(`vitest-speedup: the ${role} must be a function to measure (sync or async), received ${describe(fn)}.`);
  }
}

/**
 * Measures how much faster `candidate` is than `baseline` (baseline time / candidate time).
 *
 * @example
 * const m = await measureSpeedup(() => pool.run(work), () => sequential(work), {
 *   criterion: { kind: 'atLeast', k: 1.5 },
 * });
 * m.comparisons[0].interval // { estimate: 1.83, lower: 1.71, upper: 1.96, ... }
 */
export async function measureSpeedup(candidate: Measurable, baseline: Measurable, options: SpeedupOptions = {}): Promise<Measurement> {
  assertMeasurable('candidate', candidate);
  assertMeasurable('baseline', baseline);
  const { criterion, ...rest } = options;
  const o = resolveMeasureOptions(rest);
  const candidateName = nameOf(candidate, 'candidate');
  let baselineName = nameOf(baseline, 'baseline');
  if (baselineName === candidateName) baselineName = `${baselineName} (baseline)`;
  return measureSources([functionSource(baselineName, baseline, o.minSampleMs), functionSource(candidateName, candidate, o.minSampleMs)], {
    ...rest,
    seed: o.seed,
    ...(criterion ? { criteria: { [candidateName]: criterion } } : {}),
  });
}

/**
 * Measures several functions against one baseline in the same interleaved rounds.
 *
 * @example
 * const m = await compareFunctions({ sequential: seq, bounded5: b5, concurrent: all }, { baseline: 'sequential' });
 */
export async function compareFunctions(
  functions: Readonly<Record<string, Measurable>>,
  options: MeasureSourcesOptions & { readonly baseline: string },
): Promise<Measurement> {
  const { baseline, ...rest } = options;
  if (!(baseline in functions)) {
    throw new TypeError(`vitest-speedup: \`baseline\` must name one of the functions (${Object.keys(functions).join(', ')}), received ${describe(baseline)}.`);
  }
  for (const [name, fn] of Object.entries(functions)) assertMeasurable(`function ${JSON.stringify(name)}`, fn);
  const o = resolveMeasureOptions(rest);
  const ordered = [baseline, ...Object.keys(functions).filter((n) => n !== baseline)];
  return measureSources(
    ordered.map((name) => functionSource(name, functions[name] as Measurable, o.minSampleMs)),
    { ...rest, seed: o.seed },
  );
}

function nameOf(fn: Measurable, fallback: string): string {
  return fn.name && fn.name !== 'anonymous' ? fn.name : fallback;
}
