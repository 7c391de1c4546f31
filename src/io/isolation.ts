/**
 * Leak checks for I/O specs: count the active resources (sockets, servers, timers) before and
 * after, and report what is left over once handle-close callbacks had time to run.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { nextLoopTurns } from './transports/timers.ts';

/** Active resources by type, e.g. `{ TCPSocketWrap: 2, Timeout: 1 }`. */
export type ResourceCounts = Readonly<Record<string, number>>;

/** Counts `process.getActiveResourcesInfo()` by type. */
export function activeResources(): ResourceCounts {
  const counts: Record<string, number> = {};
  for (const type of process.getActiveResourcesInfo()) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}

/** Resources in `after` beyond those in `before` (types with a positive difference only). */
export function resourceDelta(before: ResourceCounts, after: ResourceCounts): ResourceCounts {
  const delta: Record<string, number> = {};
  for (const [type, count] of Object.entries(after)) {
    const extra = count - (before[type] ?? 0);
    if (extra > 0) delta[type] = extra;
  }
  return delta;
}

/**
 * Waits (up to `timeoutMs`, default 1000) until no resources beyond `before` remain and returns
 * what is still left over (`{}` when clean). Closing a socket or server finishes on a later
 * event-loop turn, so a single immediate check would report false leaks.
 *
 * @example
 * const before = activeResources();
 * await transport.start(); ...; await transport.close();
 * expect(await leakedResources(before)).toEqual({});
 */
export async function leakedResources(before: ResourceCounts, options: { timeoutMs?: number } = {}): Promise<ResourceCounts> {
  const deadline = performance.now() + (options.timeoutMs ?? 1000);
  await nextLoopTurns();
  let delta = resourceDelta(before, activeResources());
  while (Object.keys(delta).length > 0 && performance.now() < deadline) {
    await sleep(10);
    await nextLoopTurns();
    delta = resourceDelta(before, activeResources());
  }
  return delta;
}
