// Seed spec, lesson "threading.Thread per request vs asyncio": a thread per request beats the
// plain loop, but asyncio.gather beats the threads, because every thread has to start before its
// request goes out. Loopback only: worker threads cannot see the main thread's mocks (MSW,
// MockAgent).
//
// Scale: 3 GETs at 400 ms. The I/O engineer's one-shot check used 6 × 400 ms; a matcher times
// both sides every round, and 6 × 400 ms would make one round ~3.5 s (~25 s per spec). The
// speedup of threads over the loop is at most N·L / (L + N·T), so the latency has to stay large
// against the thread start-up T, which grows with the load: 3 × 400 ms keeps a round at ~2 s.
//
// Model: every thread has to start before its request goes out: T ≈ 150 ms here (one thread
// alone: 110-200 ms until its request is sent; three side by side on 2 cores: 107-170 ms each, a
// little more next to a busy loop). The I/O engineer's figure of 50-100 ms was for a quieter
// machine. As `ceil(N/c)·L + N·o` with o = T:
//   sequential   3 × 400 ms              = 1200 ms
//   threads      400 + 3 × 150 ms        ≈  850 ms   → 1.41x over sequential (measured 1.19-1.56x)
//   concurrent   400 ms (+ 3 × ~0.3 ms)  ≈  400 ms   → 2.13x over threads    (measured 1.89-2.47x)
// Thresholds:
// - threads over the loop: at least 1.0x, i.e. faster, which is the lesson's claim. The model
//   leaves room for more (1.41x), but not under load: next to a busy loop and two other timing
//   runs the threads took 1.0 s (T ≈ 200 ms) and measured 1.19x [1.02x, 1.38x] and
//   1.19x [1.09x, 1.29x], so the model -25% (1.06x) went inconclusive. Still a regression fails: threads that run one after another
//   (3 × 550 ms, 0.73x) or a start-up that doubles (400 + 3 × 300 ms, 0.92x).
// - gather over the threads: at least the model -35% = 1.38x. The true ratio clears it for any
//   T above ~50 ms (one thread alone never started in under 110 ms here). A regression: a
//   concurrent() that waits for each request (1200 ms, 0.71x over the threads).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { concurrent, expectedSpeedup, sequential, type LatencyModel } from '../../../src/index.ts';
import {
  activeResources,
  fixed,
  leakedResources,
  loopbackTransport,
  makeRequestTask,
  speedupModelBand,
  workerPerRequest,
  type ResourceCounts,
} from '../../../src/io/index.ts';

const REQUESTS = 3;
const LATENCY_MS = 400;
const THREAD_START_MS = 150;
const TOLERANCE = 0.35;

const sequentialModel: LatencyModel = { requests: REQUESTS, concurrency: 1, latency: LATENCY_MS };
const threadModel: LatencyModel = { requests: REQUESTS, concurrency: Number.POSITIVE_INFINITY, latency: LATENCY_MS, perRequestOverheadMs: THREAD_START_MS };
const asyncModel: LatencyModel = { requests: REQUESTS, concurrency: Number.POSITIVE_INFINITY, latency: LATENCY_MS };

// Rounds take 1.2-2.2 s; the loop's side is pure timer waits (cv ~0%) and the threads' side
// varies by 5-25% (their start-up), so 6 rounds (minRounds 6, not 8) make a usable first look.
// Threads vs the loop: ~2 s per round, so 1 warm-up + 6 rounds is all a 16 s budget holds:
// maxRounds 6 makes that one look at the full 95% instead of the first of 17 planned looks.
// Gather vs threads: ~1.2 s per round, looks at 6, 8 and 10 rounds.
const THREADS_OVER_LOOP = { minRounds: 6, maxRounds: 6, maxTimeMs: 16_000 } as const;
const GATHER_OVER_THREADS = { minRounds: 6, maxRounds: 10, maxTimeMs: 12_000 } as const;

describe('a worker thread per request vs a loop vs asyncio.gather (loopback, 3 GETs at 400 ms)', () => {
  const transport = loopbackTransport({ table: { latency: fixed(LATENCY_MS) } });
  let before: ResourceCounts;
  let inputs: string[];

  beforeAll(async () => {
    before = activeResources();
    await transport.start();
    inputs = Array.from({ length: REQUESTS }, () => transport.url('/ip'));
  });

  afterAll(async () => {
    await transport.close();
    expect(await leakedResources(before)).toEqual({});
  });

  // The main thread shares one pool; each worker thread opens its own connection (no requester).
  const oneByOne = () => sequential().run({ name: 'loop', task: makeRequestTask({ requester: transport.requester }), inputs });
  const threadPerRequest = () => workerPerRequest().run({ name: 'threads', task: makeRequestTask(), inputs });
  const gathered = () => concurrent().run({ name: 'gather', task: makeRequestTask({ requester: transport.requester }), inputs });

  it('every strategy gets the same answers; the threads ran in threads of their own', async () => {
    const expected = Array.from({ length: REQUESTS }, () => '127.0.0.1');
    expect((await oneByOne()).results).toEqual(expected);
    expect((await gathered()).results).toEqual(expected);
    const threads = await threadPerRequest();
    expect(threads.results).toEqual(expected);
    expect(new Set(threads.timeline.entries.map((entry) => entry.lane)).size).toBe(REQUESTS);
  });

  it('threads beat the loop', async () => {
    expect(expectedSpeedup(sequentialModel, threadModel)).toBeGreaterThan(1.3);
    await expect(threadPerRequest).toHaveSpeedupAtLeast(oneByOne, 1, THREADS_OVER_LOOP);
  });

  it('asyncio.gather beats the threads: at least the modelled speedup -35%', async () => {
    expect(expectedSpeedup(sequentialModel, asyncModel)).toBeGreaterThan(expectedSpeedup(sequentialModel, threadModel));
    const [atLeast] = speedupModelBand(threadModel, asyncModel, TOLERANCE);
    expect(atLeast.value).toBeGreaterThan(1.3);
    await expect(gathered).toHaveSpeedupAtLeast(threadPerRequest, atLeast, GATHER_OVER_THREADS);
  });
});
