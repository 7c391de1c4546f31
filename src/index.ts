export type { Strategy, StrategyRun, TaskDefinition, Timeline, TimelineEntry, Workload, RunOptions } from './strategies/types.ts';
export { sequential, concurrent, bounded } from './strategies/main-thread.ts';
