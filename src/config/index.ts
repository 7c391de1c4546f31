export { speedupProject } from './speedup-project.ts';
export type { SpeedupProjectOptions } from './speedup-project.ts';
