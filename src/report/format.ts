import { formatDuration } from '../engine/format-duration.ts';
import type { ReportEntry, ReportGroup, ReportSpeedup } from './schema.ts';

/** `1.83x`. */
export function formatTimes(value: number): string {
  return `${value.toFixed(2)}x`;
}

/** `1.83x [1.71, 1.96]`. */
export function formatSpeedup(speedup: ReportSpeedup): string {
  return `${formatTimes(speedup.estimate)} [${speedup.lower.toFixed(2)}, ${speedup.upper.toFixed(2)}]`;
}

/** A confidence level as a percentage without trailing zeros: `99.5%`, `95%`. */
export function formatLevel(level: number): string {
  return `${Number((level * 100).toFixed(2))}%`;
}

/** An efficiency (speedup / workers) as a whole percentage: `91%`. */
export function formatEfficiency(efficiency: number): string {
  return `${Math.round(efficiency * 100)}%`;
}

/** A signed percentage change with one decimal: `+4.2%`, `-35.1%`. */
export function formatChange(fraction: number): string {
  const percent = fraction * 100;
  const text = Math.abs(percent).toFixed(1);
  return `${percent < 0 && text !== '0.0' ? '-' : '+'}${text}%`;
}

/** The confidence level shared by a group's speedups, or undefined when they differ or there are none. */
export function commonLevel(entries: readonly ReportEntry[]): number | undefined {
  const levels = new Set(entries.flatMap((entry) => (entry.speedup === null ? [] : [entry.speedup.level])));
  return levels.size === 1 ? [...levels][0] : undefined;
}

/** The header of the speedup column: `speedup [99.5% CI]`, or `speedup [CI]` when levels differ. */
export function speedupHeader(entries: readonly ReportEntry[]): string {
  const level = commonLevel(entries);
  return level === undefined ? 'speedup [CI]' : `speedup [${formatLevel(level)} CI]`;
}

/** The cells of one table row: strategy, median, speedup [CI], efficiency, flags, verdict ('' where empty). */
export function entryCells(entry: ReportEntry, sharedLevel: number | undefined): [string, string, string, string, string, string] {
  let speedup = 'baseline';
  if (entry.speedup !== null) {
    speedup = formatSpeedup(entry.speedup);
    if (sharedLevel === undefined) speedup += ` (${formatLevel(entry.speedup.level)})`;
  }
  return [
    entry.name,
    formatDuration(entry.medianMs),
    speedup,
    entry.efficiency === undefined ? '' : formatEfficiency(entry.efficiency),
    entry.flags.join(', '),
    entry.verdict ?? '',
  ];
}

/** `24 rounds, stopped: decided` (plus the Amdahl fit when there is one). */
export function groupFooter(group: ReportGroup): string {
  const parts = [`${group.rounds} round${group.rounds === 1 ? '' : 's'}`, `stopped: ${group.stopReason}`];
  const amdahl = group.scaling?.amdahl;
  if (amdahl !== undefined) parts.push(describeAmdahl(amdahl.serialFraction));
  return parts.join(', ');
}

/** `Amdahl fit: serial fraction 12.3% (at most 8.13x with unlimited workers)`. */
export function describeAmdahl(serialFraction: number): string {
  const limit = serialFraction === 0 ? 'no limit' : `at most ${formatTimes(1 / serialFraction)} with unlimited workers`;
  return `Amdahl fit: serial fraction ${(serialFraction * 100).toFixed(1)}% (${limit})`;
}

/** Column alignment for {@link alignTable}. */
export type Align = 'left' | 'right';

/**
 * Lays out rows as aligned, space-separated columns (two spaces between columns), trimming
 * trailing spaces. The first row is the header.
 */
export function alignTable(rows: readonly (readonly string[])[], align: readonly Align[], indent = ''): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) =>
    (
      indent +
      row
        .map((cell, i) => {
          const width = widths[i] ?? 0;
          return align[i] === 'right' ? cell.padStart(width) : cell.padEnd(width);
        })
        .join('  ')
    ).trimEnd(),
  );
}
