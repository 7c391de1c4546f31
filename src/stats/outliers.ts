import { median, medianAbsoluteDeviation } from './summary.ts';

/**
 * Iglewicz and Hoaglin's modified z-score cut-off. A round whose log ratio lies further than
 * this from the median (in units of 1.4826 MAD) is treated as an outlier: on a shared host such
 * rounds are ones where another process preempted one side but not the other.
 */
export const OUTLIER_Z = 3.5;

/** Indices of values whose modified z-score exceeds {@link OUTLIER_Z}. None when MAD is 0. */
export function outlierIndices(values: readonly number[], limit = OUTLIER_Z): number[] {
  if (values.length < 8) return [];
  const m = median(values);
  const mad = medianAbsoluteDeviation(values) * 1.4826;
  if (mad === 0) return [];
  const out: number[] = [];
  values.forEach((v, i) => {
    if (Math.abs(v - m) / mad > limit) out.push(i);
  });
  return out;
}
