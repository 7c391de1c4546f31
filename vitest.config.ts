import { defineConfig } from 'vitest/config';

// Timing specs (`*.speedup.test.ts` and the seed specs) must not share the two cores with other
// test files, so they live in their own project that runs after the unit project
// (sequence.groupOrder) with one file at a time (fileParallelism: false).
const timingSpecs = ['tests/**/*.speedup.test.ts', 'tests/seeds/**/*.test.ts'];

export default defineConfig({
  test: {
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
      {
        test: {
          name: 'timing',
          include: timingSpecs,
          setupFiles: ['./src/setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
