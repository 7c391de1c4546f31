// sum(i * i for i in range(5_000_000 + x)) for x in range(20), at full size (~0.25 s in a loop
// on this kind of machine): 20 equal tasks of plain arithmetic with one bigint back each, the
// workload on which pools come closest to the host's parallel ceiling. With 20 inputs a new
// thread per input is affordable, so workerPerItem is in the group too.
import { test } from 'vitest';
import { sumOfSquaresWorkload } from '../../src/index.ts';
import { cpuStrategies, register, writeTimelines } from './cpu-bench.ts';
import type { Timelines } from './cpu-bench.ts';

test('sumOfSquares, full size', async ({ bench }) => {
  const timelines: Timelines = new Map();
  // One round of the six strategies costs ~2 s here (a thread per input ~1 s of it): ~10 rounds.
  await bench.compare(...register(bench, cpuStrategies({ workerPerItem: true }), sumOfSquaresWorkload(), timelines), { time: 20_000 });
  await writeTimelines('sumOfSquares', timelines, ['piscina-chunked(auto)', 'process-pool-chunked(auto)', 'worker-per-item']);
});
