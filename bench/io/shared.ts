/**
 * What the I/O bench suites share: the sizes and scales of the scenarios, engine options for
 * `bench.compare`, file-level transport and temp-dir lifecycles (with a leak check), and timed
 * strategy runs that verify their own results.
 *
 * Scale. The material's latency is 150 ms per request; 100 sequential requests then take 15 s,
 * and the engine needs one warm-up round plus at least 3 measured rounds. So only the comparisons
 * behind the performance targets (100 GETs of /ip, sequential vs concurrent, once per transport)
 * and the cheap ones (5 genre files) run at full size; every other suite keeps its request count
 * and shortens the latency, or keeps the latency and cuts the count where the lesson depends on
 * the latency itself (thread start-up against latency). Each test name states its scale.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, type BenchRunOptions } from 'vitest';
import type { MeasureOptions } from '../../src/engine/options.ts';
import { activeResources, leakedResources, type ResourceCounts } from '../../src/io/isolation.ts';
import { createTransport, type AnyTransportOptions, type Transport, type TransportKind } from '../../src/io/transports/index.ts';
import type { Strategy, TaskDefinition } from '../../src/strategies/types.ts';

/** The material's latency per request (ms): the full size. */
export const FULL_LATENCY_MS = 150;
/** Requests in the /ip scenarios. */
export const REQUESTS = 100;
/** Latency of the scaled /ip strategy matrix: 1/15 of the full size (100 sequential GETs take 1 s). */
export const MATRIX_LATENCY_MS = 10;

/**
 * `bench.compare` options: `time` (the budget, ms) plus engine options, which the provider passes
 * through (`minRounds`, `maxRounds`, ...). Vitest types the options as tinybench's, so the engine
 * fields are added here rather than in an object literal at the call.
 */
export function engineOptions(options: { readonly time: number } & MeasureOptions): BenchRunOptions {
  return options;
}

/**
 * The full-size comparisons (100 × 150 ms, sequential vs concurrent): one warm-up round and
 * exactly 3 measured rounds (~15.3 s each), so one look at the interval. The 80 s budget only
 * caps a pathologically slow machine; the test timeout leaves room for it.
 */
export const FULL_SIZE = engineOptions({ time: 80_000, minRounds: 3, maxRounds: 3 });
/** Test timeout of the full-size comparisons (Vitest's bench default is 60 s). */
export const FULL_SIZE_TIMEOUT_MS = 150_000;

/**
 * A scaled comparison: one warm-up round, then `minRounds` measured rounds, more up to
 * `maxRounds` unless the interval is already precise (half-width <= 2%) or `time` (ms) runs out.
 * The default is exactly 3 rounds, one look at the interval, to keep the whole I/O run within
 * about 4 minutes; pass more rounds for tighter intervals.
 */
export function scaled(time: number, minRounds = 3, maxRounds = 3): BenchRunOptions {
  return engineOptions({ time, minRounds, maxRounds });
}

/** Transports of this bench file still open, and the file's resources before the first one started. */
const open = new Set<Transport>();
let resourcesBefore: ResourceCounts | undefined;

/**
 * A transport started in the file's `beforeAll` and closed in its `afterAll`. Once the file's
 * last transport is closed, the file fails if sockets, servers or timers outlived `close()`
 * (checked against the resources before the first transport started, so several transports in
 * one file do not count each other's connections).
 */
export function useTransport(kind: TransportKind, options: AnyTransportOptions): Transport {
  const transport = createTransport(kind, options);
  beforeAll(async () => {
    resourcesBefore ??= activeResources();
    open.add(transport);
    await transport.start();
  });
  afterAll(async () => {
    await transport.close();
    open.delete(transport);
    if (open.size > 0 || resourcesBefore === undefined) return;
    const leaked = await leakedResources(resourcesBefore);
    resourcesBefore = undefined;
    if (Object.keys(leaked).length > 0) {
      throw new Error(`The I/O transports of this file left handles behind after close(): ${JSON.stringify(leaked)}`);
    }
  });
  return transport;
}

/** A temp directory created in `beforeAll` and removed with its files in `afterAll`; call the result for its path. */
export function useTempDir(prefix: string): () => string {
  let dir: string | undefined;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), `vitest-speedup-bench-${prefix}-`));
  });
  afterAll(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });
  return () => {
    if (dir === undefined) throw new Error('useTempDir: the directory exists only between beforeAll and afterAll');
    return dir;
  };
}

/** `count` URLs of `/ip` on `transport`, with a per-request latency override when given. */
export function ipUrls(transport: Transport, count: number, latencyMs?: number): string[] {
  const path = latencyMs === undefined ? '/ip' : `/ip?latency=${latencyMs}`;
  return Array.from({ length: count }, () => transport.url(path));
}

/**
 * One timed call: runs `inputs()` through `task` with `strategy` and checks the results (cheap
 * checks, so a benchmark can never be fast because it silently failed). `inputs` is a function
 * because URLs and directories exist only once the file's `beforeAll` has run.
 */
export function timedRun<I, R>(
  strategy: Strategy,
  task: TaskDefinition<I, R>,
  inputs: () => readonly I[],
  check: (results: readonly R[]) => void,
): () => Promise<void> {
  return async () => {
    const run = await strategy.run({ name: strategy.name, task, inputs: inputs() });
    check(run.results);
  };
}

/** Throws unless `results` has `count` entries and each passes `ok`. */
export function expectResults<R>(what: string, count: number, ok: (result: R, index: number) => boolean): (results: readonly R[]) => void {
  return (results) => {
    if (results.length !== count) throw new Error(`${what}: expected ${count} results, received ${results.length}`);
    const bad = results.findIndex((result, index) => !ok(result, index));
    if (bad !== -1) throw new Error(`${what}: result ${bad} is wrong: ${JSON.stringify(results[bad])}`);
  };
}
