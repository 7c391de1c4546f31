import { median } from '../stats/summary.ts';
import type { SampleSource } from './types.ts';

/** A function under measurement: sync, or returning a promise (then every call is awaited). */
export type Measurable = () => unknown;

// Results are written here so the optimiser cannot prove a call useless and drop it.
let sink: unknown;

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/**
 * Times a function. During warm-up each call is timed on its own; `calibrate` then batches
 * calls so that one sample lasts at least `minSampleMs`, which keeps microsecond functions
 * well above the timer's resolution and the cost of reading it.
 */
export function functionSource(name: string, fn: Measurable, minSampleMs: number): SampleSource {
  const warmTimes: number[] = [];
  let isAsync: boolean | undefined;
  let calls = 1;

  const callOnce = async (): Promise<void> => {
    const result = fn();
    if (isAsync === undefined) isAsync = isThenable(result);
    sink = isThenable(result) ? await result : result;
  };

  const timeBatch = async (count: number): Promise<number> => {
    if (isAsync === false) {
      const start = nowMs();
      for (let i = 0; i < count; i++) sink = fn();
      return (nowMs() - start) / count;
    }
    const start = nowMs();
    for (let i = 0; i < count; i++) await callOnce();
    return (nowMs() - start) / count;
  };

  return {
    name,
    get callsPerSample() {
      return calls;
    },
    async warmup() {
      warmTimes.push(await timeBatch(1));
    },
    calibrate() {
      const typical = median(warmTimes);
      calls = typical > 0 ? Math.min(1_000_000, Math.max(1, Math.ceil(minSampleMs / typical))) : 1;
    },
    sample: () => timeBatch(calls),
  };
}

/** Keeps `sink` observable so bundlers and the JIT treat the writes above as live. */
export function _sinkForTests(): unknown {
  return sink;
}
