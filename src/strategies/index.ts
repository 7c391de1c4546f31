/**
 * Strategies: how a workload's tasks are spread over the main thread, worker threads and
 * child processes, each named after its Python counterpart.
 */
export type { Strategy, StrategyRun, TaskDefinition, Timeline, TimelineEntry, Workload, RunOptions } from './types.ts';
export { sequential, concurrent, bounded } from './main-thread.ts';
export { absoluteNow } from './clock.ts';
export { monotonicNow, monotonicToAbsoluteOffset } from './monotonic.ts';
export { effectiveCores } from './cores.ts';
export { workerPerItem } from './worker-per-item.ts';
export type { WorkerPerItemOptions, WorkerPerItemStrategy } from './worker-per-item.ts';
export { piscinaPerItem, piscinaChunked } from './piscina.ts';
export { processPoolPerItem, processPoolChunked } from './process-pool.ts';
export type { PoolOptions, ChunkedPoolOptions, PoolStrategy } from './pool.ts';
export type { TaskError } from './protocol.ts';
export { workerEntryPath } from './entry-paths.ts';
