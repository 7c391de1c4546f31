/**
 * The `setupFiles` entry: registers the vitest-speedup matchers on Vitest's `expect`.
 *
 * @example
 * // vitest.config.ts
 * export default defineConfig({ test: { setupFiles: ['vitest-speedup/setup'] } });
 */
import { expect } from 'vitest';
import { speedupMatchers } from './matchers/speedup-matchers.ts';
import { scalingMatchers } from './matchers/scaling-matchers.ts';
import { durationMatchers } from './matchers/duration-matcher.ts';
import './matchers/augment.ts';

const REGISTRY = Symbol.for('vitest-speedup.setup');
const registry = globalThis as { [REGISTRY]?: string };

if (process.env.VITEST !== 'true' && !('__vitest_worker__' in globalThis)) {
  throw new Error(
    "vitest-speedup/setup registers Vitest matchers, so Vitest must load it: add 'vitest-speedup/setup' to test.setupFiles in vitest.config.ts. " +
      "To measure from a plain script, import { measureSpeedup } from 'vitest-speedup' instead.",
  );
}

const previous = registry[REGISTRY];
if (previous !== undefined && previous !== import.meta.url) {
  // Two copies (e.g. two installed versions) would register two sets of closures over two
  // engines; the second silently replacing the first hides which one a spec used.
  console.warn(
    `vitest-speedup/setup was loaded from two places:\n  ${previous}\n  ${import.meta.url}\n` +
      'Keep one copy of vitest-speedup installed (npm ls vitest-speedup) and list the setup file once in setupFiles. The last one loaded is used.',
  );
}
registry[REGISTRY] = import.meta.url;
expect.extend({ ...speedupMatchers, ...scalingMatchers, ...durationMatchers });
