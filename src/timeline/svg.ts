import type { Timeline } from '../strategies/types.ts';
import { groupByLane, summariseTimeline } from './utilisation.ts';
import { escapeXml, fmt, niceStep } from './svg-utils.ts';

/** Options of {@link renderTimelineSvg}. */
export interface TimelineSvgOptions {
  /** Heading; the utilisation figure is appended to it. Default `Timeline`. */
  readonly title?: string;
  /** Width of the image in px, at least 300. Default 800. */
  readonly width?: number;
}

/** The two alternating bar colours (the blue/red of the Python material's diagrams). */
export const TIMELINE_COLOURS = ['#1f77b4', '#d62728'] as const;

const LABEL_WIDTH = 110;
const RIGHT_MARGIN = 24;
const TITLE_HEIGHT = 36;
const LANE_HEIGHT = 22;
const LANE_GAP = 8;
const AXIS_HEIGHT = 34;
const MIN_BAR_WIDTH = 0.5;

export { escapeXml };

/**
 * Draws a timeline as a standalone SVG document: one labelled row per lane (worker thread,
 * child process or `main`), one bar per task (consecutive tasks of a lane alternate blue and
 * red so that back-to-back tasks stay distinguishable; each bar has a `<title>` tooltip with
 * its input index and times), idle time as the bare grey lane line between bars, a time axis
 * in ms from the timeline's start, and the utilisation in the heading. Every `<rect>` in the
 * document is a task bar. All text is XML-escaped.
 *
 * @throws TypeError / RangeError for a malformed timeline or options.
 * @example
 * ```ts
 * await writeFile('sieve.svg', renderTimelineSvg(run.timeline, { title: strategy.name }));
 * ```
 */
export function renderTimelineSvg(timeline: Timeline, options?: TimelineSvgOptions): string {
  const summary = summariseTimeline(timeline);
  const title = options?.title ?? 'Timeline';
  if (typeof title !== 'string') {
    throw new TypeError(`renderTimelineSvg(timeline, options): options.title must be a string, received ${typeof title}.`);
  }
  const width = options?.width ?? 800;
  if (typeof width !== 'number' || !Number.isFinite(width) || width < 300) {
    throw new RangeError(`renderTimelineSvg(timeline, options): options.width must be a finite number >= 300 (px), received ${String(width)}.`);
  }

  const lanes = groupByLane(timeline);
  // The axis covers the timeline and any entry that spills outside it.
  let from = timeline.start;
  let to = timeline.end;
  for (const entry of timeline.entries) {
    from = Math.min(from, entry.start);
    to = Math.max(to, entry.end);
  }
  const span = Math.max(to - from, Number.EPSILON);
  const plotLeft = LABEL_WIDTH;
  const plotWidth = width - LABEL_WIDTH - RIGHT_MARGIN;
  const x = (t: number): number => plotLeft + ((t - from) / span) * plotWidth;
  const laneTop = (row: number): number => TITLE_HEIGHT + row * (LANE_HEIGHT + LANE_GAP);
  const plotBottom = laneTop(Math.max(lanes.size, 1)) - LANE_GAP + 4;
  const height = plotBottom + AXIS_HEIGHT;

  const heading =
    `${title} — utilisation ${fmt(summary.utilisation * 100, 1)}% ` +
    `(${lanes.size} lane${lanes.size === 1 ? '' : 's'}, ${timeline.entries.length} task${timeline.entries.length === 1 ? '' : 's'}, ${fmt(summary.wall)} ms)`;

  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${fmt(width)}" height="${fmt(height)}" viewBox="0 0 ${fmt(width)} ${fmt(height)}" font-family="sans-serif" font-size="12" role="img">`,
  );
  out.push(`<title>${escapeXml(heading)}</title>`);
  out.push(`<text class="title" x="${plotLeft}" y="22" font-size="14" font-weight="bold">${escapeXml(heading)}</text>`);

  let row = 0;
  for (const [lane, entries] of lanes) {
    const top = laneTop(row++);
    const middle = top + LANE_HEIGHT / 2;
    out.push(`<g class="lane" data-lane="${escapeXml(lane)}">`);
    out.push(`<text class="lane-label" x="${plotLeft - 8}" y="${fmt(middle + 4)}" text-anchor="end">${escapeXml(lane)}</text>`);
    out.push(`<line x1="${plotLeft}" y1="${fmt(middle)}" x2="${fmt(plotLeft + plotWidth)}" y2="${fmt(middle)}" stroke="#cccccc" stroke-width="1"/>`);
    entries.forEach((entry, position) => {
      const left = x(entry.start);
      const barWidth = Math.max(x(entry.end) - left, MIN_BAR_WIDTH);
      const tip = `#${entry.index} on ${lane}: ${fmt(entry.start - from)}–${fmt(entry.end - from)} ms (${fmt(entry.end - entry.start)} ms)`;
      out.push(
        `<rect class="task" x="${fmt(left)}" y="${top}" width="${fmt(barWidth)}" height="${LANE_HEIGHT}" fill="${TIMELINE_COLOURS[position % 2]}"><title>${escapeXml(tip)}</title></rect>`,
      );
    });
    out.push('</g>');
  }
  if (lanes.size === 0) {
    out.push(`<text class="empty" x="${plotLeft}" y="${fmt(laneTop(0) + LANE_HEIGHT / 2 + 4)}" fill="#777777">no tasks</text>`);
  }

  const step = niceStep(span, 8);
  out.push('<g class="axis">');
  out.push(`<line x1="${plotLeft}" y1="${fmt(plotBottom)}" x2="${fmt(plotLeft + plotWidth)}" y2="${fmt(plotBottom)}" stroke="#333333" stroke-width="1"/>`);
  for (let i = 0; i * step <= span * (1 + 1e-9); i++) {
    const t = i * step;
    const tx = x(from + t);
    out.push(`<line x1="${fmt(tx)}" y1="${fmt(plotBottom)}" x2="${fmt(tx)}" y2="${fmt(plotBottom + 5)}" stroke="#333333" stroke-width="1"/>`);
    out.push(`<text class="tick" x="${fmt(tx)}" y="${fmt(plotBottom + 18)}" text-anchor="middle">${escapeXml(`${fmt(t, 3)} ms`)}</text>`);
  }
  out.push('</g>');
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
