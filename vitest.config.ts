import { defineConfig } from 'vitest/config';
import { speedupProject } from './src/config/index.ts';

// Timing specs (`*.speedup.test.ts` and the seed specs) must not share the two cores with other
// test files: speedupProject() runs them after the unit project, one file at a time.
const timingSpecs = ['tests/**/*.speedup.test.ts', 'tests/seeds/**/*.test.ts'];

export default defineConfig({
  test: {
    reporters: ['default', './scripts/closing-line-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: timingSpecs,
          setupFiles: ['./src/setup.ts'],
          typecheck: { enabled: true, include: ['tests/**/*.test-d.ts'] },
          sequence: { groupOrder: 0 },
        },
      },
      speedupProject({ name: 'timing', include: timingSpecs, setupFile: './src/setup.ts' }),
    ],
  },
});
