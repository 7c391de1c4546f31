import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../src/report/html.ts';
import { renderMarkdownSummary } from '../../src/report/markdown.ts';
import type { SpeedupReport } from '../../src/report/schema.ts';
import { readReport } from '../../src/report/validate.ts';
import { groupSlug, writeReport } from '../../src/report/write.ts';

const basic = await readReport('fixtures/reports/basic.json');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vitest-speedup-write-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('renderReportHtml', () => {
  const html = renderReportHtml(basic);

  it('is one self-contained page with every table and chart inline', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect([...html.matchAll(/<table>/g)]).toHaveLength(2);
    expect([...html.matchAll(/<svg /g)]).toHaveLength(4);
    expect([...html.matchAll(/<figure class="chart (\w+)">/g)].map((match) => match[1])).toEqual(['speedup', 'scaling', 'timeline', 'speedup']);
    expect(html).not.toContain('<?xml');
    expect(html).not.toMatch(/<script|<link|src="http/);
  });

  it('escapes titles, names and notes', () => {
    expect(html).toContain('<h2>fetch 100 urls &lt;b&gt;&amp;&lt;/b&gt;</h2>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('<td class="verdict-fail">fail</td>');
    expect(html).toContain('<td>gather|all</td>');
  });
});

describe('groupSlug', () => {
  it('is the position and the title in file-name-safe words', () => {
    expect(groupSlug('sieve 1000..15999', 0)).toBe('01-sieve-1000-15999');
    expect(groupSlug('<<>>', 11)).toBe('12-group');
    expect(groupSlug('x'.repeat(80), 2)).toBe(`03-${'x'.repeat(48)}`);
  });
});

describe('writeReport', () => {
  it('writes report.json, summary.md, the charts and index.html', async () => {
    const out = join(dir, 'report');
    const written = await writeReport(basic, out, { env: {} });
    expect(written).toEqual({
      files: [
        'report.json',
        'summary.md',
        'charts/01-sieve-1000-15999-speedup.svg',
        'charts/01-sieve-1000-15999-scaling.svg',
        'charts/01-sieve-1000-15999-timeline.svg',
        'charts/02-fetch-100-urls-b-b-speedup.svg',
        'index.html',
      ],
    });
    expect((await readdir(out)).sort()).toEqual(['charts', 'index.html', 'report.json', 'summary.md']);
    expect(await readReport(join(out, 'report.json'))).toEqual(basic);
    expect(await readFile(join(out, 'summary.md'), 'utf8')).toBe(renderMarkdownSummary(basic));
    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe(renderReportHtml(basic));
    const timeline = await readFile(join(out, 'charts/01-sieve-1000-15999-timeline.svg'), 'utf8');
    expect(timeline.startsWith('<?xml')).toBe(true);
    // No temporary files are left behind.
    expect((await readdir(join(out, 'charts'))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('appends the summary to $GITHUB_STEP_SUMMARY unless told not to', async () => {
    const summary = join(dir, 'step-summary.md');
    await writeFile(summary, '');
    const written = await writeReport(basic, join(dir, 'with-summary'), { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(written.stepSummary).toBe(summary);
    expect(await readFile(summary, 'utf8')).toBe(`${renderMarkdownSummary(basic)}\n`);
    const silent = await writeReport(basic, join(dir, 'without-summary'), { env: { GITHUB_STEP_SUMMARY: summary }, stepSummary: false });
    expect(silent.stepSummary).toBeUndefined();
    expect(await readFile(summary, 'utf8')).toBe(`${renderMarkdownSummary(basic)}\n`);
  });

  it('writes nothing for a malformed report', async () => {
    const broken = { ...basic, groups: [{ ...basic.groups[0], rounds: -1 }] } as unknown as SpeedupReport;
    const out = join(dir, 'broken');
    await expect(writeReport(broken, out, { env: {} })).rejects.toThrow('report: not a valid report (1 problem):\n  - groups[0].rounds: expected a non-negative integer, received -1');
    await expect(stat(out)).rejects.toThrow(/ENOENT/);
  });
});
