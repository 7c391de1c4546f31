// Lesson 6: a scaling curve. The same work on 1, 2, ... effective-cores workers, every count
// measured in the same interleaved rounds: how much each added worker buys (efficiency =
// speedup / workers) and how much of the run behaves as if it were serial (Karp-Flatt).
import { afterAll, beforeAll, expect, test } from 'vitest';
import { cpuWorkerModule, effectiveCores, karpFlatt, measureScaling, piscinaChunked, sumOfSquaresWorkload } from '../../../src/index.ts';
import type { PoolStrategy } from '../../../src/index.ts';
import { withCeilingNow } from './ceiling-now.ts';

// sumOfSquares(5_000_000 + x) for x in range(20) at full size, one chunk per worker (n workers
// get ceil(20 / n) inputs each, the shape of the ceiling measurement): plain arithmetic with one
// bigint back per input, so the curve shows the pool and the host, not the allocator, result
// copying or per-chunk round trips (see chunked-pool-speedup.test.ts).
const workload = sumOfSquaresWorkload();
const cores = effectiveCores();
const counts = Array.from({ length: cores }, (_, i) => i + 1);
const pools = new Map<number, PoolStrategy>(
  counts.map((n) => [n, piscinaChunked({ workers: n, chunkSize: Math.ceil(workload.inputs.length / n), preload: [cpuWorkerModule] })]),
);

beforeAll(() => Promise.all([...pools.values()].map((pool) => pool.start())));
afterAll(() => Promise.all([...pools.values()].map((pool) => pool.close())));

test('a chunked piscina pool scales with at least 0.7 of the host ceiling per worker', async (context) => {
  // Model: with one equal chunk per worker, well under 1% dispatch cost and ~10% lost to lanes
  // computing at once (see chunked-pool-speedup.test.ts), n workers deliver ~0.85-0.9 x what the
  // host delivers on n threads. The claim keeps 70% of the host's measured ceiling C (as in
  // lesson 1), spread over the cores: efficiency >= 0.7 x C / cores (0.66 at C = 1.9 on 2 cores,
  // i.e. >= 1.33x at 2 workers). The serial-fraction claim is the Karp-Flatt value of that same
  // speedup, 0.7 x C at `cores` workers (0.50 at C = 1.9). On 2 cores the two are one statement
  // (Karp-Flatt at 2 workers is 2 / speedup - 1); with more cores the efficiency is judged at
  // every worker count and the serial fraction at the largest. On one core, or when 0.7 x C is
  // not above 1, there is nothing to show and the spec is skipped; a failure while another
  // measurement ran or the ceiling collapsed is skipped too (see ceiling-now.ts).
  await withCeilingNow(context, 0.7, async ({ ceiling: hostCeiling }) => {
    const efficiency = (0.7 * hostCeiling) / cores;
    const serialFraction = Math.min(1, karpFlatt(0.7 * hostCeiling, cores));
    const curve = await measureScaling((n) => () => (pools.get(n) as PoolStrategy).run(workload), {
      workers: counts,
      minEfficiency: efficiency,
      name: 'piscina-chunked, one chunk per worker, on sumOfSquares',
      maxTimeMs: 10_000,
    });
    await expect(curve).toScaleWithEfficiencyAtLeast(efficiency, { onUnreachable: 'skip', onInconclusive: 'skip' });
    await expect(curve).toHaveSerialFractionAtMost(serialFraction, { onUnreachable: 'skip', onInconclusive: 'skip' });
  });
});
