// Regenerates the pictures in docs/ that the README shows: a timeline of a chunked pool run, a
// scaling curve, and a report page rendered by headless Chromium. Run: npx node scripts/readme-figures.ts
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  bounded,
  compareFunctions,
  concurrent,
  createReport,
  getHostFacts,
  groupFromMeasurement,
  groupFromScalingCurve,
  measureParallelCeiling,
  measureScaling,
  piscinaChunked,
  renderTimelineSvg,
  sequential,
  sumOfSquaresWorkload,
  testbedFromHost,
  writeReport,
} from '../src/index.ts';
import { renderScalingSvg } from '../src/report/index.ts';

const docs = new URL('../docs/', import.meta.url);
const workload = sumOfSquaresWorkload({ scale: 0.5 });

const pool = piscinaChunked({ chunkSize: 2 });
await pool.start();
const run = await pool.run(workload);
await writeFile(new URL('timeline.svg', docs), renderTimelineSvg(run.timeline, { title: 'piscina-chunked(2) on sumOfSquares, 2 workers' }));

const pools = new Map<number, Awaited<ReturnType<typeof piscinaChunked>>>();
for (const n of [1, 2, 3, 4]) {
  const p = piscinaChunked({ workers: n, chunkSize: 1 });
  await p.start();
  pools.set(n, p);
}
const curve = await measureScaling((n) => () => pools.get(n)!.run(workload), { workers: [1, 2, 3, 4], name: 'piscina-chunked on sumOfSquares' });
const scalingGroup = groupFromScalingCurve(curve);
if (scalingGroup.scaling) await writeFile(new URL('scaling.svg', docs), renderScalingSvg(scalingGroup.scaling, { title: 'Scaling of piscina-chunked on sumOfSquares' }));

const seq = sequential();
const measurement = await compareFunctions(
  {
    sequential: () => seq.run(workload),
    'Promise.all': () => concurrent().run(workload),
    'bounded(2)': () => bounded(2).run(workload),
    'piscina-chunked': () => pool.run(workload),
  },
  { baseline: 'sequential', maxTimeMs: 8000 },
);
const testbed = testbedFromHost(getHostFacts(), await measureParallelCeiling());
const report = createReport({ testbed, groups: [groupFromMeasurement(measurement, { title: 'sumOfSquares, half size', workers: { 'piscina-chunked': 2 } }), scalingGroup] });
const dir = await mkdtemp(join(tmpdir(), 'readme-report-'));
await writeReport(report, dir, { stepSummary: false });
await pool.close();
for (const p of pools.values()) await p.close();

if (existsSync('/usr/bin/chromium')) {
  const profile = await mkdtemp(join(tmpdir(), 'readme-chromium-'));
  execFileSync('/usr/bin/chromium', [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--no-first-run', `--user-data-dir=${profile}`, '--window-size=1100,1400', `--screenshot=${new URL('report.png', docs).pathname}`, `file://${join(dir, 'index.html')}`,
  ], { stdio: 'ignore' });
  await rm(profile, { recursive: true, force: true });
}
await rm(dir, { recursive: true, force: true });
console.log('wrote docs/timeline.svg, docs/scaling.svg', existsSync('/usr/bin/chromium') ? 'and docs/report.png' : '(no chromium: no report.png)');
