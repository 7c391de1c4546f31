import { absoluteNow } from './clock.ts';

/**
 * Milliseconds on the operating system's monotonic clock (`process.hrtime`: CLOCK_MONOTONIC on
 * Linux, mach_absolute_time on macOS, QueryPerformanceCounter on Windows), which every thread
 * and process on the machine reads alike. Workers time their tasks with it rather than with
 * `absoluteNow()`, because `performance.timeOrigin` is fixed per thread and per process by
 * reading the wall clock and the monotonic clock one after the other at start-up: on a busy
 * machine a preemption between the two reads puts a worker's timeline several milliseconds off
 * the main thread's (seen here: a task "starting" 4.5 ms before the run did).
 */
export function monotonicNow(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/**
 * What to add to a {@link monotonicNow} reading to put it on this thread's `absoluteNow()`
 * clock. Constant for the life of a thread (both clocks advance together); the main thread
 * uses it to place worker timings on its own time axis.
 */
export function monotonicToAbsoluteOffset(): number {
  return absoluteNow() - monotonicNow();
}
