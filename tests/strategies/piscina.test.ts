import { describe, expect, it } from 'vitest';
import { piscinaChunked, piscinaPerItem } from '../../src/strategies/piscina.ts';
import { activeResources, countResources, poolContract } from './pool-contract.ts';

describe('piscina strategies', () => {
  it('name themselves and their Python counterparts', () => {
    const perItem = piscinaPerItem({ workers: 3 });
    expect([perItem.name, perItem.python, perItem.workers, perItem.warm, perItem.chunkSize]).toEqual([
      'piscina-per-item',
      'ProcessPoolExecutor(max_workers=3).submit per item',
      3,
      true,
      1,
    ]);
    const chunked = piscinaChunked({ workers: 2, chunkSize: 500 });
    expect([chunked.name, chunked.python]).toEqual(['piscina-chunked(500)', 'multiprocessing.Pool(processes=2).map(chunksize=500)']);
    expect(piscinaChunked({ workers: 2 }).name).toBe('piscina-chunked(auto)');
    expect(piscinaPerItem({ warm: false }).name).toBe('piscina-per-item(cold)');
  });

  poolContract({
    perItem: piscinaPerItem,
    chunked: piscinaChunked,
    laneKind: 'thread',
    async expectNothingLeft(_lanes, resourcesBefore) {
      const after = countResources(activeResources());
      const before = countResources(resourcesBefore);
      for (const type of ['Worker', 'MessagePort']) expect(after[type] ?? 0, type).toBeLessThanOrEqual(before[type] ?? 0);
    },
  });
});
