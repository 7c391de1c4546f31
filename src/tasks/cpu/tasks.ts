import { siblingModule } from '../../module-path.ts';
import type { TaskDefinition } from '../../strategies/types.ts';
import { powSelf } from './pow-self.ts';
import { sieve, sieveSummary } from './sieve.ts';
import type { SieveSummary } from './sieve.ts';
import { sumOfSquares } from './sum-of-squares.ts';

/** Absolute path of the CPU tasks' worker module (`worker.ts`), for `module` and `preload`. */
export const cpuWorkerModule: string = siblingModule('./worker', import.meta.url);

/** {@link sieve} as a task that every strategy can run. */
export const sieveTask: TaskDefinition<number, Uint32Array> = {
  name: 'sieve',
  run: sieve,
  module: cpuWorkerModule,
  exportName: 'sieve',
};

/**
 * {@link sieveSummary} as a task: the sieve's work with a result of a few bytes, so that pools
 * show the compute speedup without the cost of copying the primes back.
 */
export const sieveSummaryTask: TaskDefinition<number, SieveSummary> = {
  name: 'sieveSummary',
  run: sieveSummary,
  module: cpuWorkerModule,
  exportName: 'sieveSummary',
};

/** {@link sumOfSquares} as a task that every strategy can run. */
export const sumOfSquaresTask: TaskDefinition<number, bigint> = {
  name: 'sumOfSquares',
  run: sumOfSquares,
  module: cpuWorkerModule,
  exportName: 'sumOfSquares',
};

/** {@link powSelf} as a task that every strategy can run. */
export const powSelfTask: TaskDefinition<number, bigint> = {
  name: 'powSelf',
  run: powSelf,
  module: cpuWorkerModule,
  exportName: 'powSelf',
};
