// The sieve workload of the Python material, sieve(n) for every n in range(1000, 16000), at
// full size (15,000 inputs, ~0.3-0.4 s in a loop on this kind of machine), on every strategy of
// the task library except a new thread per input (15,000 threads per sample). The plain loop is
// the baseline of every group.
//
// - faithful: every result is the list of primes, ~63 MB in all, copied back from the workers
//   (structured clone; a pipe for the child processes), as Python's multiprocessing pickles them;
// - compact: the same sieving, each result { count, largest } (sieveSummary), so the difference
//   between the two groups is the cost of sending results back;
// - the chunk-size sweep: piscinaChunked with 1 .. 2000 inputs per task and Python's default.
//
// Each group has a time budget (`time`, the engine's maxTimeMs) of 20 s: one round of the
// faithful group costs ~3 s here, so a group gets 5-8 rounds; the tables show their intervals.
// Timelines of the pools' last runs go to .vitest-speedup/report/charts/cpu-timeline-sieve-*.svg (see cpu-bench.ts).
import { test } from 'vitest';
import { cpuWorkerModule, piscinaChunked, sequential, sieveSummaryWorkload, sieveWorkload } from '../../src/index.ts';
import { cpuStrategies, register, writeTimelines } from './cpu-bench.ts';
import type { Timelines } from './cpu-bench.ts';

const poolTimelines = ['piscina-per-item', 'piscina-chunked(auto)', 'process-pool-chunked(auto)'];

test('sieve, full size, faithful: the primes come back', async ({ bench }) => {
  const timelines: Timelines = new Map();
  await bench.compare(...register(bench, cpuStrategies({ workerPerItem: false }), sieveWorkload(), timelines), { time: 20_000 });
  await writeTimelines('sieve faithful', timelines, poolTimelines);
});

test('sieve, full size, compact: only the count and the largest prime come back', async ({ bench }) => {
  const timelines: Timelines = new Map();
  await bench.compare(...register(bench, cpuStrategies({ workerPerItem: false }), sieveSummaryWorkload(), timelines), { time: 20_000 });
  await writeTimelines('sieve compact', timelines, ['piscina-chunked(auto)', 'process-pool-chunked(auto)']);
});

test('sieve, full size, faithful: chunk-size sweep of piscinaChunked', async ({ bench }) => {
  // 1 is one message per input (as piscinaPerItem); 2000 leaves 8 chunks, so the last round of
  // chunks may keep one worker busy while the other idles; auto is Python's Pool.map rule,
  // ceil(15000 / (4 x workers)) = 1875 on 2 cores.
  const strategies = [
    sequential(),
    ...[1, 10, 100, 500, 2000].map((chunkSize) => piscinaChunked({ chunkSize, preload: [cpuWorkerModule] })),
    piscinaChunked({ preload: [cpuWorkerModule] }),
  ];
  const timelines: Timelines = new Map();
  await bench.compare(...register(bench, strategies, sieveWorkload(), timelines), { time: 20_000 });
  await writeTimelines('sieve chunk sweep', timelines, ['piscina-chunked(100)', 'piscina-chunked(2000)']);
});
