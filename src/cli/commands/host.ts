import { parseArgs } from 'node:util';
import { measureParallelCeiling } from '../../host/ceiling.ts';
import { getHostFacts } from '../../host/facts.ts';
import { formatHostFacts } from '../../host/format.ts';
import { UsageError } from '../types.ts';
import type { Command } from '../types.ts';

/**
 * `vitest-speedup host`: prints what this machine can deliver (effective cores and their sources,
 * the measured parallel ceiling, timer resolution, load), as text or as JSON (`--json`).
 */
export const hostCommand: Command = {
  name: 'host',
  summary: 'Show effective cores, the measured parallel ceiling and timer resolution of this host',
  usage: [
    'Usage: vitest-speedup host [--json] [--max-workers <n>]',
    '',
    'Shows the facts that bound every speedup on this host: effective cores (the minimum of',
    'availableParallelism, CPU affinity and the cgroup CPU quota), the parallel ceiling measured',
    'with 1..n worker threads (about 0.5 s on 2 cores), timer resolution and load average.',
    '',
    'Options:',
    '  --json              Print { facts, ceiling } as JSON',
    '  --max-workers <n>   Measure the ceiling up to n workers (default: effective cores)',
    '  -h, --help          Show this help',
  ].join('\n'),
  async run(args, io) {
    const { values } = parseArgs({
      args: [...args],
      options: {
        json: { type: 'boolean', default: false },
        'max-workers': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      io.stdout.write(`${this.usage}\n`);
      return 0;
    }
    let maxWorkers: number | undefined;
    if (values['max-workers'] !== undefined) {
      maxWorkers = Number(values['max-workers']);
      if (!Number.isInteger(maxWorkers) || maxWorkers < 1) {
        throw new UsageError(`--max-workers must be a positive integer, received "${values['max-workers']}".`);
      }
    }

    const facts = getHostFacts();
    const ceiling = await measureParallelCeiling(maxWorkers === undefined ? {} : { maxWorkers });
    io.stdout.write(values.json ? `${JSON.stringify({ facts, ceiling }, null, 2)}\n` : `${formatHostFacts(facts, ceiling)}\n`);
    return 0;
  },
};
