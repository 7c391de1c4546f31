/**
 * Smoke check of the CPU strategies (not a test; timings are noisy on a shared machine):
 * 1. per-task overhead of each off-thread strategy: a near-empty task (`sieve(0)`) run N times
 *    on one warm worker, wall time / N;
 * 2. the full sieve workload (15,000 inputs) sequential vs chunked pools, alternating rounds,
 *    medians reported.
 *
 * Run: npx node scripts/smoke-cpu-strategies.ts [rounds=5]
 */
import { sequential, piscinaChunked, piscinaPerItem, processPoolChunked, processPoolPerItem, workerPerItem } from '../src/strategies/index.ts';
import type { Strategy, Workload } from '../src/strategies/index.ts';
import { cpuWorkerModule, sieveTask, sieveWorkload } from '../src/tasks/cpu/index.ts';
import { utilisation } from '../src/timeline/index.ts';

const rounds = Number(process.argv[2] ?? 5);
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
type Startable = Strategy & { start?: () => Promise<void> };

async function time(strategy: Startable, workload: Workload<number, Uint32Array>): Promise<{ ms: number; util: number }> {
  const t0 = performance.now();
  const run = await strategy.run(workload);
  return { ms: performance.now() - t0, util: utilisation(run.timeline) };
}

console.log(`node ${process.version}, load average ${(await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(' ')}`);

// 1. Per-task overhead on one worker.
const trivial = (n: number): Workload<number, Uint32Array> => ({ name: 'sieve(0)', task: sieveTask, inputs: Array.from({ length: n }, () => 0) });
const overheads: [string, () => Startable, number][] = [
  ['sequential (main thread)', () => sequential(), 20_000],
  ['piscina-per-item', () => piscinaPerItem({ workers: 1, preload: [cpuWorkerModule] }), 5_000],
  ['process-pool-per-item', () => processPoolPerItem({ workers: 1, preload: [cpuWorkerModule] }), 2_000],
  ['worker-per-item', () => workerPerItem({ workers: 1 }), 20],
  ['piscina-per-item(cold), 1 run of 1 task', () => piscinaPerItem({ workers: 1, warm: false }), 1],
  ['process-pool-per-item(cold), 1 run of 1 task', () => processPoolPerItem({ workers: 1, warm: false }), 1],
];
console.log('\nper-task overhead, 1 worker, task sieve(0):');
for (const [label, make, n] of overheads) {
  const results: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const strategy = make();
    await strategy.start?.();
    await strategy.run(trivial(Math.min(n, 50))); // warm the JIT on both sides
    const { ms } = await time(strategy, trivial(n));
    await strategy.close?.();
    results.push((ms * 1000) / n);
  }
  console.log(`  ${label.padEnd(46)} ${median(results).toFixed(1).padStart(9)} us/task  (n=${n}, rounds: ${results.map((x) => x.toFixed(0)).join(' ')})`);
}

// 2. Full sieve workload.
const workload = sieveWorkload();
const contenders: Startable[] = [
  sequential(),
  piscinaChunked({ chunkSize: 500, preload: [cpuWorkerModule] }),
  piscinaChunked({ preload: [cpuWorkerModule] }),
  processPoolChunked({ chunkSize: 500, preload: [cpuWorkerModule] }),
  piscinaPerItem({ preload: [cpuWorkerModule] }),
];
for (const strategy of contenders) await strategy.start?.();
const times = new Map<string, number[]>(contenders.map((s) => [s.name, []]));
const utils = new Map<string, number[]>(contenders.map((s) => [s.name, []]));
for (let r = 0; r < rounds; r++) {
  for (const strategy of contenders) {
    const { ms, util } = await time(strategy, workload);
    times.get(strategy.name)?.push(ms);
    utils.get(strategy.name)?.push(util);
  }
}
for (const strategy of contenders) await strategy.close?.();
const base = median(times.get('sequential') as number[]);
console.log(`\nfull sieve workload (${workload.inputs.length} inputs), warm pools, ${rounds} alternating rounds:`);
for (const strategy of contenders) {
  const ms = times.get(strategy.name) as number[];
  console.log(
    `  ${strategy.name.padEnd(28)} median ${median(ms).toFixed(0).padStart(5)} ms  speedup ${(base / median(ms)).toFixed(2)}x  utilisation ${(median(utils.get(strategy.name) as number[]) * 100).toFixed(0)}%  (rounds: ${ms.map((x) => x.toFixed(0)).join(' ')})`,
  );
}
