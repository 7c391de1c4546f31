/** Scaling laws: what measured speedups say about the serial part of a workload. */
export { amdahlFit, amdahlSpeedup } from './amdahl.ts';
export type { AmdahlFit, ScalingPoint } from './amdahl.ts';
export { karpFlatt } from './karp-flatt.ts';
