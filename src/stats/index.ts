export { studentTCdf, studentTQuantile, incompleteBeta } from './student-t.ts';
export { mean, variance, standardDeviation, quantile, median, medianAbsoluteDeviation, coefficientOfVariation } from './summary.ts';
export { outlierIndices, OUTLIER_Z } from './outliers.ts';
export { seededRandom, shuffled } from './random.ts';
export { pairedLogRatioInterval, unpairedRatioInterval } from './ratio-interval.ts';
export type { RatioInterval, LatencySummary } from './ratio-interval.ts';
