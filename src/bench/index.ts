export { default as speedupProvider } from './provider.ts';
export type { SpeedupBenchResult, SpeedupMeta } from './provider.ts';
export { speedup, providerPath, setupPath } from './plugin.ts';
export type { SpeedupPluginOptions } from './plugin.ts';
export { statisticsOf } from './statistics.ts';
