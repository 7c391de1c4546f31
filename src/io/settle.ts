/**
 * Settle-all runs: every input runs to completion and failures become values, like Python's
 * `asyncio.gather(..., return_exceptions=True)` (or `Promise.allSettled`). Strategies stay
 * fail-fast by default; wrap one with {@link settleAll} to collect every outcome instead.
 *
 * It works by wrapping the workload, not the strategy's code: each input becomes an envelope
 * `{ module, exportName, input }` and the task becomes a "settled call" that never throws. On the
 * main thread the wrapped task calls the original `run`; off the main thread (worker strategies)
 * the settled-call export of this module imports the original module and calls its export, and
 * errors come back serialized and are rebuilt (a `RequestError` stays a `RequestError`).
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { RunOptions, Strategy, StrategyRun, TaskDefinition, Workload } from '../strategies/types.ts';
import { deserializeError, isSerializedError, serializeError, type SerializedError } from './errors.ts';

/** The outcome of one input: its value, or the error it failed with. */
export type Settled<R> =
  | { readonly status: 'fulfilled'; readonly value: R }
  | { readonly status: 'rejected'; readonly reason: Error };

/** An input wrapped for a settled call: the original input plus where its task lives. */
export interface SettleEnvelope<I> {
  readonly input: I;
  readonly module: string | undefined;
  readonly exportName: string | undefined;
}

/**
 * A {@link Settled} as it travels: from a worker thread the error arrives serialized
 * ({@link SerializedError}); `settleAll` rebuilds it.
 */
export type WireSettled<R> = { status: 'fulfilled'; value: R } | { status: 'rejected'; reason: Error | SerializedError };

/**
 * The worker-side settled call: imports `envelope.module`, calls `envelope.exportName` with the
 * input and returns a {@link Settled} whose error is serialized (so it survives `postMessage`).
 * Never throws.
 */
export async function settledCall<I, R>(envelope: SettleEnvelope<I>): Promise<WireSettled<R>> {
  try {
    if (!envelope.module || !envelope.exportName) {
      throw new TypeError('settledCall: the envelope has no module/exportName to run');
    }
    const loaded = (await import(pathToFileURL(envelope.module).href)) as Record<string, unknown>;
    const fn = loaded[envelope.exportName];
    if (typeof fn !== 'function') throw new TypeError(`${envelope.module} has no function export \`${envelope.exportName}\``);
    return { status: 'fulfilled', value: (await (fn as (input: I) => R | Promise<R>)(envelope.input)) };
  } catch (error) {
    return { status: 'rejected', reason: serializeError(error) };
  }
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error), { cause: error });
}

/**
 * The workload of a settle-all run: same name, inputs wrapped in envelopes, a task that returns
 * {@link Settled} values and never throws (on the main thread it keeps the original Error object).
 */
export function settleWorkload<I, R>(workload: Workload<I, R>): Workload<SettleEnvelope<I>, WireSettled<R>> {
  const { task } = workload;
  const settledTask: TaskDefinition<SettleEnvelope<I>, WireSettled<R>> = {
    name: `settled(${task.name})`,
    run: async (envelope) => {
      try {
        return { status: 'fulfilled', value: await task.run(envelope.input) };
      } catch (error) {
        return { status: 'rejected', reason: toError(error) };
      }
    },
    ...(task.module && task.exportName ? { module: fileURLToPath(import.meta.url), exportName: 'settledCall' } : {}),
  };
  return {
    name: workload.name,
    task: settledTask,
    inputs: workload.inputs.map((input) => ({ input, module: task.module, exportName: task.exportName })),
  };
}

/** Rebuilds the errors of a settled result (serialized ones come from other threads). */
function reviveSettled<R>(settled: WireSettled<R>): Settled<R> {
  if (settled.status === 'fulfilled') return settled;
  const reason = settled.reason;
  return { status: 'rejected', reason: isSerializedError(reason) ? deserializeError(reason) : toError(reason) };
}

/** A strategy wrapped by {@link settleAll}: like a Strategy, but results are {@link Settled}. */
export interface SettleAllStrategy {
  readonly name: string;
  readonly python: string;
  /** The wrapped strategy. */
  readonly inner: Strategy;
  run<I, R>(workload: Workload<I, R>, options?: RunOptions): Promise<StrategyRun<Settled<R>>>;
  close?(): Promise<void>;
}

/**
 * Wraps a strategy so a run never rejects because of a task: every input runs to completion and
 * its outcome is `{ status: 'fulfilled', value }` or `{ status: 'rejected', reason }`, in input
 * order (aborts and strategy failures such as a crashed worker still reject).
 *
 * @example
 * const run = await settleAll(concurrent()).run({ name: 'sites', task, inputs: urls });
 * const failed = run.results.filter((r) => r.status === 'rejected');
 * // failed[0].reason.message: 'GET /sites/big?fault=500 failed: HTTP 500 Internal Server Error'
 */
export function settleAll(strategy: Strategy): SettleAllStrategy {
  return {
    name: `settleAll(${strategy.name})`,
    python: `${strategy.python} with return_exceptions=True`,
    inner: strategy,
    run: async <I, R>(workload: Workload<I, R>, options?: RunOptions): Promise<StrategyRun<Settled<R>>> => {
      const run = await strategy.run(settleWorkload(workload), options);
      return { results: run.results.map((settled) => reviveSettled(settled)), timeline: run.timeline };
    },
    ...(strategy.close ? { close: () => (strategy.close as () => Promise<void>)() } : {}),
  };
}

/** Splits settled results into values and errors (each with its input index). */
export function partitionSettled<R>(results: readonly Settled<R>[]): {
  fulfilled: { index: number; value: R }[];
  rejected: { index: number; reason: Error }[];
} {
  const fulfilled: { index: number; value: R }[] = [];
  const rejected: { index: number; reason: Error }[] = [];
  results.forEach((result, index) => {
    if (result.status === 'fulfilled') fulfilled.push({ index, value: result.value });
    else rejected.push({ index, reason: result.reason });
  });
  return { fulfilled, rejected };
}
