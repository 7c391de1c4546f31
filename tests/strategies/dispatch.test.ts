import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/strategies/dispatch.ts';
import type { DispatchOptions, Submit } from '../../src/strategies/dispatch.ts';
import type { ChunkRequest, ChunkResponse } from '../../src/strategies/protocol.ts';

const task = { module: '/abs/tasks.ts', exportName: 'double' };

interface Call {
  readonly request: ChunkRequest;
  readonly signal: AbortSignal | undefined;
  respond(response?: ChunkResponse): void;
  fail(error: unknown): void;
}

/** A submit whose calls the test answers by hand, in any order. */
function manualSubmit(): { submit: Submit; calls: Call[]; maxInFlight: () => number } {
  const calls: Call[] = [];
  let inFlight = 0;
  let max = 0;
  const submit: Submit = (request, signal) =>
    new Promise<ChunkResponse>((resolve, reject) => {
      inFlight++;
      max = Math.max(max, inFlight);
      const settle = () => inFlight--;
      signal?.addEventListener('abort', () => {
        settle();
        reject(new Error('aborted by the pool'));
      });
      calls.push({
        request,
        signal,
        respond(response) {
          settle();
          resolve(
            response ?? {
              ok: true,
              results: request.inputs.map((x) => 2 * (x as number)),
              entries: request.inputs.map((_, k) => ({ index: request.offset + k, lane: 'thread:1', start: k, end: k + 1 })),
            },
          );
        },
        fail(error) {
          settle();
          reject(error);
        },
      });
    });
  return { submit, calls, maxInFlight: () => max };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function options(submit: Submit, overrides: Partial<DispatchOptions> = {}): DispatchOptions {
  return { where: 'test-strategy', concurrency: 2, chunkSize: 1, timeout: undefined, signal: undefined, submit, ...overrides };
}

describe('dispatch', () => {
  it('cuts inputs into chunks and returns results in input order whatever the finishing order', async () => {
    const { submit, calls, maxInFlight } = manualSubmit();
    const done = dispatch(task, [1, 2, 3, 4, 5, 6, 7], options(submit, { chunkSize: 3, concurrency: 2 }));
    await tick();
    expect(calls.map((call) => [call.request.offset, call.request.inputs])).toEqual([
      [0, [1, 2, 3]],
      [3, [4, 5, 6]],
    ]);
    expect(calls[0]?.request).toMatchObject(task);
    calls[1]?.respond();
    await tick();
    expect(calls[2]?.request.inputs).toEqual([7]);
    calls[2]?.respond();
    calls[0]?.respond();
    const { results, entries } = await done;
    expect(results).toEqual([2, 4, 6, 8, 10, 12, 14]);
    expect(entries.map((entry) => entry.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(maxInFlight()).toBe(2);
  });

  it('resolves an empty workload without submitting anything', async () => {
    const { submit, calls } = manualSubmit();
    await expect(dispatch(task, [], options(submit))).resolves.toEqual({ results: [], entries: [] });
    expect(calls).toHaveLength(0);
  });

  it('stops submitting after a task fails, waits for running chunks, then rejects with the rebuilt error', async () => {
    const { submit, calls } = manualSubmit();
    const done = dispatch(task, [1, 2, 3, 4, 5], options(submit));
    let settled = false;
    done.catch(() => undefined).finally(() => (settled = true));
    await tick();
    calls[0]?.respond({
      ok: false,
      index: 0,
      entries: [],
      error: { name: 'RangeError', message: 'bad input', stack: 'RangeError: bad input\n    at task (file:///abs/tasks.ts:1:1)' },
    });
    await tick();
    expect(calls).toHaveLength(2);
    expect(settled).toBe(false);
    calls[1]?.respond();
    const error = await done.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RangeError);
    expect(error).toMatchObject({ message: 'bad input', inputIndex: 0, stack: 'RangeError: bad input\n    at task (file:///abs/tasks.ts:1:1)' });
    expect(calls).toHaveLength(2);
  });

  it('passes pool errors through unchanged', async () => {
    const { submit, calls } = manualSubmit();
    const done = dispatch(task, [1], options(submit));
    await tick();
    const crash = new Error('worker exited with code: 1');
    calls[0]?.fail(crash);
    await expect(done).rejects.toBe(crash);
  });

  it('cancels a chunk that misses the deadline and rejects with a TimeoutError once the others are done', async () => {
    const { submit, calls } = manualSubmit();
    const done = dispatch(task, [1, 2, 3], options(submit, { timeout: 20 }));
    await tick();
    calls[1]?.respond();
    const error = await done.catch((e: unknown) => e);
    expect(calls[0]?.signal?.aborted).toBe(true);
    expect(calls.map((call) => call.request.offset)).toEqual([0, 1, 2]);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'TimeoutError',
      message:
        'test-strategy: the task for input #0 did not finish within options.timeout (20 ms); its worker was terminated. Raise options.timeout or give the task less work.',
    });
  });

  it('names the chunk and the chunkSize fix when a chunk times out', async () => {
    const { submit } = manualSubmit();
    await expect(dispatch(task, [1, 2, 3, 4], options(submit, { timeout: 5, chunkSize: 2, concurrency: 1 }))).rejects.toThrow(
      'test-strategy: the chunk of inputs #0-#1 did not finish within options.timeout (5 ms); its worker was terminated. options.timeout applies to each chunk: raise it or lower options.chunkSize.',
    );
  });

  it('on abort cancels running chunks, submits nothing more and rejects with the reason', async () => {
    const { submit, calls } = manualSubmit();
    const controller = new AbortController();
    const done = dispatch(task, [1, 2, 3, 4], options(submit, { signal: controller.signal }));
    await tick();
    const reason = new Error('stop');
    controller.abort(reason);
    await expect(done).rejects.toBe(reason);
    expect(calls).toHaveLength(2);
    expect(calls.every((call) => call.signal?.aborted)).toBe(true);
  });

  it('wraps a non-Error abort reason and rejects at once for an already aborted signal', async () => {
    const { submit, calls } = manualSubmit();
    const error = await dispatch(task, [1], options(submit, { signal: AbortSignal.abort('why') })).catch((e: unknown) => e);
    expect(error).toMatchObject({ message: 'The run was aborted', cause: 'why' });
    expect(calls).toHaveLength(0);
  });
});

describe('dispatch with several failures', () => {
  it('rejects with the failure of the lowest input index, whatever the finishing order', async () => {
    const { submit, calls } = manualSubmit();
    const done = dispatch(task, [1, 2, 3], options(submit, { concurrency: 3 }));
    await tick();
    const failure = (index: number): ChunkResponse => ({
      ok: false,
      index,
      entries: [],
      error: { name: 'Error', message: `failed on ${index}`, stack: undefined },
    });
    calls[2]?.respond(failure(2));
    calls[1]?.respond(failure(1));
    calls[0]?.respond();
    await expect(done).rejects.toThrow('failed on 1');
  });
});

describe('dispatch timing', () => {
  it("moves the workers' monotonic timings onto the main thread's absolute clock", async () => {
    const { monotonicNow } = await import('../../src/strategies/monotonic.ts');
    const { absoluteNow } = await import('../../src/strategies/clock.ts');
    const mono = monotonicNow();
    const submit: Submit = async (request) => ({
      ok: true,
      results: [0],
      entries: [{ index: request.offset, lane: 'pid:1', start: mono, end: mono + 5 }],
    });
    const before = absoluteNow();
    const { entries } = await dispatch(task, [1], options(submit));
    const entry = entries[0];
    // mono was read just before `before`: on the absolute axis it lands within a few ms of it.
    expect(Math.abs((entry?.start as number) - before)).toBeLessThan(50);
    expect((entry?.end as number) - (entry?.start as number)).toBeCloseTo(5, 6);
  });
});
