// Lesson 1: a warm worker-thread pool fed a few large chunks runs CPU work faster than a plain
// loop, by a factor this host can deliver. Python: multiprocessing.Pool.map(chunksize=...).
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ceiling, cpuWorkerModule, effectiveCores, piscinaChunked, sequential, sumOfSquaresWorkload } from '../../../src/index.ts';
import { withCeilingNow } from './ceiling-now.ts';

// sumOfSquares(5_000_000 + x) for x in range(20), the original at full size: ~0.25 s in a loop
// here, so a round of the measurement costs ~0.4 s and the engine gets ~30 rounds in its 12 s
// (with the ceiling measured before and, after a failure, again: under 15 s for the spec).
// Why not the sieve: its inputs cost unequal amounts (n from 1000 to 15999), every call
// allocates typed arrays (garbage for each thread's collector; two allocating threads scaled
// anywhere from 1.1x to 2x here from one run to the next, an allocation-free sieve steadily 2x),
// and the faithful variant sends ~4 KB of primes back per input, a serial cost on the main
// thread. sumOfSquares is 20 near-equal tasks of plain arithmetic returning one bigint each:
// what is left to measure is the pool.
const workload = sumOfSquaresWorkload();
const loop = sequential();
// One chunk per worker (10 inputs each on 2 cores): the shape of the ceiling measurement, where
// n threads each run one piece of work. Smaller chunks would add a round trip per
// chunk through the main thread, which on a busy host waits for a time slice each time (seen
// here: 10 chunks of ~3 ms each went only 1.14x faster on 2 workers than on 1 while the ceiling
// stood at 1.86x).
const pool = piscinaChunked({ chunkSize: Math.ceil(workload.inputs.length / effectiveCores()), preload: [cpuWorkerModule] });

beforeAll(() => pool.start());
afterAll(() => pool.close());

test('a chunked piscina pool is at least 0.7 x the parallel ceiling faster than a loop', async (context) => {
  // Model: speedup = ceiling x balance x (1 - dispatch share) x (1 - contention). Balance is ~1
  // (equal chunks, one per worker, as in the ceiling measurement); dispatch is one ~35 us round
  // trip per worker per ~125 ms chunk; contention: two threads running sumOfSquares together were
  // each ~10% slower than one alone (summed busy time 294 ms vs 265 ms, measured here). So ~0.85-0.9
  // x the ceiling (seen here: 1.63-1.69x at a ceiling of ~1.9x) while the load stays as it was when
  // the ceiling was measured; 0.7 leaves room for other jobs taking a share of the cores between
  // that measurement and this one, and no more.
  // On one core, or a host whose ceiling is below 1/0.7 right now, the claim is skipped; so is a
  // failure while another measurement ran at the same time or the ceiling collapsed meanwhile
  // (see ceiling-now.ts).
  const pooled = () => pool.run(workload);
  const plainLoop = () => loop.run(workload);
  await withCeilingNow(context, 0.7, () =>
    expect(pooled).toHaveSpeedupAtLeast(plainLoop, ceiling(0.7), { onUnreachable: 'skip', onInconclusive: 'skip', maxTimeMs: 12_000 }),
  );
});
