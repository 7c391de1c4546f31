import { Bench } from 'tinybench';

/**
 * Vitest 5's built-in comparison, reproduced outside the test runner (Vitest's `expect` refuses
 * to run outside `vitest`), so that it can be interleaved with ours under identical conditions.
 *
 * 1. `bench.compare(bench('candidate', c), bench('baseline', b))` with the default provider:
 *    node_modules/vitest/dist/chunks/index.DNcttN5a.js, createDefaultBenchmarkProvider():
 *
 *      const tinybench = new Bench({ signal: test.context.signal, name: ..., retainSamples:
 *        config.benchmark.retainSamples, ...options, now });   // now = performance.now
 *      for (const { name, fn, fnOpts } of registrations) tinybench.add(name, fn, fnOpts);
 *      await tinybench.run();
 *
 *    `options` is bench.compare's optional last argument (none in the default use), and
 *    `benchmark.retainSamples` defaults to false. Everything else is tinybench 6's defaults:
 *    time 1000 ms, iterations 64, warmup true, warmupTime 250 ms, warmupIterations 16,
 *    concurrency null (tasks run one after the other: warm up all, then run all, in order).
 *
 * 2. `expect(result.get('candidate')).toBeFasterThan(result.get('baseline'), { delta })`,
 *    same file, benchMatchers.toBeFasterThan:
 *
 *      const threshold = expected.latency.mean * (1 - delta);
 *      const pass = actual.latency.mean < threshold;
 *
 *    so it passes iff mean(baseline) / mean(candidate) > 1 / (1 - delta). "At least k times
 *    faster" is therefore exactly delta = 1 - 1/k (strict > instead of >=, immaterial here).
 */
export const VITEST_SOURCE_LINES = [
  'node_modules/vitest/dist/chunks/index.DNcttN5a.js (benchMatchers.toBeFasterThan):',
  '  const threshold = expected.latency.mean * (1 - delta);',
  '  const pass = actual.latency.mean < threshold;',
] as const;

export function deltaForAtLeast(k: number): number {
  return 1 - 1 / k;
}

/** The exact check of Vitest's toBeFasterThan. */
export function toBeFasterThan(actualMean: number, expectedMean: number, delta: number): boolean {
  const threshold = expectedMean * (1 - delta);
  return actualMean < threshold;
}

export interface BuiltinRun {
  readonly candidateMean: number;
  readonly baselineMean: number;
  readonly candidateSamples: number;
  readonly baselineSamples: number;
  /** mean(baseline) / mean(candidate): the speedup as toBeFasterThan sees it. */
  readonly ratio: number;
  /** Wall time of bench.compare (warm-up included), ms. */
  readonly elapsedMs: number;
}

/** Runs tinybench 6 exactly as Vitest 5's default benchmark provider does for bench.compare(candidate, baseline). */
export async function runBuiltinCompare(candidate: () => unknown, baseline: () => unknown): Promise<BuiltinRun> {
  const t0 = performance.now();
  const now = globalThis.performance ? globalThis.performance.now.bind(globalThis.performance) : Date.now;
  const tinybench = new Bench({ name: 'calibrate 1', retainSamples: false, now });
  tinybench.add('candidate', candidate);
  tinybench.add('baseline', baseline);
  await tinybench.run();
  const elapsedMs = performance.now() - t0;
  const [c, b] = tinybench.tasks.map((task) => {
    const result = task.result;
    if (result.state !== 'completed') throw new Error(`task "${task.name}" did not complete: ${result.state}`);
    return result;
  });
  if (!c || !b) throw new Error('tinybench returned fewer than two tasks');
  return {
    candidateMean: c.latency.mean,
    baselineMean: b.latency.mean,
    candidateSamples: c.latency.samplesCount,
    baselineSamples: b.latency.samplesCount,
    ratio: b.latency.mean / c.latency.mean,
    elapsedMs,
  };
}
