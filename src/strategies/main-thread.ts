import { absoluteNow } from './clock.ts';
import type { RunOptions, Strategy, StrategyRun, TimelineEntry, Workload } from './types.ts';

function assertNotAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw signal.reason instanceof Error ? signal.reason : new Error('The run was aborted', { cause: signal.reason });
  }
}

async function runOne<I, R>(
  workload: Workload<I, R>,
  index: number,
  entries: TimelineEntry[],
  results: R[],
): Promise<void> {
  const start = absoluteNow();
  results[index] = await workload.task.run(workload.inputs[index] as I);
  entries.push({ index, lane: 'main', start, end: absoluteNow() });
}

/**
 * Runs the inputs on the main thread with at most `limit` tasks in flight. `limit` 1 is a
 * plain loop, `Infinity` starts everything at once.
 */
async function runWithLimit<I, R>(
  workload: Workload<I, R>,
  limit: number,
  options: RunOptions | undefined,
): Promise<StrategyRun<R>> {
  const signal = options?.signal;
  assertNotAborted(signal);
  const results = new Array<R>(workload.inputs.length);
  const entries: TimelineEntry[] = [];
  const start = absoluteNow();
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < workload.inputs.length) {
      assertNotAborted(signal);
      const index = next++;
      await runOne(workload, index, entries, results);
    }
  };
  const lanes = Math.min(limit, workload.inputs.length);
  await Promise.all(Array.from({ length: lanes }, lane));
  entries.sort((a, b) => a.index - b.index);
  return { results, timeline: { start, end: absoluteNow(), entries } };
}

/** A plain loop: one task after the other. Python: a `for` loop. */
export function sequential(): Strategy {
  return {
    name: 'sequential',
    python: 'for loop',
    run: (workload, options) => runWithLimit(workload, 1, options),
  };
}

/**
 * Every task started at once on the main thread (`Promise.all`). Speeds up I/O; gives CPU work
 * no speedup because the tasks still share one thread. Python: `asyncio.gather`.
 */
export function concurrent(): Strategy {
  return {
    name: 'concurrent',
    python: 'asyncio.gather',
    run: (workload, options) => runWithLimit(workload, Number.POSITIVE_INFINITY, options),
  };
}

/**
 * At most `limit` tasks in flight on the main thread. Python:
 * `ThreadPoolExecutor(max_workers=limit)` (for I/O), or `asyncio.Semaphore(limit)`.
 */
export function bounded(limit: number): Strategy {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`bounded(limit): limit must be a positive integer, received ${String(limit)}. Use bounded(1) for one at a time.`);
  }
  return {
    name: `bounded(${limit})`,
    python: `ThreadPoolExecutor(max_workers=${limit})`,
    run: (workload, options) => runWithLimit(workload, limit, options),
  };
}
