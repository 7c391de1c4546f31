import { defineConfig } from 'vitest/config';
import { speedup } from './src/bench/plugin.ts';

// `npm run bench`: the benchmark suites under bench/, on the vitest-speedup engine, with the
// speedup reporter (tables on the terminal; report.json, summary.md, charts and index.html in
// .vitest-speedup/report). Kept apart from vitest.config.ts so the test projects never pick
// bench files up, and bench runs never run tests.
export default defineConfig({
  plugins: [speedup()],
  test: {
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
});
