/** CPU-bound tasks and workloads of the Python material. */
export { sieve, sieveSummary, SIEVE_MAX_LIMIT } from './sieve.ts';
export type { SieveSummary } from './sieve.ts';
export { sumOfSquares, sumOfSquaresClosedForm, SUM_OF_SQUARES_MAX_N } from './sum-of-squares.ts';
export { powSelf, bitLength } from './pow-self.ts';
export { sieveTask, sieveSummaryTask, sumOfSquaresTask, powSelfTask, cpuWorkerModule } from './tasks.ts';
export { sieveWorkload, sieveSummaryWorkload, sumOfSquaresWorkload, powSelfWorkload } from './workloads.ts';
export type { CpuWorkloadOptions } from './workloads.ts';
