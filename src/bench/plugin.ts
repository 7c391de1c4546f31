import { siblingModule } from '../module-path.ts';
import type { Plugin } from 'vite';
import type { Vitest } from 'vitest/node';
import { SpeedupReporter, type SpeedupReporterOptions } from '../report/reporter.ts';

export interface SpeedupPluginOptions {
  /** Register the matchers (`vitest-speedup/setup`) in setupFiles. Default true. */
  readonly matchers?: boolean;
  /** Run `bench()` / `bench.compare()` on the vitest-speedup engine. Default true. */
  readonly provider?: boolean;
  /**
   * Add the speedup reporter (tables, report.json, Markdown, SVG charts, HTML) to `vitest bench`
   * runs, with these options. Default true; `false` leaves reporters alone.
   */
  readonly reporter?: boolean | SpeedupReporterOptions;
}

// configureVitest runs once per project; the reporter belongs to the run.
const withReporter = new WeakSet<Vitest>();

// Vitest resolves providers and setup files by path.
/** Path of the benchmark provider module, for configs that set `benchmark.provider` by hand. */
export const providerPath = siblingModule('./provider', import.meta.url);
/** Path of the setup entry, for configs that set `setupFiles` by hand. */
export const setupPath = siblingModule('../setup', import.meta.url);

/**
 * One line in vitest.config.ts: registers the speedup matchers, runs benchmarks on the
 * vitest-speedup engine (interleaved rounds, adaptive stop, speedup intervals) and adds the
 * speedup reporter to `vitest bench` runs.
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
    configureVitest({ vitest }) {
      // Reporters are created from the resolved config right after this hook, so adding the
      // instance here makes it part of the run; only bench runs produce speedup reports.
      const benchRun = (vitest.config.cliOptions as { benchmarkOnly?: boolean } | undefined)?.benchmarkOnly === true;
      const reporters = vitest.config.reporters as unknown[];
      const configuredByHand = reporters.some((r) => (r as object | null)?.constructor?.name === SpeedupReporter.name);
      if (options.reporter === false || !benchRun || withReporter.has(vitest) || configuredByHand) return;
      withReporter.add(vitest);
      reporters.push(new SpeedupReporter(typeof options.reporter === 'object' ? options.reporter : {}));
    },
  };
}
