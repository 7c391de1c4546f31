import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestbed } from '../../src/baselines/testbed.ts';
import type { Measurement, SideSummary } from '../../src/engine/types.ts';
import { groupsFromTestCases, SpeedupReporter } from '../../src/report/reporter.ts';
import type { TestCaseLike } from '../../src/report/reporter.ts';
import { readReport } from '../../src/report/validate.ts';

const side = (name: string, median: number): SideSummary => ({ name, samples: [median], median, mean: median, cv: 0, callsPerSample: 1 });

function measurement(baseline: string, candidates: [string, number][]): Measurement {
  return {
    kind: 'paired',
    baseline: side(baseline, 10),
    candidates: candidates.map(([name, ms]) => side(name, ms)),
    comparisons: candidates.map(([name, ms]) => ({
      candidate: name,
      baseline,
      interval: { estimate: 10 / ms, lower: 9 / ms, upper: 11 / ms, level: 0.99, df: 9 },
      roundsUsed: 10,
      outlierRounds: [],
      criterion: undefined,
      verdict: undefined,
    })) as unknown as Measurement['comparisons'],
    rounds: 10,
    warmupRounds: 1,
    looks: 1,
    plannedLooks: 3,
    confidence: 0.99,
    stopReason: 'precise',
    elapsedMs: 100,
    seed: 1,
    flags: [{ code: 'outliers', message: `${baseline} (again): 1 of 10 rounds excluded as outliers.` }],
  };
}

const testCase = (fullName: string, file: string, groups: Measurement[] | undefined): TestCaseLike => ({
  fullName,
  module: { moduleId: `/repo/${file}` },
  meta: () => (groups === undefined ? {} : { vitestSpeedup: { groups } }),
});

describe('groupsFromTestCases', () => {
  it('titles groups by test, numbers several per test, disambiguates by file, and reports lone benchmarks alone', () => {
    const groups = groupsFromTestCases(
      [
        testCase('sieve', 'a.bench.ts', [measurement('seq', [['par', 5]])]),
        testCase('fetch', 'a.bench.ts', [measurement('seq', [['all', 1]]), measurement('seq', [['bounded', 2]])]),
        testCase('sieve', 'b.bench.ts', [measurement('seq', [['par', 4]])]),
        testCase('lone', 'b.bench.ts', [measurement('x', [['x (again)', 10]])]),
        testCase('plain test', 'c.test.ts', undefined),
      ],
      '/repo',
    );
    expect(groups.map((group) => group.title)).toEqual(['sieve [a.bench.ts]', 'fetch #1', 'fetch #2', 'sieve [b.bench.ts]', 'lone']);
    expect(groups.at(-1)?.entries).toEqual([{ name: 'x', medianMs: 10, speedup: null, flags: [] }]);
    expect(groups.at(-1)).not.toHaveProperty('notes');
    expect(groups[0]?.entries.map((entry) => entry.name)).toEqual(['seq', 'par']);
  });
});

describe('SpeedupReporter', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vitest-speedup-reporter-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes nothing for a run without speedup measurements', async () => {
    let printed = '';
    const reporter = new SpeedupReporter({ outputDir: join(dir, 'none'), output: { write: (chunk: string) => (printed += chunk) } });
    await reporter.onTestRunEnd([]);
    expect(printed).toBe('');
    await expect(readFile(join(dir, 'none', 'report.json'))).rejects.toThrow(/ENOENT/);
  });

  it('writes and prints the report of a real `vitest bench` run', async () => {
    const out = join(dir, 'bench');
    const { stdout } = await promisify(execFile)(process.execPath, ['node_modules/vitest/vitest.mjs', 'bench', '--run', '--root', 'fixtures/reports/bench-project'], {
      env: { ...process.env, VITEST_SPEEDUP_REPORT_DIR: out },
      timeout: 60_000,
    });
    const report = await readReport(join(out, 'report.json'));
    expect(report.groups.map((group) => [group.title, group.entries.map((entry) => entry.name)])).toEqual([
      ['waits <compared>', ['wait 2 ms', 'wait 0.5 ms']],
      ['one wait alone', ['wait 1 ms']],
    ]);
    // A 4x difference in waiting time; only its direction is asserted.
    expect(report.groups[0]?.entries[1]?.speedup?.lower).toBeGreaterThan(1);
    expect(report.testbed.ceilingBand).toBe('unmeasured');
    expect(stdout).toContain('\nwaits <compared> (baseline: wait 2 ms)\n  strategy ');
    expect(stdout).toContain(`Speedup report: ${out}/index.html (data: ${out}/report.json)`);
    expect(await readFile(join(out, 'index.html'), 'utf8')).toContain('<h2>waits &lt;compared&gt;</h2>');
  }, 60_000);

  it('uses a given testbed', async () => {
    const testbed = makeTestbed({ effectiveCores: 3, ceilingBand: '2.50-2.75', cpuModel: 'X', nodeMajor: 24, os: 'linux-x64' });
    const modules = [{ children: { allTests: () => [testCase('t', 'a.bench.ts', [measurement('seq', [['par', 5]])])] } }];
    const reporter = new SpeedupReporter({ outputDir: join(dir, 'given'), testbed, print: false, env: {} });
    await reporter.onTestRunEnd(modules as never);
    expect((await readReport(join(dir, 'given', 'report.json'))).testbed).toEqual(testbed);
  });
});
