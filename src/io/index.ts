/**
 * I/O specs: latency profiles, one route table served by three transports (MSW at socket level,
 * undici MockAgent, a loopback node:http server), I/O tasks, a worker-thread-per-request strategy,
 * settle-all runs, the latency model and leak checks.
 */
export * from './latency/index.ts';
export {
  createRouteTable,
  isRouteTable,
  ROUTE_PATTERNS,
  ORIGIN_IP,
  MAX_BYTES,
  MAX_DELAY_MS,
  MAX_ALBUM_SIZE,
} from './routes.ts';
export type {
  RouteTable,
  RouteTableOptions,
  RoutePattern,
  RouteOverride,
  RouteRequest,
  RouteMatch,
  RoutePlan,
  RespondPlan,
  ResetPlan,
  HangPlan,
  Fault,
} from './routes.ts';
export { GENRES, SITE_BYTES, DEFAULT_IMAGE_SIZE } from './data.ts';
export type { SiteName, AlbumImage, ImageSize } from './data.ts';
export * from './transports/index.ts';
export { get, getBytes, getText, getJson, readBody, dispatcherRequester, nodeHttpRequester, isConnectionReset } from './client.ts';
export type { HttpResponse, RequestOptions, Requester, GetOptions } from './client.ts';
export { RequestError, requestPath, serializeError, deserializeError, isSerializedError } from './errors.ts';
export type { RequestFailure, RequestErrorInit, SerializedError } from './errors.ts';
export { safeFilename, safePathIn, UnsafeFilenameError, MAX_FILENAME_BYTES } from './safe-filename.ts';
export * from './tasks/index.ts';
export { workerPerRequest } from './worker-per-request.ts';
export type { WorkerPerRequestOptions } from './worker-per-request.ts';
export { settleAll, settleWorkload, settledCall, partitionSettled } from './settle.ts';
export type { Settled, SettleEnvelope, SettleAllStrategy, WireSettled } from './settle.ts';
export { expectedDurationMs, expectedSpeedup, durationBreakdown, modelLatencyMs } from './model.ts';
export type { LatencyModel, DurationBreakdown } from './model.ts';
export { speedupModelBand, durationModelBand } from './model-band.ts';
export { measurePerRequestOverhead } from './overhead.ts';
export type { OverheadOptions, OverheadMeasurement } from './overhead.ts';
export { activeResources, resourceDelta, leakedResources } from './isolation.ts';
export type { ResourceCounts } from './isolation.ts';
