/**
 * Worker entry of the CPU task library: the task functions by name, plus the chunk runner and
 * priming ping of the strategies' worker entry, so this file alone is a complete worker module
 * (e.g. `new Piscina({ filename: cpuWorkerModule, name: 'runChunk' })`). The tasks' `module`
 * points here; piscina and tinypool workers import it by absolute path.
 */
export { sieve, sieveSummary } from './sieve.ts';
export { sumOfSquares } from './sum-of-squares.ts';
export { powSelf } from './pow-self.ts';
export { runChunk, ping, lane } from '../../strategies/worker-entry.ts';
