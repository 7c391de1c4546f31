/**
 * Shared by the CPU benchmark suites (bench/cpu/*.bench.ts): the strategies every CPU workload
 * is benchmarked with, their registration with `bench()`, and the charts the speedup report
 * cannot draw from a benchmark (timelines, scaling curves).
 *
 * The report's groups come from `bench.compare()` measurements only (the provider leaves them
 * on `test.meta.vitestSpeedup`), so a timeline or a scaling curve has no way into the report's
 * HTML page or its chart set. The suites write those SVGs next to the report's own charts, in
 * `.vitest-speedup/report/charts/`, with a `cpu-` prefix that the report's `NN-<group>` files
 * never use; the report writer does not clear that folder.
 */
import { join } from 'node:path';
import type { Bench, BenchRegistration } from 'vitest';
import {
  concurrent,
  cpuWorkerModule,
  piscinaChunked,
  piscinaPerItem,
  processPoolChunked,
  renderTimelineSvg,
  sequential,
  workerPerItem,
} from '../../src/index.ts';
import type { Strategy, Timeline, Workload } from '../../src/index.ts';
import { writeFileAtomic } from '../../src/report/index.ts';

/** Where the CPU suites put their own charts (the speedup report's chart folder). */
export const chartsDir = join(process.cwd(), '.vitest-speedup', 'report', 'charts');

/**
 * The strategies of the task library for a CPU workload, the plain loop first (the first
 * registration of a `bench.compare` is the baseline):
 * sequential, concurrent (Promise.all), piscina per item, piscina chunked (Python's default chunk
 * size), child-process pool chunked and, where `workerPerItem` is set, a new thread per item
 * (sensible for the 16-20 inputs of sumOfSquares and powSelf, not for the sieve's 15,000: that
 * would start 15,000 threads per sample). Pools use one worker per effective core and preload
 * the CPU task module; `bench()` hooks start and close them around their group.
 */
export function cpuStrategies(options: { readonly workerPerItem: boolean }): Strategy[] {
  return [
    sequential(),
    concurrent(),
    piscinaPerItem({ preload: [cpuWorkerModule] }),
    piscinaChunked({ preload: [cpuWorkerModule] }),
    processPoolChunked({ preload: [cpuWorkerModule] }),
    ...(options.workerPerItem ? [workerPerItem()] : []),
  ];
}

/** The last run's timeline of each strategy benchmarked by {@link register}, by strategy name. */
export type Timelines = Map<string, Timeline>;

/**
 * One `bench()` registration per strategy, each running `workload`: pools are started before the
 * group is measured and closed after it (per-registration `beforeAll` / `afterAll`), and each
 * run's timeline is kept in `timelines` (the last one wins) for {@link writeTimelines}.
 */
export function register<I, R>(bench: Bench, strategies: readonly Strategy[], workload: Workload<I, R>, timelines?: Timelines): BenchRegistration<string>[] {
  return strategies.map((strategy) =>
    bench(
      strategy.name,
      {
        beforeAll: async () => {
          await strategy.start?.();
        },
        afterAll: async () => {
          await strategy.close?.();
        },
      },
      async () => {
        const run = await strategy.run(workload);
        timelines?.set(strategy.name, run.timeline);
      },
    ),
  );
}

/** A file-name-safe form of a title: `sieve (faithful)` -> `sieve-faithful`. */
export function slug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Writes `charts/cpu-timeline-<suite>-<strategy>.svg` for each of `names` that has a kept
 * timeline: who ran which input when, and the utilisation of the lanes.
 */
export async function writeTimelines(suite: string, timelines: Timelines, names: readonly string[]): Promise<string[]> {
  const written: string[] = [];
  for (const name of names) {
    const timeline = timelines.get(name);
    if (timeline === undefined) continue;
    const file = join(chartsDir, `cpu-timeline-${slug(suite)}-${slug(name)}.svg`);
    await writeFileAtomic(file, renderTimelineSvg(timeline, { title: `${suite}: ${name}`, width: 960 }));
    written.push(file);
  }
  return written;
}
