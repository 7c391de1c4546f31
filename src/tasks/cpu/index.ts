/** CPU-bound tasks and workloads of the Python material. */
export { sieve, SIEVE_MAX_LIMIT } from './sieve.ts';
export { sumOfSquares, sumOfSquaresClosedForm, SUM_OF_SQUARES_MAX_N } from './sum-of-squares.ts';
export { powSelf, bitLength } from './pow-self.ts';
export { sieveTask, sumOfSquaresTask, powSelfTask, cpuWorkerModule } from './tasks.ts';
export { sieveWorkload, sumOfSquaresWorkload, powSelfWorkload } from './workloads.ts';
export type { CpuWorkloadOptions } from './workloads.ts';
