import { formatTestbed } from '../baselines/testbed.ts';
import { escapeXml } from '../timeline/svg.ts';
import { renderTimelineSvg } from '../timeline/svg.ts';
import { commonLevel, entryCells, groupFooter, speedupHeader } from './format.ts';
import type { ReportGroup, SpeedupReport } from './schema.ts';
import { renderScalingSvg, renderSpeedupBarsSvg } from './svg.ts';

/** Escapes text for HTML content and attribute values. */
export const escapeHtml: (text: string) => string = escapeXml;

/** The charts of one group as standalone SVG documents, keyed by kind. */
export interface GroupCharts {
  readonly speedup: string;
  readonly scaling?: string;
  readonly timeline?: string;
}

/**
 * Renders every chart of a group: speedup bars, the scaling curve if the group has one, and the
 * timeline (drawn by `renderTimelineSvg` from src/timeline) if it has one.
 */
export function renderGroupCharts(group: ReportGroup): GroupCharts {
  return {
    speedup: renderSpeedupBarsSvg(group),
    ...(group.scaling === undefined ? {} : { scaling: renderScalingSvg(group.scaling, { title: `${group.title}: scaling` }) }),
    ...(group.timeline === undefined ? {} : { timeline: renderTimelineSvg(group.timeline, { title: `${group.title}: timeline`, width: 720 }) }),
  };
}

/** A standalone SVG document without its XML declaration, for inline use in HTML. */
function inline(svg: string): string {
  return svg.replace(/^<\?xml[^>]*\?>\s*/, '');
}

function groupTable(group: ReportGroup): string {
  const level = commonLevel(group.entries);
  const header = ['strategy', 'median', speedupHeader(group.entries), 'efficiency', 'flags', 'verdict'];
  const numeric = new Set([1, 3]);
  const th = header.map((cell, i) => `<th${numeric.has(i) ? ' class="num"' : ''}>${escapeHtml(cell)}</th>`).join('');
  const rows = group.entries.map((entry) => {
    const cells = entryCells(entry, level)
      .map((cell, i) => {
        const classes = [numeric.has(i) ? 'num' : '', i === 5 && cell !== '' ? `verdict-${cell}` : ''].filter(Boolean).join(' ');
        return `<td${classes === '' ? '' : ` class="${classes}"`}>${escapeHtml(cell)}</td>`;
      })
      .join('');
    return `<tr>${cells}</tr>`;
  });
  return `<table>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}

const STYLE = `
body { font-family: system-ui, sans-serif; margin: 24px; color: #222; background: #fff; max-width: 1100px; }
h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 32px; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; margin: 8px 0; }
th, td { border: 1px solid #ccc; padding: 4px 10px; text-align: left; }
th { background: #f3f3f3; } .num { text-align: right; }
.verdict-pass { color: #1b7a1b; } .verdict-fail { color: #b71c1c; font-weight: bold; } .verdict-inconclusive { color: #a65e00; }
figure { margin: 12px 0; } .meta, .footer { color: #555; } ul.notes { color: #6d4c00; }
`;

/**
 * The whole report as one self-contained HTML page (no scripts, no external resources): the
 * testbed, then per group its table, its speedup bars, its scaling curve and its timeline, all
 * charts inline as SVG. All text is escaped.
 *
 * @example
 * ```ts
 * await writeFile('index.html', renderReportHtml(report));
 * ```
 */
export function renderReportHtml(report: SpeedupReport, options: { readonly title?: string } = {}): string {
  const title = options.title ?? 'Speedup report';
  const sections = report.groups.map((group, i) => {
    const charts = renderGroupCharts(group);
    const notes = group.notes ?? [];
    return [
      `<section class="group" id="group-${i + 1}">`,
      `<h2>${escapeHtml(group.title)}</h2>`,
      `<p class="meta">Baseline: ${escapeHtml(group.baseline)}</p>`,
      groupTable(group),
      `<p class="footer">${escapeHtml(groupFooter(group))}</p>`,
      ...(notes.length === 0 ? [] : [`<ul class="notes">${notes.map((note) => `<li>${escapeHtml(note)}</li>`).join('')}</ul>`]),
      `<figure class="chart speedup">${inline(charts.speedup)}</figure>`,
      ...(charts.scaling === undefined ? [] : [`<figure class="chart scaling">${inline(charts.scaling)}</figure>`]),
      ...(charts.timeline === undefined ? [] : [`<figure class="chart timeline">${inline(charts.timeline)}</figure>`]),
      '</section>',
    ].join('\n');
  });
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="meta">Measured on ${escapeHtml(formatTestbed(report.testbed))} by vitest-speedup ${escapeHtml(report.tool.version)} at ${escapeHtml(report.createdAt)}.</p>`,
    ...sections,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
