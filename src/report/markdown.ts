import { appendFile } from 'node:fs/promises';
import { formatTestbed } from '../baselines/testbed.ts';
import { commonLevel, entryCells, groupFooter, speedupHeader } from './format.ts';
import type { ReportGroup, SpeedupReport } from './schema.ts';

/**
 * Escapes text for a GitHub-flavoured Markdown table cell or paragraph: Markdown punctuation is
 * backslash-escaped (and `](` so that no link can form), `<`, `>` and `&` become entities (a strategy named `<script>` stays text),
 * and line breaks become spaces so that a cell cannot end its row.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_#|~]/g, (c) => `\\${c}`)
    .replace(/\]\(/g, ']\\(')
    .replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] as string)
    .replace(/\r?\n/g, ' ');
}

/** One group as a Markdown section: `###` heading, table, footer line and notes. */
export function renderGroupMarkdown(group: ReportGroup): string {
  const level = commonLevel(group.entries);
  const header = ['strategy', 'median', speedupHeader(group.entries), 'efficiency', 'flags', 'verdict'];
  const lines = [
    `### ${escapeMarkdown(group.title)}`,
    '',
    `Baseline: ${escapeMarkdown(group.baseline)}`,
    '',
    `| ${header.map(escapeMarkdown).join(' | ')} |`,
    '| --- | ---: | --- | ---: | --- | --- |',
    ...group.entries.map((entry) => {
      const cells = entryCells(entry, level).map(escapeMarkdown);
      if (entry.verdict === 'fail') cells[5] = '**fail**';
      return `| ${cells.join(' | ')} |`.replace(/ {2,}\|/g, ' |');
    }),
    '',
    `${escapeMarkdown(groupFooter(group))}.`,
  ];
  const notes = group.notes ?? [];
  if (notes.length > 0) lines.push('', ...notes.map((note) => `- ${escapeMarkdown(note)}`));
  return lines.join('\n');
}

/**
 * The whole report as Markdown, for a pull request comment or a GitHub Actions job summary:
 * a heading, the testbed, then one section per group.
 *
 * @example
 * ```ts
 * await appendStepSummary(renderMarkdownSummary(report));
 * ```
 */
export function renderMarkdownSummary(report: SpeedupReport, options: { readonly heading?: string } = {}): string {
  const lines = [
    `## ${escapeMarkdown(options.heading ?? 'Speedup report')}`,
    '',
    `Measured on ${escapeMarkdown(formatTestbed(report.testbed))} by vitest-speedup ${escapeMarkdown(report.tool.version)} at ${escapeMarkdown(report.createdAt)}.`,
  ];
  for (const group of report.groups) lines.push('', renderGroupMarkdown(group));
  return `${lines.join('\n')}\n`;
}

/**
 * Appends Markdown to the GitHub Actions job summary, the file named by `GITHUB_STEP_SUMMARY`.
 * Does nothing outside GitHub Actions (the variable unset or empty).
 *
 * @param options.env - Where to look up `GITHUB_STEP_SUMMARY`; default `process.env` (tests inject their own).
 * @returns The file appended to, or undefined when there is none.
 */
export async function appendStepSummary(markdown: string, options: { readonly env?: NodeJS.ProcessEnv } = {}): Promise<string | undefined> {
  const file = (options.env ?? process.env).GITHUB_STEP_SUMMARY;
  if (file === undefined || file === '') return undefined;
  await appendFile(file, markdown.endsWith('\n') ? `${markdown}\n` : `${markdown}\n\n`, 'utf8');
  return file;
}
