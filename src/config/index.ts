export { speedupProject } from './speedup-project.ts';
export type { SpeedupProjectOptions } from './speedup-project.ts';
export { speedup, providerPath, setupPath } from '../bench/plugin.ts';
export type { SpeedupPluginOptions } from '../bench/plugin.ts';
