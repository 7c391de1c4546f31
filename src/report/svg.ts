import { escapeXml, fmt, niceStep } from '../timeline/svg-utils.ts';
import { describeAmdahl, formatLevel, formatSpeedup, formatTimes } from './format.ts';
import type { ReportEntry, ReportGroup, ReportScaling } from './schema.ts';

/** Options shared by the report charts. */
export interface ChartOptions {
  /** Heading of the chart. */
  readonly title?: string;
  /** Width in px, at least 320. Default 720. */
  readonly width?: number;
}

/** Fill colours of the speedup bars, by verdict (`none` when no assertion was made). */
export const BAR_COLOURS = {
  baseline: '#9e9e9e',
  none: '#1f77b4',
  pass: '#2ca02c',
  fail: '#d62728',
  inconclusive: '#ff7f0e',
} as const;

const FONT = 'font-family="sans-serif" font-size="12"';

/** The smallest multiple of a nice step that is >= value, and the step. */
function niceMax(value: number, ticks: number): { max: number; step: number } {
  const step = niceStep(value, ticks);
  return { max: Math.ceil(value / step - 1e-9) * step, step };
}

function checkWidth(where: string, width: unknown): number {
  if (typeof width !== 'number' || !Number.isFinite(width) || width < 320) {
    throw new RangeError(`${where}: options.width must be a finite number >= 320 (px), received ${String(width)}.`);
  }
  return width;
}

function open(width: number, height: number, title: string): string[] {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${fmt(width)}" height="${fmt(height)}" viewBox="0 0 ${fmt(width)} ${fmt(height)}" ${FONT} role="img">`,
    `<title>${escapeXml(title)}</title>`,
  ];
}

function barColour(entry: ReportEntry): string {
  if (entry.speedup === null) return BAR_COLOURS.baseline;
  return BAR_COLOURS[entry.verdict ?? 'none'];
}

/**
 * Draws a group's speedups as a standalone SVG: one horizontal bar per strategy (the baseline
 * at 1x in grey; candidates coloured by verdict), a whisker over each candidate's confidence
 * interval, a dashed reference line at 1x (no speedup) and a speedup axis. Every `<rect>` is a
 * bar, every `<path class="whisker">` an interval; each bar has a `<title>` tooltip. All text is
 * XML-escaped.
 *
 * @example
 * ```ts
 * await writeFile('sieve-speedup.svg', renderSpeedupBarsSvg(group));
 * ```
 */
export function renderSpeedupBarsSvg(group: ReportGroup, options: ChartOptions = {}): string {
  const width = checkWidth('renderSpeedupBarsSvg(group, options)', options.width ?? 720);
  const title = options.title ?? `${group.title}: speedup over ${group.baseline}`;
  const labelWidth = Math.min(220, Math.max(90, 12 + 7 * Math.max(...group.entries.map((entry) => entry.name.length))));
  const valueWidth = 150;
  const rowHeight = 30;
  const barHeight = 16;
  const top = 44;
  const plotLeft = labelWidth;
  const plotWidth = width - labelWidth - valueWidth;
  const plotBottom = top + group.entries.length * rowHeight;
  const height = plotBottom + 40;

  let highest = 1;
  for (const entry of group.entries) if (entry.speedup !== null) highest = Math.max(highest, entry.speedup.upper, entry.speedup.estimate);
  const { max, step } = niceMax(highest * 1.05, 6);
  const x = (speedup: number): number => plotLeft + (Math.min(speedup, max) / max) * plotWidth;

  const out = open(width, height, title);
  out.push(`<text class="title" x="12" y="24" font-size="14" font-weight="bold">${escapeXml(title)}</text>`);

  // Grid and axis first, so bars draw over them.
  out.push('<g class="axis">');
  for (let i = 0; i * step <= max * (1 + 1e-9); i++) {
    const tx = x(i * step);
    out.push(`<line x1="${fmt(tx)}" y1="${top - 6}" x2="${fmt(tx)}" y2="${fmt(plotBottom)}" stroke="#eeeeee" stroke-width="1"/>`);
    out.push(`<text class="tick" x="${fmt(tx)}" y="${fmt(plotBottom + 16)}" text-anchor="middle">${escapeXml(`${fmt(i * step)}x`)}</text>`);
  }
  out.push(`<line x1="${plotLeft}" y1="${fmt(plotBottom)}" x2="${fmt(plotLeft + plotWidth)}" y2="${fmt(plotBottom)}" stroke="#333333" stroke-width="1"/>`);
  out.push(`<text class="axis-label" x="${fmt(plotLeft + plotWidth / 2)}" y="${fmt(plotBottom + 34)}" text-anchor="middle">speedup (${escapeXml(group.baseline)} time / strategy time)</text>`);
  out.push('</g>');

  group.entries.forEach((entry, row) => {
    const y = top + row * rowHeight + (rowHeight - barHeight) / 2;
    const middle = y + barHeight / 2;
    const estimate = entry.speedup?.estimate ?? 1;
    const value =
      entry.speedup === null ? 'baseline (1x)' : `${formatSpeedup(entry.speedup)}${entry.verdict === undefined ? '' : ` ${entry.verdict}`}`;
    const tip =
      entry.speedup === null ? `${entry.name}: baseline` : `${entry.name}: ${formatSpeedup(entry.speedup)} (${formatLevel(entry.speedup.level)} CI)`;
    out.push(`<g class="entry" data-name="${escapeXml(entry.name)}">`);
    out.push(`<text class="label" x="${plotLeft - 8}" y="${fmt(middle + 4)}" text-anchor="end">${escapeXml(entry.name)}</text>`);
    out.push(
      `<rect class="bar" x="${plotLeft}" y="${fmt(y)}" width="${fmt(Math.max(x(estimate) - plotLeft, 1))}" height="${barHeight}" fill="${barColour(entry)}"><title>${escapeXml(tip)}</title></rect>`,
    );
    let valueX = x(estimate);
    if (entry.speedup !== null) {
      const lo = x(entry.speedup.lower);
      const hi = x(entry.speedup.upper);
      out.push(
        `<path class="whisker" d="M${fmt(lo)} ${fmt(middle)}H${fmt(hi)}M${fmt(lo)} ${fmt(middle - 6)}V${fmt(middle + 6)}M${fmt(hi)} ${fmt(middle - 6)}V${fmt(middle + 6)}" stroke="#222222" stroke-width="1.5" fill="none"/>`,
      );
      valueX = Math.max(valueX, hi);
    }
    out.push(`<text class="value" x="${fmt(valueX + 6)}" y="${fmt(middle + 4)}">${escapeXml(value)}</text>`);
    out.push('</g>');
  });

  const one = x(1);
  out.push(
    `<line class="reference" x1="${fmt(one)}" y1="${top - 6}" x2="${fmt(one)}" y2="${fmt(plotBottom)}" stroke="#555555" stroke-width="1" stroke-dasharray="4 3"/>`,
  );
  out.push(`<text class="reference-label" x="${fmt(one)}" y="${top - 10}" text-anchor="middle" fill="#555555">1x</text>`);
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/**
 * Draws a scaling curve as a standalone SVG: measured speedup against workers with a whisker
 * per point over its interval (hollow points where workers exceed the effective cores), the
 * ideal line speedup = workers (dashed), the Amdahl fit curve when the curve has one, axes and a
 * legend. Every `<g class="point">` is a measured point. All text is XML-escaped.
 *
 * @example
 * ```ts
 * await writeFile('sieve-scaling.svg', renderScalingSvg(group.scaling, { title: 'sieve' }));
 * ```
 */
export function renderScalingSvg(scaling: ReportScaling, options: ChartOptions = {}): string {
  const where = 'renderScalingSvg(scaling, options)';
  const width = checkWidth(where, options.width ?? 720);
  if (!Array.isArray(scaling?.points) || scaling.points.length === 0) {
    throw new TypeError(`${where}: scaling.points must be a non-empty array of { workers, speedup, lower, upper, oversubscribed }.`);
  }
  const title = options.title ?? 'Scaling';
  const height = Math.round(width * 0.6);
  const left = 56;
  const right = 24;
  const top = 44;
  const bottom = 74;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;

  const maxWorkers = Math.max(...scaling.points.map((point) => point.workers));
  const highest = Math.max(maxWorkers, ...scaling.points.map((point) => Math.max(point.upper, point.speedup)));
  // Whole workers only, with room for the last point's whisker.
  const xStep = Math.max(1, niceStep(maxWorkers + 1, 8));
  const xAxis = { step: xStep, max: Math.ceil((maxWorkers + 0.5) / xStep) * xStep };
  const yAxis = niceMax(highest * 1.05, 6);
  const x = (workers: number): number => left + (workers / xAxis.max) * plotWidth;
  const y = (speedup: number): number => top + plotHeight - (Math.min(speedup, yAxis.max) / yAxis.max) * plotHeight;
  const bottomY = top + plotHeight;

  const out = open(width, height, title);
  out.push(`<text class="title" x="12" y="24" font-size="14" font-weight="bold">${escapeXml(title)}</text>`);
  out.push('<g class="axis">');
  for (let i = 0; i * yAxis.step <= yAxis.max * (1 + 1e-9); i++) {
    const ty = y(i * yAxis.step);
    out.push(`<line x1="${left}" y1="${fmt(ty)}" x2="${fmt(left + plotWidth)}" y2="${fmt(ty)}" stroke="#eeeeee" stroke-width="1"/>`);
    out.push(`<text class="tick" x="${left - 6}" y="${fmt(ty + 4)}" text-anchor="end">${escapeXml(`${fmt(i * yAxis.step)}x`)}</text>`);
  }
  for (let i = 0; i * xAxis.step <= xAxis.max * (1 + 1e-9); i++) {
    const tx = x(i * xAxis.step);
    out.push(`<line x1="${fmt(tx)}" y1="${fmt(bottomY)}" x2="${fmt(tx)}" y2="${fmt(bottomY + 5)}" stroke="#333333" stroke-width="1"/>`);
    out.push(`<text class="tick" x="${fmt(tx)}" y="${fmt(bottomY + 18)}" text-anchor="middle">${fmt(i * xAxis.step)}</text>`);
  }
  out.push(`<path d="M${left} ${top}V${fmt(bottomY)}H${fmt(left + plotWidth)}" stroke="#333333" stroke-width="1" fill="none"/>`);
  out.push(`<text class="axis-label" x="${fmt(left + plotWidth / 2)}" y="${fmt(bottomY + 34)}" text-anchor="middle">workers</text>`);
  out.push(`<text class="axis-label" x="14" y="${fmt(top + plotHeight / 2)}" text-anchor="middle" transform="rotate(-90 14 ${fmt(top + plotHeight / 2)})">speedup</text>`);
  out.push('</g>');

  out.push(
    `<line class="ideal" x1="${fmt(x(1))}" y1="${fmt(y(1))}" x2="${fmt(x(maxWorkers))}" y2="${fmt(y(maxWorkers))}" stroke="#888888" stroke-width="1.5" stroke-dasharray="6 4"/>`,
  );
  const amdahl = scaling.amdahl;
  if (amdahl !== undefined) {
    const f = amdahl.serialFraction;
    const steps = 48;
    const d: string[] = [];
    for (let i = 0; i <= steps; i++) {
      const n = 1 + ((maxWorkers - 1) * i) / steps;
      d.push(`${i === 0 ? 'M' : 'L'}${fmt(x(n))} ${fmt(y(1 / (f + (1 - f) / n)))}`);
    }
    out.push(`<path class="amdahl" d="${d.join('')}" stroke="#9467bd" stroke-width="2" fill="none"/>`);
  }

  for (const point of scaling.points) {
    const px = x(point.workers);
    const tip = `${point.workers} worker${point.workers === 1 ? '' : 's'}: ${formatTimes(point.speedup)} [${point.lower.toFixed(2)}, ${point.upper.toFixed(2)}]${point.oversubscribed ? ', oversubscribed' : ''}`;
    out.push(`<g class="point${point.oversubscribed ? ' oversubscribed' : ''}">`);
    if (point.upper > point.lower) {
      const lo = y(point.lower);
      const hi = y(point.upper);
      out.push(
        `<path class="whisker" d="M${fmt(px)} ${fmt(lo)}V${fmt(hi)}M${fmt(px - 5)} ${fmt(lo)}H${fmt(px + 5)}M${fmt(px - 5)} ${fmt(hi)}H${fmt(px + 5)}" stroke="#222222" stroke-width="1.5" fill="none"/>`,
      );
    }
    out.push(
      `<circle cx="${fmt(px)}" cy="${fmt(y(point.speedup))}" r="4.5" fill="${point.oversubscribed ? '#ffffff' : '#1f77b4'}" stroke="#1f77b4" stroke-width="2"><title>${escapeXml(tip)}</title></circle>`,
    );
    out.push('</g>');
  }

  // Legend, one row under the axis label.
  const legendY = height - 14;
  const legend: string[] = [
    `<line x1="${left}" y1="${legendY - 4}" x2="${left + 24}" y2="${legendY - 4}" stroke="#888888" stroke-width="1.5" stroke-dasharray="6 4"/>`,
    `<text x="${left + 30}" y="${legendY}">ideal (speedup = workers)</text>`,
  ];
  let cursor = left + 200;
  if (amdahl !== undefined) {
    legend.push(`<line x1="${cursor}" y1="${legendY - 4}" x2="${cursor + 24}" y2="${legendY - 4}" stroke="#9467bd" stroke-width="2"/>`);
    legend.push(`<text x="${cursor + 30}" y="${legendY}">${escapeXml(describeAmdahl(amdahl.serialFraction).replace(/ \(.*\)$/, ''))}</text>`);
    cursor += 230;
  }
  if (scaling.points.some((point) => point.oversubscribed)) {
    legend.push(`<circle cx="${cursor + 6}" cy="${legendY - 4}" r="4.5" fill="#ffffff" stroke="#1f77b4" stroke-width="2"/>`);
    legend.push(`<text x="${cursor + 16}" y="${legendY}">more workers than cores</text>`);
  }
  out.push(`<g class="legend">${legend.join('')}</g>`);
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
