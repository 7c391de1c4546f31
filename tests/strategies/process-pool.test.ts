import { describe, expect, it } from 'vitest';
import { processPoolChunked, processPoolPerItem } from '../../src/strategies/process-pool.ts';
import { activeResources, countResources, poolContract } from './pool-contract.ts';

function errorCode(action: () => void): string | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code;
  }
}

describe('child-process strategies', () => {
  it('name themselves and their Python counterparts', () => {
    const perItem = processPoolPerItem({ workers: 2 });
    expect([perItem.name, perItem.python]).toEqual(['process-pool-per-item', 'ProcessPoolExecutor(max_workers=2).submit per item']);
    const chunked = processPoolChunked({ workers: 2, chunkSize: 50, warm: false });
    expect([chunked.name, chunked.python]).toEqual([
      'process-pool-chunked(50, cold)',
      'multiprocessing.Pool(processes=2).map(chunksize=50), pool created per run',
    ]);
  });

  it('run tasks in other processes', async () => {
    const strategy = processPoolChunked({ workers: 2, chunkSize: 1 });
    try {
      await strategy.start();
      const { fixtureTask } = await import('./fixtures/tasks.ts');
      const run = await strategy.run({ name: 'pids', task: fixtureTask('double', (x: number) => 2 * x), inputs: [1, 2, 3, 4] });
      for (const entry of run.timeline.entries) expect(entry.lane).not.toBe(`pid:${process.pid}`);
    } finally {
      await strategy.close();
    }
  });

  poolContract({
    perItem: processPoolPerItem,
    chunked: processPoolChunked,
    laneKind: 'pid',
    async expectNothingLeft(lanes, resourcesBefore) {
      expect(lanes.size).toBeGreaterThan(0);
      for (const lane of lanes) {
        const pid = Number(lane.slice('pid:'.length));
        expect(errorCode(() => process.kill(pid, 0)), lane).toBe('ESRCH');
      }
      const after = countResources(activeResources());
      const before = countResources(resourcesBefore);
      for (const type of ['ProcessWrap', 'PipeWrap', 'MessagePort']) expect(after[type] ?? 0, type).toBeLessThanOrEqual(before[type] ?? 0);
    },
  });
});
