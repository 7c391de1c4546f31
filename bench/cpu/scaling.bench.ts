// Scaling curves: piscinaChunked with 1, 2, ... 2 x effective-cores workers on two full-size
// workloads, every worker count measured in the same interleaved rounds (measureScaling).
// Counts above the effective cores are oversubscribed: measured and drawn (hollow), never fitted.
//
// How the curves reach the report: the speedup reporter builds its groups from the measurements
// that the benchmark provider leaves on `test.meta.vitestSpeedup.groups`, so each curve's
// measurement is added there and appears as a table ("1 worker" is the baseline). The reporter
// has no way to take a scaling chart or a timeline from a benchmark file, so the curve
// (renderScalingSvg of groupFromScalingCurve) and a timeline of one run at `effective cores`
// workers are written to .vitest-speedup/report/charts/cpu-scaling-*.svg and
// cpu-timeline-scaling-*.svg.
import { join } from 'node:path';
import { test } from 'vitest';
import {
  cpuWorkerModule,
  effectiveCores,
  groupFromScalingCurve,
  measureScaling,
  piscinaChunked,
  sieveSummaryWorkload,
  sumOfSquaresWorkload,
} from '../../src/index.ts';
import type { PoolStrategy, SpeedupMeta, Workload } from '../../src/index.ts';
import { renderScalingSvg, writeFileAtomic } from '../../src/report/index.ts';
import { chartsDir, slug, writeTimelines } from './cpu-bench.ts';

const cores = effectiveCores();
const counts = Array.from({ length: 2 * cores }, (_, i) => i + 1);

async function curve<I, R>(meta: { vitestSpeedup?: SpeedupMeta }, title: string, workload: Workload<I, R>, chunkSize?: number): Promise<void> {
  const pools = new Map<number, PoolStrategy>(
    counts.map((n) => [n, piscinaChunked({ workers: n, preload: [cpuWorkerModule], ...(chunkSize === undefined ? {} : { chunkSize }) })]),
  );
  await Promise.all([...pools.values()].map((pool) => pool.start()));
  try {
    const measured = await measureScaling((n) => () => (pools.get(n) as PoolStrategy).run(workload), { workers: counts, name: title, maxTimeMs: 15_000 });
    meta.vitestSpeedup = { groups: [...(meta.vitestSpeedup?.groups ?? []), measured.measurement] };
    const group = groupFromScalingCurve(measured, { title });
    if (group.scaling !== undefined) {
      await writeFileAtomic(join(chartsDir, `cpu-scaling-${slug(title)}.svg`), renderScalingSvg(group.scaling, { title }));
    }
    const run = await (pools.get(cores) as PoolStrategy).run(workload);
    await writeTimelines(`scaling ${title}`, new Map([[`${cores} workers`, run.timeline]]), [`${cores} workers`]);
  } finally {
    await Promise.all([...pools.values()].map((pool) => pool.close()));
  }
}

test('scaling of piscinaChunked on sumOfSquares, full size', async ({ task }) => {
  // Chunks of 1: the 20 inputs are equal, so every worker count gets an even share but for the
  // last round (20 is not a multiple of 3); ~35 us per message against ~12 ms per input.
  await curve(task.meta as { vitestSpeedup?: SpeedupMeta }, 'piscina-chunked(1) on sumOfSquares', sumOfSquaresWorkload(), 1);
});

test('scaling of piscinaChunked on the compact sieve, full size', async ({ task }) => {
  // Python's default chunk size; the compact results leave the sieve's own scaling (its typed
  // array allocations on every thread) as the limit.
  await curve(task.meta as { vitestSpeedup?: SpeedupMeta }, 'piscina-chunked(auto) on the compact sieve', sieveSummaryWorkload());
});
