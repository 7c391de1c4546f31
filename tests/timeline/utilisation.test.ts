import { describe, expect, it } from 'vitest';
import type { Timeline } from '../../src/strategies/types.ts';
import { compareLanes, summariseTimeline, utilisation } from '../../src/timeline/utilisation.ts';

const timeline = (start: number, end: number, entries: [lane: string, start: number, end: number][]): Timeline => ({
  start,
  end,
  entries: entries.map(([lane, s, e], index) => ({ index, lane, start: s, end: e })),
});

describe('utilisation', () => {
  it('is busy time over lanes x wall time', () => {
    // 2 lanes x 10 ms = 20 lane-ms; busy 10 + 5 = 15.
    expect(utilisation(timeline(0, 10, [['thread:1', 0, 10], ['thread:2', 0, 5]]))).toBe(0.75);
    // One lane, two tasks with a 2 ms gap and 1 ms idle at each end: busy 6 of 10.
    expect(utilisation(timeline(100, 110, [['main', 101, 104], ['main', 106, 109]]))).toBe(0.6);
    // Perfectly packed.
    expect(utilisation(timeline(0, 4, [['pid:7', 0, 2], ['pid:7', 2, 4], ['pid:8', 0, 4]]))).toBe(1);
  });

  it('counts overlapping tasks of one lane once', () => {
    // Promise.all on the main thread: three overlapping tasks keep one lane busy 0-8.
    expect(utilisation(timeline(0, 10, [['main', 0, 5], ['main', 1, 4], ['main', 3, 8]]))).toBe(0.8);
  });

  it('clips tasks to the timeline', () => {
    expect(utilisation(timeline(10, 20, [['thread:1', 5, 15], ['thread:1', 18, 30]]))).toBe(0.7);
  });

  it('divides by options.lanes when given', () => {
    // Four one-task threads (workerPerItem) on two workers.
    const t = timeline(0, 10, [['thread:1', 0, 5], ['thread:2', 0, 5], ['thread:3', 5, 10], ['thread:4', 5, 10]]);
    expect(utilisation(t)).toBe(0.5);
    expect(utilisation(t, { lanes: 2 })).toBe(1);
    expect(() => utilisation(t, { lanes: 0 })).toThrow(
      new RangeError('utilisation(timeline): options.lanes must be a positive integer, received 0. Omit it to count the distinct lanes.'),
    );
  });

  it('is 0 for an empty timeline or zero wall time', () => {
    expect(utilisation(timeline(0, 10, []))).toBe(0);
    expect(utilisation(timeline(5, 5, [['main', 5, 5]]))).toBe(0);
  });

  it('summarises each lane in natural lane order', () => {
    const summary = summariseTimeline(
      timeline(0, 10, [['thread:10', 0, 4], ['thread:2', 0, 10], ['main', 2, 3], ['thread:2', 1, 2]]),
    );
    expect(summary).toEqual({
      wall: 10,
      busy: 15,
      utilisation: 0.5,
      lanes: [
        { lane: 'main', busy: 1, tasks: 1 },
        { lane: 'thread:2', busy: 10, tasks: 2 },
        { lane: 'thread:10', busy: 4, tasks: 1 },
      ],
    });
    expect(['pid:3', 'thread:1', 'main', 'pid:20'].sort(compareLanes)).toEqual(['main', 'pid:3', 'pid:20', 'thread:1']);
  });

  it('rejects malformed timelines', () => {
    expect(() => utilisation({ start: 0, end: 1 } as Timeline)).toThrow(
      new TypeError('utilisation(timeline): timeline must be a Timeline ({ start, end, entries }), received object.'),
    );
    expect(() => utilisation(timeline(5, 1, []))).toThrow(
      new RangeError('utilisation(timeline): timeline.start and timeline.end must be finite with end >= start, received 5 and 1.'),
    );
  });
});
