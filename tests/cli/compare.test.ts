import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareCommand } from '../../src/cli/commands/compare.ts';
import { commands } from '../../src/cli/commands/index.ts';
import { main } from '../../src/cli/main.ts';
import type { ReportComparison } from '../../src/report/compare.ts';
import { writeReport } from '../../src/report/write.ts';
import { readReport } from '../../src/report/validate.ts';

/** Runs `vitest-speedup compare ...` in-process through the dispatcher, with captured output. */
async function compare(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['compare', ...argv], {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
  });
  return { code, stdout, stderr };
}

const fixture = (name: string): string => `fixtures/reports/${name}`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vitest-speedup-compare-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('vitest-speedup compare', () => {
  it('is registered in the command table', () => {
    expect(commands).toContain(compareCommand);
  });

  it('is listed by help', async () => {
    let stdout = '';
    await main(['help'], { stdout: { write: (chunk: string) => (stdout += chunk) }, stderr: { write: () => true } });
    expect(stdout).toContain('  compare  Compare the speedups of two reports; exit 1 on regressions\n');
  });

  it('prints the regression table and exits 1 on a regression', async () => {
    const { code, stdout, stderr } = await compare(fixture('old.json'), fixture('new.json'));
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toMatchInlineSnapshot(`
      "Speedup changes: fixtures/reports/old.json -> fixtures/reports/new.json

      entry                    old speedup [CI]       new speedup [CI]       change  status
      sieve › piscina(2)       1.84x [1.78, 1.90]     1.22x [1.15, 1.29]     -33.7%  regressed
      sieve › tinypool(2)      1.56x [1.50, 1.62]     1.51x [1.30, 1.75]      -3.2%  ok
      sieve › chunked(500)     1.36x [1.30, 1.42]     1.72x [1.66, 1.78]     +26.5%  improved
      sieve › chunked(1000)    -                      1.77x [1.70, 1.84]          -  new
      sieve › worker-per-item  0.41x [0.38, 0.44]     -                           -  removed
      fetch › gather           61.20x [58.30, 64.20]  59.80x [57.10, 62.60]   -2.3%  ok

      1 regressed, 1 improved, 2 ok, 1 new, 1 removed (tolerance 10%)
      "
    `);
  });

  it('exits 0 without regressions', async () => {
    const { code, stdout } = await compare(fixture('old.json'), fixture('new-no-regression.json'));
    expect(code).toBe(0);
    expect(stdout).toContain('sieve › piscina(2)       1.84x [1.78, 1.90]     1.80x [1.72, 1.88]      -2.2%  ok\n');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('1 improved, 3 ok, 1 new, 1 removed (tolerance 10%)');
  });

  it('takes --tolerance', async () => {
    // piscina(2) fell from 1.84x to at most 1.29x: a 30% drop; a 35% tolerance lets it pass.
    expect((await compare(fixture('old.json'), fixture('new.json'), '--tolerance', '0.35')).code).toBe(0);
    expect((await compare(fixture('old.json'), fixture('new.json'), '--tolerance=0.05')).code).toBe(1);
  });

  it('prints JSON with --json', async () => {
    const { code, stdout } = await compare(fixture('old.json'), fixture('new.json'), '--json');
    expect(code).toBe(1);
    const parsed = JSON.parse(stdout) as ReportComparison & { old: string; new: string };
    expect(parsed).toMatchObject({ old: 'fixtures/reports/old.json', new: 'fixtures/reports/new.json', tolerance: 0.1, sameTestbed: true, regressions: 1 });
    expect(parsed.changes.map((change) => [change.entry, change.status])).toEqual([
      ['piscina(2)', 'regressed'],
      ['tinypool(2)', 'ok'],
      ['chunked(500)', 'improved'],
      ['chunked(1000)', 'new'],
      ['worker-per-item', 'removed'],
      ['gather', 'ok'],
    ]);
  });

  it('accepts the directories writeReport wrote', async () => {
    await writeReport(await readReport(fixture('old.json')), join(dir, 'main'), { stepSummary: false });
    await writeReport(await readReport(fixture('new.json')), join(dir, 'pr'), { stepSummary: false });
    const { code, stdout } = await compare(join(dir, 'main'), join(dir, 'pr'));
    expect(code).toBe(1);
    expect(stdout).toContain('sieve › piscina(2)');
  });

  it('refuses reports from different testbeds (exit 2) unless --any-testbed', async () => {
    const refused = await compare(fixture('old.json'), fixture('other-testbed.json'));
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(
      [
        'vitest-speedup compare: fixtures/reports/old.json and fixtures/reports/other-testbed.json were measured on different testbeds, so their speedups are not comparable:',
        '  fixtures/reports/old.json: 2 cores, ceiling 1.75-2.00x, Intel(R) Xeon(R) Processor, Node 24, linux-x64 (testbed b1bd37880820)',
        '  fixtures/reports/other-testbed.json: 4 cores, ceiling 3.50-3.75x, AMD EPYC 7763 64-Core Processor, Node 24, linux-x64 (testbed 6479ea45cb90)',
        '  differences: effectiveCores 2 vs 4, ceilingBand "1.75-2.00" vs "3.50-3.75", cpuModel "Intel(R) Xeon(R) Processor" vs "AMD EPYC 7763 64-Core Processor"',
        'Pass --any-testbed to compare them anyway.',
        '',
      ].join('\n'),
    );
    const forced = await compare(fixture('old.json'), fixture('other-testbed.json'), '--any-testbed');
    expect(forced.code).toBe(1);
    expect(forced.stdout).toContain('warning: different testbeds (effectiveCores 2 vs 4, ');
  });

  it('exits 2 with a message naming the file for missing, truncated, corrupt and newer files', async () => {
    const cases: [string, string][] = [
      [join(dir, 'missing.json'), `${join(dir, 'missing.json')}: no such file (expected a report).`],
      [fixture('truncated.json'), 'fixtures/reports/truncated.json: the JSON ends early, after 700 characters: the file is truncated'],
      [fixture('not-json.json'), 'fixtures/reports/not-json.json: not valid JSON ('],
      [fixture('invalid.json'), 'fixtures/reports/invalid.json: not a valid report (10 problems):\n  - createdAt: expected an ISO 8601 timestamp'],
      [fixture('schema-v2.json'), 'fixtures/reports/schema-v2.json: schemaVersion 2 is newer than this vitest-speedup understands (1); upgrade vitest-speedup'],
      ['fixtures/baselines/baselines.json', 'fixtures/baselines/baselines.json: this is a vitest-speedup baseline file, not a report.'],
    ];
    for (const [file, message] of cases) {
      for (const args of [[file, fixture('new.json')], [fixture('old.json'), file]]) {
        const { code, stdout, stderr } = await compare(...args);
        expect(code, file).toBe(2);
        expect(stdout).toBe('');
        expect(stderr.startsWith(`vitest-speedup compare: ${message}`), stderr).toBe(true);
      }
    }
  });

  it('never writes to the files it compares', async () => {
    const truncated = join(dir, 'truncated.json');
    await copyFile(fixture('truncated.json'), truncated);
    const before = await readFile(truncated);
    expect((await compare(truncated, fixture('new.json'))).code).toBe(2);
    expect(await readFile(truncated)).toEqual(before);
  });

  it('exits 2 on usage errors', async () => {
    const none = await compare();
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('vitest-speedup compare: expected two report files (old and new), received none.\nRun "vitest-speedup help compare" for usage.\n');
    expect((await compare(fixture('old.json'))).code).toBe(2);
    const tolerance = await compare(fixture('old.json'), fixture('new.json'), '--tolerance', 'ten');
    expect(tolerance.code).toBe(2);
    expect(tolerance.stderr).toContain('--tolerance must be a number from 0 to below 1 (0.1 = 10%), received "ten".');
    expect((await compare(fixture('old.json'), fixture('new.json'), '--tolerance', '1')).code).toBe(2);
    expect((await compare(fixture('old.json'), fixture('new.json'), '--colour')).code).toBe(2);
  });

  it('prints its usage with --help', async () => {
    const { code, stdout } = await compare('--help');
    expect(code).toBe(0);
    expect(stdout).toBe(`${compareCommand.usage}\n`);
    expect(stdout).toContain('Exit codes: 0 no regression, 1 at least one regression, 2 bad input');
  });

  it('says so when there is nothing to compare', async () => {
    const report = JSON.parse(await readFile(fixture('old.json'), 'utf8')) as { groups: { entries: unknown[] }[] };
    for (const group of report.groups) group.entries = group.entries.slice(0, 1);
    const empty = join(dir, 'empty.json');
    await writeFile(empty, JSON.stringify(report));
    const { code, stdout } = await compare(empty, empty);
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('nothing to compare (tolerance 10%)');
  });
});
