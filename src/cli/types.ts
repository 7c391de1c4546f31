/** Where a command writes: the process's streams by default, captured strings in tests. */
export interface CliIo {
  readonly stdout: { write(chunk: string): unknown };
  readonly stderr: { write(chunk: string): unknown };
}

/**
 * One `vitest-speedup <name>` subcommand. Adding a command is one module in src/cli/commands/
 * exporting a `Command`, plus one entry in the table in src/cli/commands/index.ts.
 */
export interface Command {
  /** The word typed after `vitest-speedup`. */
  readonly name: string;
  /** One line for the command list in `vitest-speedup help`. */
  readonly summary: string;
  /** Full usage text for `vitest-speedup help <name>` and `<name> --help`. */
  readonly usage: string;
  /**
   * Runs the command with the arguments after its name and resolves to the exit code.
   * Throw a {@link UsageError} for bad arguments (exit code 2, usage hint); any other error is
   * reported by the dispatcher with exit code 1.
   */
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** A mistake in how the command was invoked: the dispatcher prints it with a usage hint and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
