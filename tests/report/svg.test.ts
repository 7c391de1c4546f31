import { describe, expect, it } from 'vitest';
import { renderScalingSvg, renderSpeedupBarsSvg } from '../../src/report/svg.ts';
import type { ReportGroup, ReportScaling } from '../../src/report/schema.ts';
import { readReport } from '../../src/report/validate.ts';

const basic = await readReport('fixtures/reports/basic.json');
const sieve = basic.groups[0] as ReportGroup;
const fetchGroup = basic.groups[1] as ReportGroup;

/** Every element opened is closed in order: a cheap well-formedness check for generated XML. */
function expectBalanced(xml: string): void {
  const stack: string[] = [];
  for (const match of xml.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = match as unknown as [string, string, string, string];
    if (selfClosing === '/') continue;
    if (closing === '/') expect(stack.pop(), `closing </${name}>`).toBe(name);
    else stack.push(name);
  }
  expect(stack).toEqual([]);
}

function count(text: string, pattern: RegExp): number {
  return [...text.matchAll(pattern)].length;
}

function numbers(tag: string, ...names: string[]): number[] {
  return names.map((name) => Number(new RegExp(`\\b${name}="([-\\d.]+)"`).exec(tag)?.[1]));
}

describe('renderSpeedupBarsSvg', () => {
  const svg = renderSpeedupBarsSvg(sieve);

  it('is a standalone, well-formed SVG document', () => {
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="720"')).toBe(true);
    expect(svg.endsWith('</svg>\n')).toBe(true);
    expectBalanced(svg);
  });

  it('draws one bar per strategy, a whisker per candidate and the 1x reference line', () => {
    expect(count(svg, /<rect /g)).toBe(3);
    expect(count(svg, /<path class="whisker"/g)).toBe(2);
    expect(count(svg, /<line class="reference"/g)).toBe(1);
    const bars = [...svg.matchAll(/<rect class="bar"[^>]*>/g)].map(([tag]) => numbers(tag, 'x', 'width'));
    const reference = numbers(/<line class="reference"[^>]*>/.exec(svg)?.[0] ?? '', 'x1')[0] as number;
    const [baselineX, baselineWidth] = bars[0] as [number, number];
    // The baseline's bar ends at 1x, and bar lengths are proportional to the speedups.
    expect(baselineX + baselineWidth).toBeCloseTo(reference, 1);
    expect((bars[1]?.[1] as number) / baselineWidth).toBeCloseTo(1.4803, 2);
    expect((bars[2]?.[1] as number) / baselineWidth).toBeCloseTo(0.41, 2);
    // The whisker spans lower..upper: 1.3912 .. 1.5751 on the same scale.
    const [, lo, hi] = /<path class="whisker" d="M([\d.]+) [\d.]+H([\d.]+)/.exec(svg) as unknown as [string, string, string];
    expect((Number(lo) - baselineX) / baselineWidth).toBeCloseTo(1.3912, 2);
    expect((Number(hi) - baselineX) / baselineWidth).toBeCloseTo(1.5751, 2);
  });

  it('colours bars by verdict and labels them with the interval', () => {
    expect(svg).toContain('fill="#9e9e9e"><title>sequential: baseline</title>');
    expect(svg).toContain('fill="#2ca02c"><title>piscina-chunked(500): 1.48x [1.39, 1.58] (99.5% CI)</title>');
    expect(svg).toContain('fill="#d62728"><title>worker-per-item: 0.41x [0.38, 0.44] (99.5% CI)</title>');
    expect(svg).toContain('>1.48x [1.39, 1.58] pass</text>');
  });

  it('escapes every text', () => {
    const hostile: ReportGroup = {
      ...fetchGroup,
      entries: fetchGroup.entries.map((entry, i) => (i === 1 ? { ...entry, name: `"><script>alert('x')</script>` } : entry)),
    };
    const out = renderSpeedupBarsSvg(hostile);
    expect(out).not.toContain('<script');
    expect(out).not.toContain('<b>');
    expect(out).toContain('fetch 100 urls &lt;b&gt;&amp;&lt;/b&gt;: speedup over sequential');
    expect(out).toContain('data-name="&quot;&gt;&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;"');
    expectBalanced(out);
  });

  it('takes a title and width and rejects a tiny width', () => {
    expect(renderSpeedupBarsSvg(sieve, { title: 'T', width: 400 })).toContain('width="400"');
    expect(renderSpeedupBarsSvg(sieve, { title: 'T' })).toContain('<title>T</title>');
    expect(() => renderSpeedupBarsSvg(sieve, { width: 100 })).toThrow('renderSpeedupBarsSvg(group, options): options.width must be a finite number >= 320 (px), received 100.');
  });
});

describe('renderScalingSvg', () => {
  const scaling = sieve.scaling as ReportScaling;
  const svg = renderScalingSvg(scaling, { title: 'sieve: scaling' });

  it('is a standalone, well-formed SVG document', () => {
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')).toBe(true);
    expectBalanced(svg);
    expect(svg).toContain('<title>sieve: scaling</title>');
  });

  it('draws the points with whiskers, the ideal line and the Amdahl curve', () => {
    expect(count(svg, /<g class="point"/g)).toBe(2);
    expect(count(svg, /<g class="point oversubscribed"/g)).toBe(1);
    // The one-worker point has no interval, so two whiskers.
    expect(count(svg, /<path class="whisker"/g)).toBe(2);
    const ideal = /<line class="ideal"[^>]*>/.exec(svg)?.[0] ?? '';
    const [x1, y1, x2, y2] = numbers(ideal, 'x1', 'y1', 'x2', 'y2') as [number, number, number, number];
    const amdahl = /<path class="amdahl" d="M([\d.]+) ([\d.]+)(?:L[\d.]+ [\d.]+)*L([\d.]+) ([\d.]+)"/.exec(svg);
    expect(amdahl).not.toBeNull();
    const [, ax1, ay1, ax2, ay2] = (amdahl as RegExpExecArray).map(Number) as [number, number, number, number, number];
    // Both start at (1 worker, 1x) and end at 4 workers; Amdahl ends at 1 / (f + (1 - f) / 4) = 1.95x, ideal at 4x.
    expect([ax1, ay1]).toEqual([x1, y1]);
    expect(ax2).toBe(x2);
    const unit = (y1 - y2) / 3; // px per 1x of speedup
    expect((y1 - ay2) / unit + 1).toBeCloseTo(1 / (0.3511 + 0.6489 / 4), 1);
    expect(svg).toContain('Amdahl fit: serial fraction 35.1%</text>');
    expect(svg).toContain('more workers than cores</text>');
    expect(svg).toContain('<title>4 workers: 1.52x [1.40, 1.66], oversubscribed</title>');
  });

  it('leaves out the fit and the oversubscribed legend when there are none', () => {
    const plain = renderScalingSvg({ points: [{ workers: 1, speedup: 1, lower: 1, upper: 1, oversubscribed: false }, { workers: 2, speedup: 1.9, lower: 1.8, upper: 2, oversubscribed: false }] });
    expect(plain).not.toContain('class="amdahl"');
    expect(plain).not.toContain('more workers than cores');
    expect(plain).toContain('<title>Scaling</title>');
    expect(() => renderScalingSvg({ points: [] })).toThrow('renderScalingSvg(scaling, options): scaling.points must be a non-empty array');
  });
});
