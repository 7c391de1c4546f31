import type { Timeline, TimelineEntry } from '../strategies/types.ts';

/** Busy time and task count of one lane. */
export interface LaneSummary {
  readonly lane: string;
  /** Time in ms during which at least one of the lane's tasks ran (overlaps counted once). */
  readonly busy: number;
  readonly tasks: number;
}

/** What a timeline says about how busy its lanes were. */
export interface TimelineSummary {
  /** `end - start` of the timeline in ms. */
  readonly wall: number;
  /** One entry per distinct lane, in {@link compareLanes} order. */
  readonly lanes: readonly LaneSummary[];
  /** Sum of the lanes' busy times in ms. */
  readonly busy: number;
  /** `busy / (lanes x wall)`, in [0, 1]; 0 for an empty timeline or zero wall time. */
  readonly utilisation: number;
}

/** Options of {@link utilisation} and {@link summariseTimeline}. */
export interface UtilisationOptions {
  /**
   * The lane count to divide by instead of the number of distinct lanes, e.g. the worker
   * count for `workerPerItem`, whose every task runs on a new thread and so a lane of its own.
   */
  readonly lanes?: number;
}

const lanePattern = /^(.*?)(\d+)$/;

/**
 * Orders lane names: `main` first, then by prefix (`pid:`, `thread:`), numbers numerically
 * (`thread:2` before `thread:10`).
 */
export function compareLanes(a: string, b: string): number {
  if (a === b) return 0;
  if (a === 'main') return -1;
  if (b === 'main') return 1;
  const ma = lanePattern.exec(a);
  const mb = lanePattern.exec(b);
  if (ma !== null && mb !== null && ma[1] === mb[1]) return Number(ma[2]) - Number(mb[2]);
  return a < b ? -1 : 1;
}

/** The entries of a timeline grouped by lane, lanes in {@link compareLanes} order, entries by start. */
export function groupByLane(timeline: Timeline): Map<string, TimelineEntry[]> {
  const byLane = new Map<string, TimelineEntry[]>();
  for (const entry of timeline.entries) {
    const list = byLane.get(entry.lane);
    if (list === undefined) byLane.set(entry.lane, [entry]);
    else list.push(entry);
  }
  for (const list of byLane.values()) list.sort((a, b) => a.start - b.start || a.end - b.end);
  return new Map([...byLane].sort(([a], [b]) => compareLanes(a, b)));
}

/** Length of the union of `entries` (sorted by start), clipped to `[from, to]`. */
function unionLength(entries: readonly TimelineEntry[], from: number, to: number): number {
  let total = 0;
  let coveredUntil = from;
  for (const entry of entries) {
    const start = Math.max(entry.start, coveredUntil);
    const end = Math.min(entry.end, to);
    if (end > start) {
      total += end - start;
      coveredUntil = end;
    }
  }
  return total;
}

function checkTimeline(where: string, timeline: Timeline): void {
  if (typeof timeline !== 'object' || timeline === null || !Array.isArray(timeline.entries)) {
    throw new TypeError(`${where}: timeline must be a Timeline ({ start, end, entries }), received ${timeline === null ? 'null' : typeof timeline}.`);
  }
  if (!Number.isFinite(timeline.start) || !Number.isFinite(timeline.end) || timeline.end < timeline.start) {
    throw new RangeError(`${where}: timeline.start and timeline.end must be finite with end >= start, received ${timeline.start} and ${timeline.end}.`);
  }
}

/**
 * Per-lane busy time and the overall utilisation of a timeline. Busy time counts overlapping
 * tasks of one lane once (several `Promise.all` tasks on `main` keep one lane busy, not
 * several) and only inside `[timeline.start, timeline.end]`.
 *
 * @throws TypeError / RangeError for a malformed timeline or `options.lanes`.
 * @example
 * ```ts
 * summariseTimeline(run.timeline).lanes; // [{ lane: 'thread:1', busy: 412.5, tasks: 8 }, ...]
 * ```
 */
export function summariseTimeline(timeline: Timeline, options?: UtilisationOptions): TimelineSummary {
  const where = 'utilisation(timeline)';
  checkTimeline(where, timeline);
  const wall = timeline.end - timeline.start;
  const lanes = [...groupByLane(timeline)].map(([lane, entries]) => ({
    lane,
    busy: unionLength(entries, timeline.start, timeline.end),
    tasks: entries.length,
  }));
  const busy = lanes.reduce((sum, lane) => sum + lane.busy, 0);
  let laneCount = lanes.length;
  if (options?.lanes !== undefined) {
    if (!Number.isInteger(options.lanes) || options.lanes < 1) {
      throw new RangeError(`${where}: options.lanes must be a positive integer, received ${String(options.lanes)}. Omit it to count the distinct lanes.`);
    }
    laneCount = options.lanes;
  }
  const utilisation = laneCount === 0 || wall <= 0 ? 0 : busy / (laneCount * wall);
  return { wall, lanes, busy, utilisation };
}

/**
 * The fraction of the available lane time spent running tasks:
 * `busy time / (lanes x wall time)`, where `lanes` is the number of distinct lanes (or
 * `options.lanes`) and the wall time is `timeline.end - timeline.start`. 1 means every lane was
 * busy from start to end; idle gaps, start-up and a ragged finish lower it.
 *
 * @returns A number in [0, 1] (0 for an empty timeline or zero wall time).
 * @example
 * ```ts
 * utilisation({ start: 0, end: 10, entries: [
 *   { index: 0, lane: 'thread:1', start: 0, end: 10 },
 *   { index: 1, lane: 'thread:2', start: 0, end: 5 },
 * ] }); // 0.75
 * ```
 */
export function utilisation(timeline: Timeline, options?: UtilisationOptions): number {
  return summariseTimeline(timeline, options).utilisation;
}
