// The published package runs dist/ from node_modules, where Node refuses to strip types: build
// it into a temporary node_modules and use it from plain Node, workers and CLI included.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
let project: string;
let installed: string;

beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), 'vitest-speedup-installed-'));
  const modules = join(project, 'node_modules');
  installed = join(modules, 'vitest-speedup');
  await mkdir(installed, { recursive: true });
  await run(join(root, 'node_modules/.bin/tsc'), ['-p', join(root, 'tsconfig.build.json'), '--outDir', join(installed, 'dist')], { cwd: root });
  await cp(join(root, 'package.json'), join(installed, 'package.json'));
  await cp(join(root, 'bin'), join(installed, 'bin'), { recursive: true });
  // The dependencies as npm would have installed them next to the package.
  for (const name of await readdir(join(root, 'node_modules'))) {
    if (name.startsWith('.')) continue;
    await symlink(join(root, 'node_modules', name), join(modules, name));
  }
}, 60_000);

afterAll(async () => {
  await rm(project, { recursive: true, force: true });
});

describe('the installed package', () => {
  it('imports from its exports map and runs a worker pool from dist/', async () => {
    const script = `
      import { piscinaChunked, sieveSummaryWorkload, measureSpeedup, cores } from 'vitest-speedup';
      import { speedup, providerPath, setupPath } from 'vitest-speedup/config';
      import { expectedDurationMs } from 'vitest-speedup/io';
      import { SpeedupReporter } from 'vitest-speedup/report';
      const pool = piscinaChunked({ workers: 2, chunkSize: 50 });
      await pool.start();
      const run = await pool.run(sieveSummaryWorkload({ scale: 0.01 }));
      await pool.close();
      console.log(JSON.stringify({
        results: run.results.length,
        lanes: new Set(run.timeline.entries.map((e) => e.lane.split(':')[0])).size,
        provider: providerPath.endsWith('dist/bench/provider.js'),
        setup: setupPath.endsWith('dist/setup.js'),
        model: expectedDurationMs({ requests: 10, concurrency: 5, latency: 20 }),
        reporter: typeof SpeedupReporter, plugin: typeof speedup, threshold: cores(0.5).kind, measure: typeof measureSpeedup,
      }));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: project });
    const out = JSON.parse(stdout) as Record<string, unknown>;
    expect(out).toMatchObject({ lanes: 1, provider: true, setup: true, model: 40, reporter: 'function', plugin: 'function', threshold: 'host-relative', measure: 'function' });
    expect(out.results).toBeGreaterThan(0);
  }, 60_000);

  it('runs its CLI from dist/', async () => {
    const { stdout } = await run(process.execPath, [join(installed, 'bin/vitest-speedup.js'), 'host', '--json', '--max-workers', '1'], { cwd: project });
    expect(JSON.parse(stdout).facts.effectiveCores).toBeGreaterThanOrEqual(1);
  }, 60_000);
});
