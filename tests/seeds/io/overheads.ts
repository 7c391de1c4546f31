// Shared by the I/O seed specs (not a spec itself): the per-request overheads of the latency
// model `ceil(N/c)·L + N·o + s`, measured on the transport the spec runs on.
import { measurePerRequestOverhead, type Transport } from '../../../src/io/index.ts';

/** The two overheads a spec's models need, in ms. */
export interface Overheads {
  /** o: serial work per request that concurrency cannot overlap (N concurrent zero-latency requests / N). */
  readonly o: number;
  /** A whole zero-latency request: what a one-by-one run pays per request on top of the latency. */
  readonly oSequential: number;
}

/**
 * Measures o and the sequential per-request cost at the concurrency the spec uses.
 *
 * Both are CPU time measured over ~0.1-0.3 s, and two things made single measurements 2-5x
 * too high here: the first few hundred requests through MSW (the JIT is still cold), and a burst
 * of load from another process (measured once: MSW o = 4.9 ms, against 0.5-1 ms in the run that
 * followed). So: one measurement to warm up, then the median of three (not the smallest: the
 * smallest was ~0.5x what MSW then cost inside the measured runs, whose garbage and timers it
 * shares).
 *
 * @example
 * const { o, oSequential } = await measureOverheads(transport, 20);
 * const concurrentModel = { requests: 20, concurrency: Infinity, latency: 15, perRequestOverheadMs: o };
 */
export async function measureOverheads(transport: Transport, requests: number, path = '/ip?latency=0'): Promise<Overheads> {
  await measurePerRequestOverhead(transport, { requests, rounds: 5, path });
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await measurePerRequestOverhead(transport, { requests, rounds: 5, path }));
  const median = (values: number[]): number => values.sort((a, b) => a - b)[1] as number;
  return {
    o: median(runs.map((run) => run.perRequestOverheadMs)),
    oSequential: median(runs.map((run) => run.sequentialPerRequestMs)),
  };
}
