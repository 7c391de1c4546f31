import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createVitest } from 'vitest/node';

const root = fileURLToPath(new URL('../../fixtures/bench-project', import.meta.url));

describe('the benchmark provider inside `vitest bench`', () => {
  it('runs bench.compare on the engine and returns speedups with intervals', async () => {
    const vitest = await createVitest('test', { root, watch: false, reporters: [], benchmarkOnly: true } as Parameters<typeof createVitest>[1]);
    try {
      await vitest.start();
      const [module] = vitest.state.getTestModules();
      const [testCase] = [...module!.children.allTests()];
      // The fixture's own assertion errors, if any, are the useful part of a failure here.
      expect(testCase!.result().errors ?? []).toEqual([]);
      expect(testCase!.result().state).toBe('passed');
      const meta = testCase!.meta() as { vitestSpeedup?: { groups: { baseline: { name: string }; comparisons: { candidate: string; interval: { estimate: number } }[] }[] } };
      const [group] = meta.vitestSpeedup!.groups;
      expect(group!.baseline.name).toBe('wait 12 ms');
      expect(group!.comparisons[0]!.candidate).toBe('wait 2 ms');
      // Model: (12 + d) / (2 + d) for a wake-up latency d between 0 and 10 ms: 1.83x to 6x.
      expect(group!.comparisons[0]!.interval.estimate).toBeGreaterThan(1.5);
      expect(group!.comparisons[0]!.interval.estimate).toBeLessThan(6.5);
      const [benchmark] = testCase!.benchmarks();
      expect(benchmark!.tasks.map((t) => t.name).sort()).toEqual(['wait 12 ms', 'wait 2 ms']);
    } finally {
      await vitest.close();
    }
  }, 30_000);
});
