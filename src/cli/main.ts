import { commands } from './commands/index.ts';
import { UsageError } from './types.ts';
import type { CliIo, Command } from './types.ts';

export type { CliIo, Command } from './types.ts';
export { UsageError } from './types.ts';

const PROGRAM = 'vitest-speedup';

/**
 * The `vitest-speedup` command line: dispatches `argv[0]` to a subcommand from the table in
 * src/cli/commands/index.ts and resolves to the process exit code (0 success, 1 failure, 2 usage
 * error). It never calls `process.exit` and writes only to `io`, so tests run it in-process.
 *
 * @param argv The arguments after the program name (`process.argv.slice(2)`).
 * @param io Output streams; defaults to the process's stdout and stderr.
 *
 * @example
 * ```ts
 * process.exitCode = await main(['host', '--json']);
 * ```
 */
export async function main(argv: readonly string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr.write(`${helpText()}\n`);
    return 2;
  }
  if (name === 'help' || name === '--help' || name === '-h') {
    const topic = rest[0];
    if (topic === undefined) {
      io.stdout.write(`${helpText()}\n`);
      return 0;
    }
    const command = findCommand(topic);
    if (command === undefined) return unknownCommand(topic, io);
    io.stdout.write(`${command.usage}\n`);
    return 0;
  }

  const command = findCommand(name);
  if (command === undefined) return unknownCommand(name, io);
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.stderr.write(`${PROGRAM} ${command.name}: ${(error as Error).message}\nRun "${PROGRAM} help ${command.name}" for usage.\n`);
      return 2;
    }
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`${PROGRAM} ${command.name} failed: ${message}\n`);
    return 1;
  }
}

function findCommand(name: string): Command | undefined {
  return commands.find((command) => command.name === name);
}

function commandNames(): string {
  return [...commands.map((command) => command.name), 'help'].join(', ');
}

function unknownCommand(name: string, io: CliIo): number {
  io.stderr.write(`${PROGRAM}: unknown command "${name}". Commands: ${commandNames()}.\nRun "${PROGRAM} help" for usage.\n`);
  return 2;
}

function helpText(): string {
  const width = Math.max(...commands.map((command) => command.name.length), 'help'.length) + 2;
  return [
    `Usage: ${PROGRAM} <command> [options]`,
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}${command.summary}`),
    `  ${'help'.padEnd(width)}Show this help, or "help <command>" for a command's options`,
  ].join('\n');
}

/** node:util parseArgs reports unknown options and missing values as TypeErrors with these codes. */
function isParseArgsError(error: unknown): boolean {
  if (!(error instanceof TypeError) || !('code' in error)) return false;
  return typeof error.code === 'string' && error.code.startsWith('ERR_PARSE_ARGS_');
}
