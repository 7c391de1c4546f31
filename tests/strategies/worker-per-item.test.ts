import { describe, expect, it } from 'vitest';
import { workerPerItem } from '../../src/strategies/worker-per-item.ts';
import { countResources } from './pool-contract.ts';
import { fixtureTask, double, failOn, sleepThenEcho } from './fixtures/tasks.ts';

const doubleTask = fixtureTask('double', double);
const sleepTask = fixtureTask('sleepThenEcho', sleepThenEcho);

function expectNoThreadsLeft(before: readonly string[]): void {
  const after = countResources(process.getActiveResourcesInfo());
  const base = countResources(before);
  for (const type of ['Worker', 'MessagePort']) expect(after[type] ?? 0, type).toBeLessThanOrEqual(base[type] ?? 0);
}

describe('workerPerItem', () => {
  it('names itself after threading.Thread', () => {
    const strategy = workerPerItem({ workers: 2 });
    expect([strategy.name, strategy.python, strategy.workers]).toEqual(['worker-per-item', 'threading.Thread per task', 2]);
  });

  it('runs every input on a new thread and returns results in input order', async () => {
    const before = process.getActiveResourcesInfo();
    const run = await workerPerItem({ workers: 2 }).run({ name: 'doubles', task: doubleTask, inputs: [1, 2, 3, 4] });
    expect(run.results).toEqual([2, 4, 6, 8]);
    const lanes = run.timeline.entries.map((entry) => entry.lane);
    expect(new Set(lanes).size).toBe(4);
    for (const lane of lanes) expect(lane).toMatch(/^thread:\d+$/);
    expect(run.timeline.entries.map((entry) => entry.index)).toEqual([0, 1, 2, 3]);
    // Every thread has exited by the time run() resolves.
    expectNoThreadsLeft(before);
  });

  it('keeps at most `workers` threads running at once', async () => {
    const inputs = [0, 1, 2].map((value) => ({ ms: 30, value }));
    const run = await workerPerItem({ workers: 1 }).run({ name: 'sleeps', task: sleepTask, inputs });
    const [a, b, c] = run.timeline.entries;
    expect(b?.start).toBeGreaterThanOrEqual(a?.end as number);
    expect(c?.start).toBeGreaterThanOrEqual(b?.end as number);
  });

  it('rejects with the original error of a throwing task', async () => {
    const error = await workerPerItem({ workers: 1 })
      .run({ name: 'fails', task: fixtureTask('failOn', failOn), inputs: [1, 4] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RangeError);
    expect(error).toMatchObject({ message: 'out of range', inputIndex: 1 });
    expect((error as Error).stack).toMatch(/at failOn \(.*fixtures\/tasks\.ts/);
  });

  it('terminates a thread that exceeds options.timeout', async () => {
    const before = process.getActiveResourcesInfo();
    const started = performance.now();
    const error = await workerPerItem({ timeout: 100 })
      .run({ name: 'too slow', task: sleepTask, inputs: [{ ms: 10_000, value: 0 }] })
      .catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(error).toMatchObject({
      name: 'TimeoutError',
      message:
        'worker-per-item: the task for input #0 did not finish within options.timeout (100 ms); its worker was terminated. Raise options.timeout or give the task less work.',
    });
    expectNoThreadsLeft(before);
  });

  it('terminates running threads on abort, and close() ends a run in progress', async () => {
    const before = process.getActiveResourcesInfo();
    const controller = new AbortController();
    const strategy = workerPerItem({ workers: 2 });
    const inputs = [0, 1, 2].map((value) => ({ ms: 10_000, value }));
    const aborted = strategy.run({ name: 'slow', task: sleepTask, inputs }, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('enough')), 100);
    await expect(aborted).rejects.toThrow('enough');
    expectNoThreadsLeft(before);

    const closing = strategy.run({ name: 'slow', task: sleepTask, inputs: [{ ms: 10_000, value: 0 }] });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await strategy.close();
    await expect(closing).rejects.toThrow(/^worker-per-item: the worker for input #0 exited with code 1 before answering\.$/);
    expectNoThreadsLeft(before);
  });
});
