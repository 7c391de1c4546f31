// Lesson 5: a pool of child processes is true multiprocessing: once warm it speeds CPU work up
// like a thread pool (when little data crosses the pipe), but every process costs more to start
// than a thread. Python: ProcessPoolExecutor / multiprocessing.Pool (processes, pickled data).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ceiling, cpuWorkerModule, effectiveCores, piscinaChunked, processPoolChunked, sequential, sumOfSquaresWorkload } from '../../../src/index.ts';
import { withCeilingNow } from './ceiling-now.ts';

describe('a warm child-process pool', () => {
  // sumOfSquares(5_000_000 + x) for x in range(20) at full size: ~0.25 s of arithmetic in a loop,
  // and each result is one bigint, so what crosses the pipe is a few hundred bytes per chunk.
  // (The faithful sieve sends ~63 MB of primes back at full size, serialised by the child and
  // parsed by the parent, which made this pool slower than a loop: a lesson for the benchmarks.)
  const workload = sumOfSquaresWorkload();
  const loop = sequential();
  // One chunk per child process, as in the thread-pool lesson (chunked-pool-speedup.test.ts).
  const pool = processPoolChunked({ chunkSize: Math.ceil(workload.inputs.length / effectiveCores()), preload: [cpuWorkerModule] });

  beforeAll(() => pool.start());
  afterAll(() => pool.close());

  test('is at least 0.65 x the parallel ceiling faster than a loop on CPU work with small results', async (context) => {
    // Model: as for the thread pool (one equal chunk per worker: balance ~1, ~10% lost to two
    // lanes computing at once), but a task is an IPC round trip (~90 us: serialise, write to a
    // pipe, wake another process) instead of ~35 us: ~0.85 x the ceiling expected (seen here:
    // 1.63x at a ceiling of ~1.9x); 0.65 leaves the thread pool's room for load changes plus the
    // larger per-task cost. Skipped when 0.65 x the ceiling is not above 1, or
    // when the ceiling collapsed during a failing measurement (see ceiling-now.ts).
    const processes = () => pool.run(workload);
    const plainLoop = () => loop.run(workload);
    await withCeilingNow(context, 0.65, () =>
      expect(processes).toHaveSpeedupAtLeast(plainLoop, ceiling(0.65), { onUnreachable: 'skip', onInconclusive: 'skip' }),
    );
  });
});

describe('a cold pool', () => {
  // Two tiny tasks' worth of work: the run is all start-up and teardown.
  const tiny = sumOfSquaresWorkload({ scale: 0.0001 });
  // warm: false creates the pool inside every run and destroys it before the run resolves
  // (Python: `with ProcessPoolExecutor() as ex:` inside the timed block).
  const coldThreads = piscinaChunked({ warm: false });
  const coldProcesses = processPoolChunked({ warm: false });
  afterAll(() => Promise.all([coldThreads.close(), coldProcesses.close()]));

  test('of worker threads starts at least 1.1x faster than a cold pool of child processes', async () => {
    const threads = () => coldThreads.run(tiny);
    const processes = () => coldProcesses.run(tiny);
    // Model: both boot V8 and Node and load and type-strip the worker module (a bare thread starts
    // and exits in ~35 ms here, `node -e 0` takes 30-60 ms); a process also forks and execs the
    // node binary, sets up the IPC pipe, and its teardown waits for the exit and the closed pipes.
    // Seen here: ~140 ms vs ~190 ms per cold run, 1.36x and 1.45x. 1.1x claims that a process
    // costs measurably more, a third of the excess seen, with room for hosts where exec is cheap.
    // Both sides start one worker per core, so the claim holds on one core too. A sample is a
    // whole cold run (~0.3 s for the pair), hence the longer budget.
    await expect(threads).toHaveSpeedupAtLeast(processes, 1.1, { maxTimeMs: 8000, onInconclusive: 'skip' });
  });
});
