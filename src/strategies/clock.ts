/**
 * Absolute time in milliseconds on a clock every thread and child process shares.
 * `performance.now()` alone is relative to each thread's own origin, so timelines recorded in
 * workers would not line up with the main thread's without adding `timeOrigin`.
 */
export function absoluteNow(): number {
  return performance.timeOrigin + performance.now();
}
