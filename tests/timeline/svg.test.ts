import { describe, expect, it } from 'vitest';
import type { Timeline } from '../../src/strategies/types.ts';
import { escapeXml, renderTimelineSvg, TIMELINE_COLOURS } from '../../src/timeline/svg.ts';

const sample: Timeline = {
  start: 1000,
  end: 1100,
  entries: [
    { index: 0, lane: 'thread:2', start: 1000, end: 1040 },
    { index: 1, lane: 'thread:1', start: 1000, end: 1050 },
    { index: 2, lane: 'thread:2', start: 1040, end: 1080 },
    { index: 3, lane: 'thread:1', start: 1060, end: 1100 },
    { index: 4, lane: 'thread:2', start: 1080, end: 1090 },
  ],
};

/** A minimal well-formedness check: every tag closes in order, attributes are quoted, entities are known. */
function expectWellFormedXml(xml: string): void {
  const body = xml.replace(/^<\?xml [^?]*\?>\s*/, '');
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|<|&(?!(?:amp|lt|gt|quot|apos);)/g;
  let roots = 0;
  for (const match of body.matchAll(tag)) {
    const [whole, closing, name, , selfClosing] = match;
    if (name === undefined) throw new Error(`stray "${whole}" at ${match.index}: ${body.slice(match.index, match.index + 40)}`);
    if (closing === '/') {
      expect(stack.pop(), `closing </${name}>`).toBe(name);
    } else if (selfClosing !== '/') {
      if (stack.length === 0) roots++;
      stack.push(name);
    }
  }
  expect(stack).toEqual([]);
  expect(roots).toBe(1);
}

describe('renderTimelineSvg', () => {
  const svg = renderTimelineSvg(sample, { title: 'sieve <piscina> & "friends"' });

  it('is a standalone, well-formed SVG document', () => {
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="800"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expectWellFormedXml(svg);
  });

  it('draws one bar per task and one labelled lane per worker, in lane order', () => {
    expect(svg.match(/<rect\b/g)).toHaveLength(sample.entries.length);
    const labels = [...svg.matchAll(/<text class="lane-label"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(labels).toEqual(['thread:1', 'thread:2']);
  });

  it('alternates the two colours along each lane', () => {
    const lane2 = svg.slice(svg.indexOf('data-lane="thread:2"'));
    const fills = [...lane2.matchAll(/fill="(#[0-9a-f]{6})"><title>/g)].map((m) => m[1]);
    expect(fills).toEqual([TIMELINE_COLOURS[0], TIMELINE_COLOURS[1], TIMELINE_COLOURS[0]]);
  });

  it('places bars on the time axis, leaving idle gaps visible', () => {
    // Plot spans x = 110..776 for 100 ms: 6.66 px per ms.
    const bars = [...svg.matchAll(/<rect class="task" x="([\d.]+)" y="\d+" width="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    const lane1 = svg.slice(svg.indexOf('data-lane="thread:1"'), svg.indexOf('data-lane="thread:2"'));
    const lane1Bars = [...lane1.matchAll(/x="([\d.]+)" y="\d+" width="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(lane1Bars).toEqual([
      [110, 333],
      [509.6, 266.4],
    ]);
    // The 50-60 ms gap on thread:1 is left bare.
    expect(lane1Bars[1]![0]! - (lane1Bars[0]![0]! + lane1Bars[0]![1]!)).toBeCloseTo(66.6, 6);
    expect(bars).toHaveLength(5);
  });

  it('has a time axis in ms and the utilisation in the title', () => {
    const ticks = [...svg.matchAll(/<text class="tick"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    // About 8 ticks at a 1-2-5 step: 100 ms / 8 = 12.5, rounded up to 20.
    expect(ticks).toEqual(['0 ms', '20 ms', '40 ms', '60 ms', '80 ms', '100 ms']);
    // Busy 90 + 90 of 2 x 100 lane-ms.
    expect(svg).toContain(
      '<title>sieve &lt;piscina&gt; &amp; &quot;friends&quot; — utilisation 90% (2 lanes, 5 tasks, 100 ms)</title>',
    );
  });

  it('gives each bar a tooltip with its input and times', () => {
    expect(svg).toContain('<title>#3 on thread:1: 60–100 ms (40 ms)</title>');
  });

  it('escapes lane names and handles empty timelines', () => {
    const odd = renderTimelineSvg({ start: 0, end: 1, entries: [{ index: 0, lane: '<lane & "x">', start: 0, end: 1 }] }, { width: 300 });
    expectWellFormedXml(odd);
    expect(odd).toContain('data-lane="&lt;lane &amp; &quot;x&quot;&gt;"');
    const empty = renderTimelineSvg({ start: 0, end: 0, entries: [] });
    expectWellFormedXml(empty);
    expect(empty.match(/<rect\b/g)).toBeNull();
    expect(empty).toContain('>no tasks</text>');
    expect(empty).toContain('utilisation 0% (0 lanes, 0 tasks, 0 ms)');
  });

  it('escapes all five XML specials', () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;');
  });

  it('rejects bad options', () => {
    expect(() => renderTimelineSvg(sample, { width: 100 })).toThrow(
      new RangeError('renderTimelineSvg(timeline, options): options.width must be a finite number >= 300 (px), received 100.'),
    );
    expect(() => renderTimelineSvg(sample, { title: 3 as unknown as string })).toThrow(
      new TypeError('renderTimelineSvg(timeline, options): options.title must be a string, received number.'),
    );
  });
});
