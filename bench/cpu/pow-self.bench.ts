// i ** i for i in range(1_000_000, 1_000_016), scaled: at full size each input is ~0.5 s of
// big-integer multiplication (a 6,000,001-digit result), 16 of them ~8 s per sequential sample
// and ~40 s for a single round of the six strategies, so a group would not finish in minutes.
// Scale 0.1 (i in range(100_000, 100_016), each ~20 ms) keeps 16 equal tasks, each still a
// 1.7-million-bit bigint (~200 KB) to send back; powSelf grows faster than linearly in i, so this
// is roughly 20x less work, not 10x.
import { test } from 'vitest';
import { powSelfWorkload } from '../../src/index.ts';
import { cpuStrategies, register, writeTimelines } from './cpu-bench.ts';
import type { Timelines } from './cpu-bench.ts';

test('powSelf, scale 0.1 (i from 100,000)', async ({ bench }) => {
  const timelines: Timelines = new Map();
  await bench.compare(...register(bench, cpuStrategies({ workerPerItem: true }), powSelfWorkload({ scale: 0.1 }), timelines), { time: 20_000 });
  await writeTimelines('powSelf', timelines, ['piscina-chunked(auto)', 'process-pool-chunked(auto)', 'worker-per-item']);
});
