import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { compareReports, describeTestbedMismatch, formatReportComparison } from '../../report/compare.ts';
import { SpeedupFileError } from '../../report/errors.ts';
import type { SpeedupReport } from '../../report/schema.ts';
import { readReport } from '../../report/validate.ts';
import { UsageError } from '../types.ts';
import type { Command } from '../types.ts';

/** A report file, or a directory written by writeReport (its report.json). */
async function resolveReportPath(path: string): Promise<string> {
  try {
    if ((await stat(path)).isDirectory()) return join(path, 'report.json');
  } catch {
    // Missing: readReport reports it with the path as given.
  }
  return path;
}

/**
 * `vitest-speedup compare old.json new.json`: compares the speedups of two reports, prints the
 * regression table (or JSON with `--json`) and exits 1 on regressions, 0 otherwise, 2 on bad
 * input (missing, corrupt, truncated or incompatible files; different testbeds without
 * `--any-testbed`).
 */
export const compareCommand: Command = {
  name: 'compare',
  summary: 'Compare the speedups of two reports; exit 1 on regressions',
  usage: [
    'Usage: vitest-speedup compare <old.json> <new.json> [--tolerance <t>] [--json] [--any-testbed]',
    '',
    'Compares two speedup reports (report.json as written by writeReport, or the directory holding',
    'it), matching groups by title and entries by name. An entry regressed when its new interval',
    'lies wholly below the old estimate x (1 - tolerance), improved when wholly above',
    'old x (1 + tolerance).',
    '',
    'Exit codes: 0 no regression, 1 at least one regression, 2 bad input (missing, corrupt or',
    'incompatible files, or reports from different testbeds without --any-testbed).',
    '',
    'Options:',
    '  --tolerance <t>   Fraction a speedup may lose before it counts as regressed (default 0.1)',
    '  --json            Print the comparison as JSON',
    '  --any-testbed     Compare reports from different testbeds anyway (speedups depend on the host)',
    '  -h, --help        Show this help',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: {
        tolerance: { type: 'string' },
        json: { type: 'boolean', default: false },
        'any-testbed': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: true,
    });
    if (values.help) {
      io.stdout.write(`${this.usage}\n`);
      return 0;
    }
    if (positionals.length !== 2) {
      throw new UsageError(`expected two report files (old and new), received ${positionals.length === 0 ? 'none' : positionals.map((p) => `"${p}"`).join(' ')}.`);
    }
    let tolerance = 0.1;
    if (values.tolerance !== undefined) {
      tolerance = Number(values.tolerance);
      if (values.tolerance.trim() === '' || !Number.isFinite(tolerance) || tolerance < 0 || tolerance >= 1) {
        throw new UsageError(`--tolerance must be a number from 0 to below 1 (0.1 = 10%), received "${values.tolerance}".`);
      }
    }

    const [oldPath, newPath] = positionals as [string, string];
    let oldReport: SpeedupReport;
    let newReport: SpeedupReport;
    try {
      oldReport = await readReport(await resolveReportPath(oldPath));
      newReport = await readReport(await resolveReportPath(newPath));
    } catch (error) {
      if (!(error instanceof SpeedupFileError)) throw error;
      io.stderr.write(`vitest-speedup compare: ${error.message}\n`);
      return 2;
    }

    const comparison = compareReports(oldReport, newReport, { tolerance });
    if (!comparison.sameTestbed && !values['any-testbed']) {
      io.stderr.write(`vitest-speedup compare: ${describeTestbedMismatch(oldPath, oldReport, newPath, newReport)}\nPass --any-testbed to compare them anyway.\n`);
      return 2;
    }
    if (values.json) {
      io.stdout.write(`${JSON.stringify({ old: oldPath, new: newPath, ...comparison }, null, 2)}\n`);
    } else {
      const warning = comparison.sameTestbed ? '' : `warning: different testbeds (${comparison.testbedDifferences.join(', ')}); speedups depend on the host.\n\n`;
      io.stdout.write(`Speedup changes: ${oldPath} -> ${newPath}\n\n${warning}${formatReportComparison(comparison)}\n`);
    }
    return comparison.regressions > 0 ? 1 : 0;
  },
};
