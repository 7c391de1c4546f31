import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { HostFacts, ParallelCeiling } from '../../src/host/types.ts';

/** Runs the CLI in-process with captured output. */
async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
  });
  return { code, stdout, stderr };
}

const HELP = `Usage: vitest-speedup <command> [options]

Commands:
  host     Show effective cores, the measured parallel ceiling and timer resolution of this host
  compare  Compare the speedups of two reports; exit 1 on regressions
  help     Show this help, or "help <command>" for a command's options
`;

describe('vitest-speedup CLI', () => {
  it('host --json prints the facts and the measured ceiling', async () => {
    const { code, stdout, stderr } = await run('host', '--json', '--max-workers', '2');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const { facts, ceiling } = JSON.parse(stdout) as { facts: HostFacts; ceiling: ParallelCeiling };
    expect(facts.effectiveCores).toBeGreaterThanOrEqual(1);
    expect(facts.nodeVersion).toBe(process.version);
    expect(facts.cpuSources.availableParallelism).toBeGreaterThanOrEqual(1);
    expect(ceiling.points.map((point) => point.workers)).toEqual([1, 2]);
    expect(ceiling.ceiling).toBeGreaterThanOrEqual(1);
  });

  it('host prints the aligned block', async () => {
    const { code, stdout } = await run('host', '--max-workers', '1');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Host');
    expect(lines[1]).toMatch(/^ {2}effective cores {3}\d+ \(availableParallelism \d+, /);
    expect(lines[2]).toMatch(/^ {2}parallel ceiling {2}1\.00x at 1 worker \(measured in \d+\.\d s\)$/);
    expect(lines.slice(1).map((line) => line.slice(0, 20))).toEqual([
      '  effective cores   ',
      '  parallel ceiling  ',
      '  cpu               ',
      '  node              ',
      '  load average      ',
      '  timer resolution  ',
    ]);
    expect(lines.slice(1).map((line) => line.slice(2, 20).trim())).toEqual([
      'effective cores',
      'parallel ceiling',
      'cpu',
      'node',
      'load average',
      'timer resolution',
    ]);
  });

  it.each([['help'], ['--help'], ['-h']])('%s lists the commands', async (flag) => {
    expect(await run(flag)).toEqual({ code: 0, stdout: HELP, stderr: '' });
  });

  it('without a command prints the help to stderr and exits 2', async () => {
    expect(await run()).toEqual({ code: 2, stdout: '', stderr: HELP });
  });

  it('help <command> and <command> --help print its usage', async () => {
    const viaHelp = await run('help', 'host');
    expect(viaHelp.code).toBe(0);
    expect(viaHelp.stdout).toMatch(/^Usage: vitest-speedup host \[--json\] \[--max-workers <n>\]\n/);
    expect(await run('host', '--help')).toEqual(viaHelp);
  });

  it('an unknown command exits 2, names it and lists the commands', async () => {
    expect(await run('bogus', '--json')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'vitest-speedup: unknown command "bogus". Commands: host, compare, help.\nRun "vitest-speedup help" for usage.\n',
    });
    expect((await run('help', 'bogus')).code).toBe(2);
  });

  it('bad options exit 2 with a usage hint', async () => {
    expect(await run('host', '--max-workers', '0')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'vitest-speedup host: --max-workers must be a positive integer, received "0".\nRun "vitest-speedup help host" for usage.\n',
    });
    const unknownOption = await run('host', '--nope');
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toMatch(/^vitest-speedup host: Unknown option '--nope'/);
    expect(unknownOption.stderr).toMatch(/Run "vitest-speedup help host" for usage\.\n$/);
  });
});
