// The study uses the library's own statistics; only the in-place shuffle is its own.
export { mean, median, quantile } from '../../src/stats/summary.ts';

/** Fisher-Yates shuffle in place with Math.random. */
export function shuffleInPlace<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}
