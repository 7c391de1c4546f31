import type { TestProjectInlineConfiguration } from 'vitest/config';

export interface SpeedupProjectOptions {
  /** Project name. Default `speedup`. */
  readonly name?: string;
  /** Globs of the timing spec files. Default `['**\/*.speedup.test.ts']`. */
  readonly include?: string[];
  /** The setup entry. Default `vitest-speedup/setup`. */
  readonly setupFile?: string;
  /** Per-test timeout in ms; a measurement's budget is 5 s by default. Default 60000. */
  readonly testTimeout?: number;
  /** Run after projects with a lower group order. Default 1 (after the usual 0). */
  readonly groupOrder?: number;
}

/**
 * A Vitest project for timing specs. Two spec files measuring at once on a 2-core machine
 * steal each other's CPU and bias both measurements, so this project runs its files one at a
 * time (`fileParallelism: false`) and after every other project (`sequence.groupOrder`), when
 * the rest of the suite no longer competes for the cores.
 *
 * @example
 * // vitest.config.ts
 * import { defineConfig } from 'vitest/config';
 * import { speedupProject } from 'vitest-speedup/config';
 * export default defineConfig({
 *   test: {
 *     projects: [
 *       { test: { name: 'unit', include: ['tests/**\/*.test.ts'], exclude: ['**\/*.speedup.test.ts'] } },
 *       speedupProject(),
 *     ],
 *   },
 * });
 */
export function speedupProject(options: SpeedupProjectOptions = {}): TestProjectInlineConfiguration {
  return {
    test: {
      name: options.name ?? 'speedup',
      include: options.include ?? ['**/*.speedup.test.ts'],
      setupFiles: [options.setupFile ?? 'vitest-speedup/setup'],
      fileParallelism: false,
      testTimeout: options.testTimeout ?? 60_000,
      hookTimeout: options.testTimeout ?? 60_000,
      sequence: { groupOrder: options.groupOrder ?? 1 },
    },
  };
}
