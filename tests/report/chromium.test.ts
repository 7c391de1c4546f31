import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BAR_COLOURS } from '../../src/report/svg.ts';
import { readReport } from '../../src/report/validate.ts';
import { writeReport } from '../../src/report/write.ts';
import { decodePng, rgbAt } from './png.ts';

const run = promisify(execFile);
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const WIDTH = 1200;
const HEIGHT = 900;

let dir: string;
let page: string;

/** Runs headless Chromium with everything that would touch the network or a profile turned off. */
async function chromium(...args: string[]): Promise<string> {
  const { stdout } = await run(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--hide-scrollbars',
      `--user-data-dir=${join(dir, `profile-${args[0]?.slice(2, 8)}`)}`,
      ...args,
    ],
    { timeout: 30_000, maxBuffer: 16 * 1024 * 1024 },
  );
  return stdout;
}

function hex(colour: string): [number, number, number] {
  return [1, 3, 5].map((i) => Number.parseInt(colour.slice(i, i + 2), 16)) as [number, number, number];
}

describe.skipIf(!hasChromium)(`the HTML report in headless Chromium${hasChromium ? '' : ` (skipped: ${CHROMIUM} is not installed; apt-get install -y chromium)`}`, () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vitest-speedup-chromium-'));
    await writeReport(await readReport('fixtures/reports/basic.json'), join(dir, 'report'), { stepSummary: false });
    page = pathToFileURL(join(dir, 'report', 'index.html')).href;
  });
  afterAll(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  it('renders charts: the screenshot is not blank and shows the bar colours', async () => {
    const png = join(dir, 'page.png');
    await chromium(`--screenshot=${png}`, `--window-size=${WIDTH},${HEIGHT}`, page);
    const image = decodePng(await readFile(png));
    expect([image.width, image.height]).toEqual([WIDTH, HEIGHT]);

    let ink = 0;
    const near = new Map<string, number>(Object.values(BAR_COLOURS).map((colour) => [colour, 0]));
    const targets = [...near.keys()].map((colour) => [colour, hex(colour)] as const);
    for (let i = 0; i < image.width * image.height; i++) {
      const [r, g, b] = rgbAt(image, i);
      if (r < 240 || g < 240 || b < 240) ink++;
      for (const [colour, [tr, tg, tb]] of targets) {
        if (Math.abs(r - tr) + Math.abs(g - tg) + Math.abs(b - tb) < 30) near.set(colour, (near.get(colour) ?? 0) + 1);
      }
    }
    // Text, tables and charts cover a few percent of the first screen; a blank page has none.
    expect(ink).toBeGreaterThan(image.width * image.height * 0.02);
    // The first group's bars are in view: grey baseline, green pass, red fail, each a solid block.
    expect(near.get(BAR_COLOURS.baseline)).toBeGreaterThan(500);
    expect(near.get(BAR_COLOURS.pass)).toBeGreaterThan(500);
    expect(near.get(BAR_COLOURS.fail)).toBeGreaterThan(300);
  }, 30_000);

  it('builds the expected DOM: tables, inline SVGs, bars, whiskers and points', async () => {
    const dom = await chromium('--dump-dom', page);
    const count = (pattern: RegExp): number => [...dom.matchAll(pattern)].length;
    expect(count(/<table>/g)).toBe(2);
    expect(count(/<svg /g)).toBe(4);
    // 3 + 4 speedup bars and 4 timeline task bars.
    expect(count(/<rect class="bar"/g)).toBe(7);
    expect(count(/<rect class="task"/g)).toBe(4);
    expect(count(/<path class="whisker"/g)).toBe(2 + 3 + 2);
    expect(count(/<path class="amdahl"/g)).toBe(1);
    expect(count(/<g class="point[ "]/g)).toBe(3);
    expect(count(/<script/g)).toBe(0);
  }, 30_000);
});
