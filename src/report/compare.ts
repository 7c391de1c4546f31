import { formatTestbed, sameTestbed, testbedDifferences } from '../baselines/testbed.ts';
import { checkTolerance, classifyChange, DEFAULT_TOLERANCE } from '../baselines/classify.ts';
import { alignTable, formatChange, formatSpeedup } from './format.ts';
import type { ReportSpeedup, SpeedupReport } from './schema.ts';

/**
 * How an entry of the new report stands against the old one: `ok`, `regressed` and `improved`
 * as for baselines; `new` (only in the new report), `removed` (only in the old one),
 * `incomparable` (the group's baseline changed, so the speedups measure different things: every
 * entry of such a group is listed with this status and none is judged).
 */
export type ReportChangeStatus = 'ok' | 'regressed' | 'improved' | 'new' | 'removed' | 'incomparable';

/** One row of a report comparison. */
export interface ReportChange {
  readonly group: string;
  readonly entry: string;
  readonly old: ReportSpeedup | null;
  readonly new: ReportSpeedup | null;
  /** `new / old - 1` of the estimates, when both exist. */
  readonly change: number | null;
  readonly status: ReportChangeStatus;
}

/** The result of {@link compareReports}. */
export interface ReportComparison {
  readonly tolerance: number;
  /** Both reports come from the same testbed. */
  readonly sameTestbed: boolean;
  /** How the testbeds differ (`field old vs new`), empty when they are the same. */
  readonly testbedDifferences: readonly string[];
  readonly changes: readonly ReportChange[];
  readonly regressions: number;
}

/**
 * Compares the speedups of two reports, matching groups by title and entries by name. An entry
 * regressed when its new interval lies wholly below old estimate x (1 - tolerance), improved when
 * wholly above old estimate x (1 + tolerance). Baseline entries (speedup null) are not rows.
 *
 * @example
 * ```ts
 * const { regressions } = compareReports(await readReport('main.json'), await readReport('pr.json'));
 * ```
 */
export function compareReports(oldReport: SpeedupReport, newReport: SpeedupReport, options: { readonly tolerance?: number } = {}): ReportComparison {
  const tolerance = checkTolerance('compareReports(old, new, options)', options.tolerance ?? DEFAULT_TOLERANCE);
  const changes: ReportChange[] = [];
  const oldGroups = new Map(oldReport.groups.map((group) => [group.title, group]));
  const newTitles = new Set(newReport.groups.map((group) => group.title));

  for (const group of newReport.groups) {
    const before = oldGroups.get(group.title);
    const oldEntries = new Map((before?.entries ?? []).map((entry) => [entry.name, entry]));
    if (before !== undefined && before.baseline !== group.baseline) {
      // Speedups over different baselines measure different things: list them, judge none.
      const names = [...new Set([...group.entries, ...before.entries].map((entry) => entry.name))];
      for (const name of names) {
        const previous = oldEntries.get(name)?.speedup ?? null;
        const current = group.entries.find((entry) => entry.name === name)?.speedup ?? null;
        if (previous === null && current === null) continue;
        const change = previous !== null && current !== null ? current.estimate / previous.estimate - 1 : null;
        changes.push({ group: group.title, entry: name, old: previous, new: current, change, status: 'incomparable' });
      }
      continue;
    }
    for (const entry of group.entries) {
      if (entry.speedup === null) continue;
      const previous = oldEntries.get(entry.name);
      if (previous === undefined || previous.speedup === null) {
        changes.push({ group: group.title, entry: entry.name, old: null, new: entry.speedup, change: null, status: 'new' });
        continue;
      }
      const change = entry.speedup.estimate / previous.speedup.estimate - 1;
      const status = classifyChange(entry.speedup, previous.speedup.estimate, tolerance);
      changes.push({ group: group.title, entry: entry.name, old: previous.speedup, new: entry.speedup, change, status });
    }
    const names = new Set(group.entries.map((entry) => entry.name));
    for (const entry of before?.entries ?? []) {
      if (entry.speedup !== null && !names.has(entry.name)) {
        changes.push({ group: group.title, entry: entry.name, old: entry.speedup, new: null, change: null, status: 'removed' });
      }
    }
  }
  for (const group of oldReport.groups) {
    if (newTitles.has(group.title)) continue;
    for (const entry of group.entries) {
      if (entry.speedup !== null) changes.push({ group: group.title, entry: entry.name, old: entry.speedup, new: null, change: null, status: 'removed' });
    }
  }
  return {
    tolerance,
    sameTestbed: sameTestbed(oldReport.testbed, newReport.testbed),
    testbedDifferences: testbedDifferences(oldReport.testbed, newReport.testbed),
    changes,
    regressions: changes.filter((change) => change.status === 'regressed').length,
  };
}

/**
 * A report comparison as an aligned table: entry (`group › name`), old speedup [CI], new
 * speedup [CI], change %, status; then a one-line count.
 */
export function formatReportComparison(comparison: ReportComparison): string {
  const rows = comparison.changes.map((change) => [
    `${change.group} › ${change.entry}`,
    change.old === null ? '-' : formatSpeedup(change.old),
    change.new === null ? '-' : formatSpeedup(change.new),
    change.change === null ? '-' : formatChange(change.change),
    change.status,
  ]);
  const lines = alignTable([['entry', 'old speedup [CI]', 'new speedup [CI]', 'change', 'status'], ...rows], ['left', 'left', 'left', 'right', 'left']);
  const counts = new Map<ReportChangeStatus, number>();
  for (const change of comparison.changes) counts.set(change.status, (counts.get(change.status) ?? 0) + 1);
  const order: ReportChangeStatus[] = ['regressed', 'improved', 'ok', 'new', 'removed', 'incomparable'];
  const summary = order.filter((status) => counts.has(status)).map((status) => `${counts.get(status)} ${status}`);
  lines.push('', `${summary.length === 0 ? 'nothing to compare' : summary.join(', ')} (tolerance ${Math.round(comparison.tolerance * 100)}%)`);
  return lines.join('\n');
}

/** Why two reports' testbeds differ, for the compare command's refusal. */
export function describeTestbedMismatch(oldFile: string, oldReport: SpeedupReport, newFile: string, newReport: SpeedupReport): string {
  return [
    `${oldFile} and ${newFile} were measured on different testbeds, so their speedups are not comparable:`,
    `  ${oldFile}: ${formatTestbed(oldReport.testbed)}`,
    `  ${newFile}: ${formatTestbed(newReport.testbed)}`,
    `  differences: ${testbedDifferences(oldReport.testbed, newReport.testbed).join(', ')}`,
  ].join('\n');
}
