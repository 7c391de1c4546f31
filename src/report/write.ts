import { join } from 'node:path';
import { writeFileAtomic } from './files.ts';
import { renderGroupCharts, renderReportHtml } from './html.ts';
import { appendStepSummary, renderMarkdownSummary } from './markdown.ts';
import type { SpeedupReport } from './schema.ts';
import { validateReport } from './validate.ts';

/** Options of {@link writeReport}. */
export interface WriteReportOptions {
  /**
   * Also append summary.md to the GitHub Actions job summary (`$GITHUB_STEP_SUMMARY`) when that
   * variable is set. Default true.
   */
  readonly stepSummary?: boolean;
  /** Where to look up `GITHUB_STEP_SUMMARY`; default `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
}

/** What {@link writeReport} wrote. */
export interface WrittenReport {
  /** Every file written, as paths under the output directory, report.json first. */
  readonly files: readonly string[];
  /** The job summary file appended to, if any. */
  readonly stepSummary?: string;
}

/**
 * A file-name-safe slug for a group: its 1-based position (so that two titles with the same
 * slug cannot collide) and its title in lower case, e.g. `01-sieve-1000-15999`.
 */
export function groupSlug(title: string, index: number): string {
  const words = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return `${String(index + 1).padStart(2, '0')}-${words === '' ? 'group' : words}`;
}

/**
 * Writes a report to a directory: `report.json` (the document itself, for `vitest-speedup
 * compare` and baselines), `summary.md` (Markdown tables), `charts/<group>-speedup.svg`,
 * `charts/<group>-scaling.svg` and `charts/<group>-timeline.svg` (where the group has them) and
 * `index.html` (everything on one page). The report is validated first, so nothing is written for
 * a malformed one, and every file is written atomically (temporary file + rename). Appends the
 * Markdown to `$GITHUB_STEP_SUMMARY` when set.
 *
 * @throws SpeedupFileError (`invalid`) for a malformed report, before anything is written.
 * @example
 * ```ts
 * const { files } = await writeReport(report, 'bench-report');
 * ```
 */
export async function writeReport(report: SpeedupReport, dir: string, options: WriteReportOptions = {}): Promise<WrittenReport> {
  validateReport(report, 'report');
  const outputs: [string, string][] = [];
  outputs.push(['report.json', `${JSON.stringify(report, null, 2)}\n`]);
  const markdown = renderMarkdownSummary(report);
  outputs.push(['summary.md', markdown]);
  report.groups.forEach((group, i) => {
    const slug = groupSlug(group.title, i);
    const charts = renderGroupCharts(group);
    outputs.push([join('charts', `${slug}-speedup.svg`), charts.speedup]);
    if (charts.scaling !== undefined) outputs.push([join('charts', `${slug}-scaling.svg`), charts.scaling]);
    if (charts.timeline !== undefined) outputs.push([join('charts', `${slug}-timeline.svg`), charts.timeline]);
  });
  outputs.push(['index.html', renderReportHtml(report)]);

  for (const [name, data] of outputs) await writeFileAtomic(join(dir, name), data);
  const summaryFile = options.stepSummary === false ? undefined : await appendStepSummary(markdown, options.env === undefined ? {} : { env: options.env });
  return { files: outputs.map(([name]) => name), ...(summaryFile === undefined ? {} : { stepSummary: summaryFile }) };
}
