import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendStepSummary, escapeMarkdown, renderMarkdownSummary } from '../../src/report/markdown.ts';
import { readReport } from '../../src/report/validate.ts';

const basic = await readReport('fixtures/reports/basic.json');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vitest-speedup-markdown-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('renderMarkdownSummary', () => {
  it('renders the testbed and one table per group', () => {
    expect(renderMarkdownSummary(basic)).toMatchInlineSnapshot(`
      "## Speedup report

      Measured on 2 cores, ceiling 1.75-2.00x, Intel(R) Xeon(R) Processor, Node 24, linux-x64 (testbed b1bd37880820) by vitest-speedup 0.1.0 at 2026-03-01T12:00:00.000Z.

      ### sieve 1000..15999

      Baseline: sequential

      | strategy | median | speedup [99.5% CI] | efficiency | flags | verdict |
      | --- | ---: | --- | ---: | --- | --- |
      | sequential | 312 ms | baseline | 100% | | |
      | piscina-chunked(500) | 211 ms | 1.48x [1.39, 1.58] | 74% | | pass |
      | worker-per-item | 762 ms | 0.41x [0.38, 0.44] | 21% | noisy, drift | **fail** |

      24 rounds, stopped: decided, Amdahl fit: serial fraction 35.1% (at most 2.85x with unlimited workers).

      - worker-per-item: samples vary by 34% (sd / mean); pairing cancels shared slowdowns but the interval is wider.
      - worker-per-item: the speedup moved from 0.38x to 0.44x between the halves of the run; the machine's state changed the comparison itself.

      ### fetch 100 urls &lt;b&gt;&amp;&lt;/b&gt;

      Baseline: sequential

      | strategy | median | speedup [99.5% CI] | efficiency | flags | verdict |
      | --- | ---: | --- | ---: | --- | --- |
      | sequential | 15.31 s | baseline | | few-rounds | |
      | gather\\|all | 250 ms | 61.18x [58.31, 64.20] | | few-rounds | pass |
      | bounded(5) | 3.11 s | 4.93x [4.87, 4.99] | | few-rounds | inconclusive |
      | bounded(10) | 1.57 s | 9.75x [9.51, 10.02] | | few-rounds | |

      4 rounds, stopped: max-time.

      - only 4 of the planned 6 rounds fit in the time budget: raise maxTimeMs or shrink the workload.
      "
    `);
  });

  it('takes a heading', () => {
    expect(renderMarkdownSummary(basic, { heading: 'PR #12 speedups' }).split('\n')[0]).toBe('## PR \\#12 speedups');
  });
});

describe('escapeMarkdown', () => {
  it('keeps names from breaking tables, forming links or injecting HTML', () => {
    expect(escapeMarkdown('a|b')).toBe('a\\|b');
    expect(escapeMarkdown('[x](https://example.com)')).toBe('[x]\\(https://example.com)');
    expect(escapeMarkdown('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(escapeMarkdown('*bold* _it_ `code`')).toBe('\\*bold\\* \\_it\\_ \\`code\\`');
    expect(escapeMarkdown('two\nlines')).toBe('two lines');
    expect(escapeMarkdown('1.83x [1.71, 1.96]')).toBe('1.83x [1.71, 1.96]');
  });
});

describe('appendStepSummary', () => {
  it('appends to the file named by GITHUB_STEP_SUMMARY', async () => {
    const file = join(dir, 'step-summary.md');
    await writeFile(file, '# Earlier step\n\n');
    expect(await appendStepSummary('## one\n', { env: { GITHUB_STEP_SUMMARY: file } })).toBe(file);
    expect(await appendStepSummary('## two', { env: { GITHUB_STEP_SUMMARY: file } })).toBe(file);
    expect(await readFile(file, 'utf8')).toBe('# Earlier step\n\n## one\n\n## two\n\n');
  });

  it('does nothing outside GitHub Actions', async () => {
    expect(await appendStepSummary('## one\n', { env: {} })).toBeUndefined();
    expect(await appendStepSummary('## one\n', { env: { GITHUB_STEP_SUMMARY: '' } })).toBeUndefined();
  });
});
