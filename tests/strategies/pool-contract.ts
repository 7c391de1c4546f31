/**
 * Behaviour every pool strategy shares, run against piscina (threads) and tinypool (child
 * processes) by piscina.test.ts and process-pool.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ChunkedPoolOptions, PoolOptions, PoolStrategy } from '../../src/strategies/pool.ts';
import type { Strategy, Workload } from '../../src/strategies/types.ts';
import { sequential } from '../../src/strategies/main-thread.ts';
import { cpuWorkerModule } from '../../src/tasks/cpu/tasks.ts';
import { sieveWorkload } from '../../src/tasks/cpu/workloads.ts';
import { CustomTaskError, fixtureModule, fixtureTask, asyncDouble, double, failOn, sleepThenEcho } from './fixtures/tasks.ts';

export interface PoolContract {
  readonly perItem: (options?: PoolOptions) => PoolStrategy;
  readonly chunked: (options?: ChunkedPoolOptions) => PoolStrategy;
  /** `thread` or `pid`. */
  readonly laneKind: string;
  /** Checks that nothing the pool created is left (threads, processes, handles). */
  readonly expectNothingLeft: (lanes: ReadonlySet<string>, resourcesBefore: readonly string[]) => Promise<void>;
}

const doubleTask = fixtureTask('double', double);
const sleepTask = fixtureTask('sleepThenEcho', sleepThenEcho);
const failTask = fixtureTask('failOn', failOn);

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

function lanesOf(run: { timeline: { entries: readonly { lane: string }[] } }): Set<string> {
  return new Set(run.timeline.entries.map((entry) => entry.lane));
}

/**
 * `process.getActiveResourcesInfo()`, after creating the lazily made stdout/stderr handles:
 * tinypool pipes its children's output into them, and they stay for the life of the process.
 */
export function activeResources(): string[] {
  void process.stdout;
  void process.stderr;
  return process.getActiveResourcesInfo();
}

/** Counts resource types, e.g. { Worker: 2, MessagePort: 4 }. */
export function countResources(resources: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const resource of resources) counts[resource] = (counts[resource] ?? 0) + 1;
  return counts;
}

export function poolContract(contract: PoolContract): void {
  const open: Strategy[] = [];
  const track = <S extends PoolStrategy>(strategy: S): S => {
    open.push(strategy);
    return strategy;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((strategy) => strategy.close?.()));
  });
  const lanePattern = new RegExp(`^${contract.laneKind}:\\d+$`);

  describe('warm pools', () => {
    it('run the workload with results in input order and one timeline entry per input', async () => {
      const workload = sieveWorkload({ scale: 0.01 });
      const strategy = track(contract.chunked({ workers: 2, chunkSize: 10, preload: [cpuWorkerModule] }));
      await strategy.start();
      const run = await strategy.run(workload);
      const reference = await sequential().run(workload);
      expect(run.results.map((primes) => primes.length)).toEqual(reference.results.map((primes) => primes.length));
      expect(run.results[0]).toBeInstanceOf(Uint32Array);
      expect(run.results[149]).toEqual(reference.results[149]);
      expect(run.timeline.entries.map((entry) => entry.index)).toEqual(range(150));
      for (const entry of run.timeline.entries) {
        expect(entry.lane).toMatch(lanePattern);
        expect(entry.start).toBeGreaterThanOrEqual(run.timeline.start);
        expect(entry.end).toBeGreaterThanOrEqual(entry.start);
        expect(entry.end).toBeLessThanOrEqual(run.timeline.end);
      }
      expect(lanesOf(run).size).toBeLessThanOrEqual(2);
    });

    it('run each chunk on one worker, in order', async () => {
      const strategy = track(contract.chunked({ workers: 2, chunkSize: 5 }));
      await strategy.start();
      const run = await strategy.run({ name: 'doubles', task: doubleTask, inputs: range(10) });
      expect(run.results).toEqual(range(10).map((x) => 2 * x));
      const lanes = run.timeline.entries.map((entry) => entry.lane);
      expect(new Set(lanes.slice(0, 5)).size).toBe(1);
      expect(new Set(lanes.slice(5)).size).toBe(1);
      const starts = run.timeline.entries.map((entry) => entry.start);
      for (let k = 1; k < 5; k++) expect(starts[k]).toBeGreaterThanOrEqual(starts[k - 1] as number);
    });

    it("default the chunk size to Python's ceil(inputs / (4 x workers)) and accept async tasks", async () => {
      const strategy = track(contract.chunked({ workers: 2 }));
      expect(strategy.chunkSize).toBe('auto');
      await strategy.start();
      const run = await strategy.run({ name: 'async doubles', task: fixtureTask('asyncDouble', asyncDouble), inputs: range(16) });
      expect(run.results).toEqual(range(16).map((x) => 2 * x));
      const lanes = run.timeline.entries.map((entry) => entry.lane);
      for (let k = 0; k < 16; k += 2) expect(lanes[k + 1]).toBe(lanes[k]); // chunks of ceil(16 / 8) = 2
    });

    it('return results in input order when later inputs finish first', async () => {
      const strategy = track(contract.perItem({ workers: 2 }));
      await strategy.start();
      const inputs = [{ ms: 150, value: 0 }, { ms: 1, value: 1 }, { ms: 1, value: 2 }];
      const run = await strategy.run({ name: 'sleeps', task: sleepTask, inputs });
      expect(run.results).toEqual([0, 1, 2]);
      const [slow, fast] = run.timeline.entries;
      expect(fast?.end).toBeLessThan(slow?.end as number);
    });

    it('reject run() before start() with the fix', async () => {
      const strategy = track(contract.perItem({ workers: 1 }));
      await expect(strategy.run({ name: 'doubles', task: doubleTask, inputs: [1] })).rejects.toThrow(
        new Error(
          `${strategy.name}: the pool is not started. Call await strategy.start() before run() (it creates the workers and runs one trivial task on each), ` +
            'or create the strategy with { warm: false } to include pool start-up in every run.',
        ),
      );
    });

    it('start all workers in start(), so the first run can use every one of them', async () => {
      const strategy = track(contract.perItem({ workers: 2 }));
      await strategy.start();
      const inputs = [{ ms: 100, value: 0 }, { ms: 100, value: 1 }];
      const run = await strategy.run({ name: 'two sleeps', task: sleepTask, inputs });
      expect(lanesOf(run).size).toBe(2);
      const [a, b] = run.timeline.entries;
      // Both ran at the same time: each started before the other ended.
      expect(a?.start).toBeLessThan(b?.end as number);
      expect(b?.start).toBeLessThan(a?.end as number);
    });

    it('can be closed and started again', async () => {
      const strategy = track(contract.perItem({ workers: 1 }));
      await strategy.start();
      await strategy.close();
      await strategy.start();
      await expect(strategy.run({ name: 'doubles', task: doubleTask, inputs: [21] })).resolves.toMatchObject({ results: [42] });
    });
  });

  describe('cold pools', () => {
    it('create and destroy their own pool in every run, leaving nothing behind', async () => {
      const resourcesBefore = activeResources();
      const strategy = contract.chunked({ workers: 2, chunkSize: 2, warm: false });
      expect(strategy.warm).toBe(false);
      expect(strategy.name).toMatch(/\(2, cold\)$/);
      expect(strategy.python).toMatch(/, pool created per run$/);
      await strategy.start(); // nothing to do, but allowed
      const first = await strategy.run({ name: 'doubles', task: doubleTask, inputs: range(6) });
      const second = await strategy.run({ name: 'doubles', task: doubleTask, inputs: range(6) });
      expect(first.results).toEqual([0, 2, 4, 6, 8, 10]);
      expect(second.results).toEqual(first.results);
      // New workers each time.
      const firstLanes = lanesOf(first);
      for (const lane of lanesOf(second)) expect(firstLanes.has(lane)).toBe(false);
      await contract.expectNothingLeft(new Set([...firstLanes, ...lanesOf(second)]), resourcesBefore);
    });
  });

  describe('failures', () => {
    it('reject with the original class, message and stack when a task throws, and stay usable and warm', async () => {
      const strategy = track(contract.perItem({ workers: 2 }));
      await strategy.start();
      const before = await strategy.run({ name: 'doubles', task: doubleTask, inputs: range(8) });
      const error = await strategy.run({ name: 'fails on 3', task: failTask, inputs: range(6) }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TypeError);
      expect(error).toMatchObject({ message: 'input 3 is not allowed', inputIndex: 3 });
      expect((error as Error).stack).toMatch(/^TypeError: input 3 is not allowed\n\s+at failOn \(.*tests\/strategies\/fixtures\/tasks\.ts:\d+:\d+\)/);

      const after = await strategy.run({ name: 'doubles', task: doubleTask, inputs: range(8) });
      expect(after.results).toEqual(before.results);
      // The same workers: no worker was lost or replaced.
      const lanesBefore = lanesOf(before);
      for (const lane of lanesOf(after)) expect(lanesBefore.has(lane)).toBe(true);
    });

    it('keep the name of custom errors and wrap thrown non-errors', async () => {
      const strategy = track(contract.chunked({ workers: 1, chunkSize: 10 }));
      await strategy.start();
      const custom = await strategy.run({ name: 'custom', task: failTask, inputs: [5] }).catch((e: unknown) => e);
      expect(custom).toBeInstanceOf(Error);
      expect(custom).not.toBeInstanceOf(CustomTaskError); // classes do not cross the boundary
      expect(custom).toMatchObject({ name: 'CustomTaskError', message: 'custom failure', inputIndex: 0 });
      expect((custom as Error).stack).toMatch(/^CustomTaskError: custom failure\n/);
      const bare = await strategy.run({ name: 'bare', task: failTask, inputs: [1, 6] }).catch((e: unknown) => e);
      expect(bare).toMatchObject({ name: 'Error', message: 'a bare string', inputIndex: 1 });
    });

    it('terminate a task that exceeds options.timeout, reject with a TimeoutError and stay usable', async () => {
      const strategy = track(contract.perItem({ workers: 1, timeout: 100 }));
      await strategy.start();
      const started = performance.now();
      const error = await strategy.run({ name: 'too slow', task: sleepTask, inputs: [{ ms: 10_000, value: 0 }] }).catch((e: unknown) => e);
      // Far below the 10 s the task would have taken.
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(error).toMatchObject({
        name: 'TimeoutError',
        message: `${strategy.name}: the task for input #0 did not finish within options.timeout (100 ms); its worker was terminated. Raise options.timeout or give the task less work.`,
      });
      await strategy.start(); // re-prime the replacement worker
      await expect(strategy.run({ name: 'doubles', task: doubleTask, inputs: [1, 2] })).resolves.toMatchObject({ results: [2, 4] });
    });

    it('cancel running tasks on abort and reject with the reason', async () => {
      const strategy = track(contract.perItem({ workers: 2 }));
      await strategy.start();
      const controller = new AbortController();
      const reason = new Error('user gave up');
      const started = performance.now();
      const inputs = Array.from({ length: 4 }, (_, value) => ({ ms: 10_000, value }));
      const run = strategy.run({ name: 'slow', task: sleepTask, inputs }, { signal: controller.signal });
      setTimeout(() => controller.abort(reason), 100);
      await expect(run).rejects.toBe(reason);
      expect(performance.now() - started).toBeLessThan(5_000);
      await expect(strategy.run({ name: 'doubles', task: doubleTask, inputs: [3] })).resolves.toMatchObject({ results: [6] });
    });

    it('reject a task whose module does not exist, or lacks the export, with the fix', async () => {
      const strategy = track(contract.perItem({ workers: 1 }));
      await strategy.start();
      const missing: Workload<number, number> = {
        name: 'missing',
        inputs: [1],
        task: { name: 'double', run: double, module: '/nonexistent/tasks.ts', exportName: 'double' },
      };
      await expect(strategy.run(missing)).rejects.toThrow(
        new TypeError(
          `${strategy.name}: task.module does not exist: /nonexistent/tasks.ts. Point it at an existing module file, e.g. fileURLToPath(new URL('./tasks.ts', import.meta.url)).`,
        ),
      );
      const noModule: Workload<number, number> = { name: 'no module', inputs: [1], task: { name: 'double', run: double } };
      await expect(strategy.run(noModule)).rejects.toThrow(
        new TypeError(
          `${strategy.name}: task "double" has no module, so it cannot run off the main thread. Set task.module to the absolute path of a module that exports it, e.g. fileURLToPath(new URL('./tasks.ts', import.meta.url)).`,
        ),
      );
      const relative: Workload<number, number> = { name: 'relative', inputs: [1], task: { name: 'double', run: double, module: './tasks.ts' } };
      await expect(strategy.run(relative)).rejects.toThrow(
        new TypeError(`${strategy.name}: task.module must be an absolute file path, received "./tasks.ts". Use fileURLToPath(new URL('./tasks.ts', import.meta.url)).`),
      );
      const noExport = fixtureTask('triple', double);
      const error = await strategy.run({ name: 'no export', task: noExport, inputs: [1] }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TypeError);
      expect(error).toMatchObject({
        message: `Task module ${fixtureModule} does not export a function named "triple". Export it (export function triple(input) { ... }) or fix task.exportName.`,
        inputIndex: 0,
      });
    });
  });

  describe('close()', () => {
    it('leaves no worker, process or handle behind, also after timeouts and aborts', async () => {
      const resourcesBefore = activeResources();
      const strategy = contract.perItem({ workers: 2, timeout: 200 });
      await strategy.start();
      const run = await strategy.run({ name: 'doubles', task: doubleTask, inputs: range(10) });
      const lanes = lanesOf(run);
      await strategy.run({ name: 'too slow', task: sleepTask, inputs: [{ ms: 10_000, value: 0 }] }).catch(() => undefined);
      const controller = new AbortController();
      const aborted = strategy.run({ name: 'slow', task: sleepTask, inputs: [{ ms: 10_000, value: 0 }] }, { signal: controller.signal });
      setTimeout(() => controller.abort(), 50);
      await aborted.catch(() => undefined);
      await strategy.start();
      for (const entry of (await strategy.run({ name: 'doubles', task: doubleTask, inputs: range(10) })).timeline.entries) lanes.add(entry.lane);
      await strategy.close();
      await contract.expectNothingLeft(lanes, resourcesBefore);
    });
  });
}
