import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

export interface SpeedupPluginOptions {
  /** Register the matchers (`vitest-speedup/setup`) in setupFiles. Default true. */
  readonly matchers?: boolean;
  /** Run `bench()` / `bench.compare()` on the vitest-speedup engine. Default true. */
  readonly provider?: boolean;
}

/** Absolute path of a module next to this one: Vitest resolves providers and setup files by path. */
function sibling(relative: string): string {
  return fileURLToPath(new URL(relative, import.meta.url));
}

/** Path of the benchmark provider module, for configs that set `benchmark.provider` by hand. */
export const providerPath = sibling('./provider.ts');
/** Path of the setup entry, for configs that set `setupFiles` by hand. */
export const setupPath = sibling('../setup.ts');

/**
 * One line in vitest.config.ts: registers the speedup matchers and runs benchmarks on the
 * vitest-speedup engine (interleaved rounds, adaptive stop, speedup intervals).
 *
 * Vitest does not pass root plugins on to inline `projects` unless a project sets
 * `extends: true`; add the plugin to those projects' `plugins` instead.
 *
 * @example
 * import { defineConfig } from 'vitest/config';
 * import { speedup } from 'vitest-speedup/config';
 * export default defineConfig({ plugins: [speedup()] });
 */
export function speedup(options: SpeedupPluginOptions = {}): Plugin {
  return {
    name: 'vitest-speedup',
    config() {
      return {
        test: {
          ...(options.matchers === false ? {} : { setupFiles: [setupPath] }),
          ...(options.provider === false ? {} : { benchmark: { provider: providerPath } }),
        },
      };
    },
  };
}
