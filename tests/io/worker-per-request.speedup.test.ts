// Timing project (runs alone, after the unit project): the ratios behind "threads help I/O, async
// helps more", with margins derived from the latency model.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { concurrent, sequential } from '../../src/strategies/main-thread.ts';
import { expectedSpeedup } from '../../src/io/model.ts';
import { fixed } from '../../src/io/latency/profiles.ts';
import { makeRequestTask } from '../../src/io/tasks/index.ts';
import { loopbackTransport } from '../../src/io/transports/index.ts';
import { workerPerRequest } from '../../src/io/worker-per-request.ts';

describe('worker thread per request vs sequential vs concurrent (loopback, 6 × 400 ms)', () => {
  const LATENCY_MS = 400;
  const REQUESTS = 6;
  const transport = loopbackTransport({ table: { latency: fixed(LATENCY_MS) } });
  beforeAll(() => transport.start());
  afterAll(() => transport.close());

  it('threads beat the loop by at least half the modelled speedup and lose to concurrent', async () => {
    const inputs = Array.from({ length: REQUESTS }, () => transport.url('/ip'));
    const time = async (run: () => Promise<unknown>): Promise<number> => {
      const start = performance.now();
      await run();
      return performance.now() - start;
    };
    const shared = makeRequestTask({ requester: transport.requester });
    const seq = await time(() => sequential().run({ name: 'seq', task: shared, inputs }));
    const threads = await time(() => workerPerRequest().run({ name: 'threads', task: makeRequestTask(), inputs }));
    const conc = await time(() => concurrent().run({ name: 'conc', task: shared, inputs }));
    // Model: a thread costs ~100 ms of start-up CPU on this 2-core machine, i.e. ~50 ms of serial
    // work per request: threads ≈ 400 + 6 × 50 = 700 ms against 2400 ms sequential (3.4x).
    const seqModel = { requests: REQUESTS, concurrency: 1, latency: LATENCY_MS };
    const threadModel = { requests: REQUESTS, concurrency: Infinity, latency: LATENCY_MS, perRequestOverheadMs: 50 };
    expect(seq / threads).toBeGreaterThan(expectedSpeedup(seqModel, threadModel) / 2);
    expect(threads / conc).toBeGreaterThan(1.2);
  });
});
