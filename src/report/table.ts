import { formatTestbed } from '../baselines/testbed.ts';
import { alignTable, commonLevel, entryCells, groupFooter, speedupHeader } from './format.ts';
import type { Align } from './format.ts';
import type { ReportGroup, SpeedupReport } from './schema.ts';

const ALIGN: readonly Align[] = ['left', 'right', 'left', 'right', 'left', 'left'];

/**
 * One group as an aligned plain-text table (no colours, so it reads the same in a terminal, a
 * CI log and a file): a heading, the columns strategy | median | speedup [CI] | efficiency |
 * flags | verdict, a `-` for empty cells, then rounds, stop reason, Amdahl fit and notes.
 *
 * @example
 * ```ts
 * console.log(formatGroupTable(group));
 * // sieve (baseline: sequential)
 * //   strategy    median  speedup [99.5% CI]  efficiency  flags  verdict
 * //   sequential  312 ms  baseline                  100%  -      -
 * //   piscina(2)  171 ms  1.83x [1.71, 1.96]         91%  noisy  pass
 * //   24 rounds, stopped: decided
 * ```
 */
export function formatGroupTable(group: ReportGroup): string {
  const level = commonLevel(group.entries);
  const header = ['strategy', 'median', speedupHeader(group.entries), 'efficiency', 'flags', 'verdict'];
  const rows = group.entries.map((entry) => entryCells(entry, level).map((cell) => (cell === '' ? '-' : cell)));
  const lines = [`${group.title} (baseline: ${group.baseline})`, ...alignTable([header, ...rows], ALIGN, '  '), `  ${groupFooter(group)}`];
  for (const note of group.notes ?? []) lines.push(`  note: ${note}`);
  return lines.join('\n');
}

/** Every group of a report as {@link formatGroupTable} tables, under a line naming the testbed. */
export function formatReportTables(report: SpeedupReport): string {
  return [`Speedup report on ${formatTestbed(report.testbed)}`, ...report.groups.map((group) => `\n${formatGroupTable(group)}`)].join('\n');
}
