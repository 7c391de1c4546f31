/**
 * The one route table every transport serves (MSW, undici MockAgent, a loopback node:http
 * server). Routes are data: `respond()` turns a request into a transport-independent plan
 * (status, headers, body bytes, how long to wait, how fast to deliver the body, or a fault), and
 * each transport only carries the plan out. So the three transports answer byte-for-byte alike.
 *
 * Routes (all GET):
 * - `/ip` → `{"origin":"127.0.0.1"}` (httpbin)
 * - `/delay/:ms` → waits `ms` (0..10000) on top of the route latency, `{"delay":ms,"origin":…}` (httpbin)
 * - `/bytes/:n` → `n` (0..102400) seeded bytes; `?seed=` overrides the table seed (httpbin)
 * - `/genre` → `{"n":…,"genre":…}`, a seeded random genre; `?n=` picks a reproducible one
 * - `/sites/big`, `/sites/small` → HTML pages of 10,490 and 278 bytes
 * - `/album` → `{"images":[{"id","url"}]}`; `?n=` sets the count (default 10)
 * - `/images/:id` → seeded image bytes (2-8 KB by default)
 *
 * Faults, per route (`routes: { '/genre': { fault } }`) or per request (`?fault=`):
 * `{ kind: 'status', status: 500 }` / `?fault=500`, `{ kind: 'reset' }` / `?fault=reset` (the
 * connection is torn down), `{ kind: 'timeout' }` / `?fault=timeout` (never answers), and
 * `{ kind: 'slow' }` / `?fault=slow` (the body trickles in at `slowBandwidth`). `?latency=<ms>`
 * overrides the sampled latency of one request (used to measure per-request overhead).
 */
import { STATUS_CODES } from 'node:http';
import { album, DEFAULT_IMAGE_SIZE, GENRES, genreAt, imageBytes, siteBody, type AlbumImage, type ImageSize, type SiteName } from './data.ts';
import { bandwidth as makeBandwidth, type Bandwidth } from './latency/bandwidth.ts';
import { latencyPlan, normalizeSeed, type LatencyPlan } from './latency/plan.ts';
import { isLatencyProfile, type LatencyProfile } from './latency/profiles.ts';
import { seededBytes } from './latency/prng.ts';

/** The route patterns of the table. */
export const ROUTE_PATTERNS = ['/ip', '/delay/:ms', '/bytes/:n', '/genre', '/sites/big', '/sites/small', '/album', '/images/:id'] as const;

/** One route pattern, e.g. `/images/:id`. */
export type RoutePattern = (typeof ROUTE_PATTERNS)[number];

/** What the origin reports in `/ip` and `/delay/:ms`. */
export const ORIGIN_IP = '127.0.0.1';

/** Largest `n` of `/bytes/:n` (as httpbin). */
export const MAX_BYTES = 102_400;

/** Largest `ms` of `/delay/:ms` (as httpbin). */
export const MAX_DELAY_MS = 10_000;

/** Largest `n` of `/album?n=`. */
export const MAX_ALBUM_SIZE = 1000;

/** A fault a route (or one request) can be configured with. */
export type Fault =
  | { readonly kind: 'status'; readonly status: number }
  | { readonly kind: 'reset' }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'slow'; readonly bandwidth?: Bandwidth };

/** Overrides for one route: latency, body bandwidth, a fault. */
export interface RouteOverride {
  readonly latency?: LatencyProfile;
  readonly bandwidth?: Bandwidth;
  readonly fault?: Fault;
}

/** Options of {@link createRouteTable}. */
export interface RouteTableOptions {
  /** Seed of the latency samples and all mock data (default 1). */
  readonly seed?: number | string;
  /** Latency of every route without an override (default `fixed(0)`). */
  readonly latency?: LatencyProfile;
  /** Body bandwidth of every route without an override (default unlimited). */
  readonly bandwidth?: Bandwidth;
  /** Per-route overrides, keyed by pattern; a bare profile overrides only the latency. */
  readonly routes?: Partial<Record<RoutePattern, RouteOverride | LatencyProfile>>;
  /** The genres `/genre` picks from (default {@link GENRES}). */
  readonly genres?: readonly string[];
  /** Number of images in `/album` without `?n=` (default 10). */
  readonly albumSize?: number;
  /** Image sizes (default 2-8 KB). */
  readonly imageSize?: ImageSize;
  /** Bandwidth of `slow` faults without their own (default 20,000 B/s in 1024-byte chunks). */
  readonly slowBandwidth?: Bandwidth;
}

/** A request as the table sees it. */
export interface RouteRequest {
  readonly method: string;
  /** Path with query, e.g. `/genre?n=3`. */
  readonly path: string;
}

interface PlanBase {
  readonly method: string;
  readonly path: string;
  /** The matched pattern, `null` if no route matched (404). */
  readonly route: RoutePattern | null;
  /** Sampled latency before the server answers (ms). */
  readonly latencyMs: number;
  /** True if `?latency=` replaced the sampled latency. */
  readonly latencyOverridden: boolean;
}

/** Answer with a status, headers and body. */
export interface RespondPlan extends PlanBase {
  readonly kind: 'respond';
  readonly status: number;
  readonly statusText: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
  /** Additional wait requested by the route itself (`/delay/:ms`). */
  readonly extraDelayMs: number;
  /** Deliver the body in chunks at this rate; `undefined`: all at once. */
  readonly bandwidth: Bandwidth | undefined;
}

/** Tear the connection down after `latencyMs` (no response). */
export interface ResetPlan extends PlanBase {
  readonly kind: 'reset';
}

/** Never answer (until the client gives up or the transport closes). */
export interface HangPlan extends PlanBase {
  readonly kind: 'hang';
}

/** What the server does with one request. */
export type RoutePlan = RespondPlan | ResetPlan | HangPlan;

/** The result of matching a path against the table. */
export interface RouteMatch {
  readonly route: RoutePattern;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
}

/** The route table: data, matching and request planning, independent of any transport. */
export interface RouteTable {
  readonly seed: number;
  readonly patterns: readonly RoutePattern[];
  readonly genres: readonly string[];
  readonly latency: LatencyPlan;
  /** Matches a path (query allowed) against the patterns. */
  match(path: string): RouteMatch | undefined;
  /** The fault that applies to this request, if any (pure: does not count the request). */
  faultFor(path: string): Fault | undefined;
  /** The `?latency=` override of this request, if any. */
  latencyOverrideFor(path: string): number | undefined;
  /** Plans one request: samples its latency (counting it) and builds the response. */
  respond(request: RouteRequest): RoutePlan;
  /** Resets request counters: the next run samples the same latencies and genres again. */
  reset(): void;
  /** Expected data, for assertions: the body of a site. */
  site(name: SiteName): Uint8Array;
  /** Expected data: genre number `n`. */
  genre(n: number): string;
  /** Expected data: the first `count` album entries (default `albumSize`). */
  album(count?: number): AlbumImage[];
  /** Expected data: the bytes of image `id`. */
  image(id: string): Uint8Array;
  /** Expected data: the body of `/bytes/:n`. */
  bytes(n: number, seed?: number): Uint8Array;
}

const encoder = new TextEncoder();
const FAULT_KINDS = ['reset', 'timeout', 'slow'] as const;
const IMAGE_ID = /^[\w-]{1,64}$/;

function jsonBody(value: unknown): Uint8Array {
  return encoder.encode(JSON.stringify(value));
}

function statusText(status: number): string {
  return STATUS_CODES[status] ?? 'Unknown';
}

function validateFault(where: string, fault: Fault): Fault {
  if (fault.kind === 'status') {
    if (!Number.isInteger(fault.status) || fault.status < 400 || fault.status > 599) {
      throw new RangeError(`${where}.fault.status must be an HTTP error status (400-599), received ${String(fault.status)}`);
    }
  } else if (!(FAULT_KINDS as readonly string[]).includes(fault.kind)) {
    throw new RangeError(`${where}.fault.kind must be one of status, reset, timeout, slow; received ${String((fault as { kind: unknown }).kind)}`);
  }
  return fault;
}

/** Parses `?fault=` (`500`, `reset`, `timeout`, `slow`); `undefined` if absent, an Error text if invalid. */
function parseQueryFault(query: URLSearchParams): Fault | string | undefined {
  const value = query.get('fault');
  if (value === null) return undefined;
  if (/^\d{3}$/.test(value)) {
    const status = Number(value);
    if (status >= 400 && status <= 599) return { kind: 'status', status };
  }
  if (value === 'reset' || value === 'timeout') return { kind: value };
  if (value === 'slow') return { kind: 'slow' };
  return `fault must be an HTTP error status (400-599), reset, timeout or slow; received ${value}`;
}

function parseIntParam(value: string | null, min: number, max: number): number | undefined {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n >= min && n <= max ? n : undefined;
}

function splitPath(path: string): { pathname: string; query: URLSearchParams } {
  const url = new URL(path, 'http://route.table');
  return { pathname: url.pathname, query: url.searchParams };
}

/**
 * Creates the route table.
 *
 * @example
 * const table = createRouteTable({ seed: 7, latency: fixed(20), routes: { '/sites/big': { fault: { kind: 'status', status: 500 } } } });
 * const plan = table.respond({ method: 'GET', path: '/ip' });
 * // { kind: 'respond', status: 200, body: <{"origin":"127.0.0.1"}>, latencyMs: 20, ... }
 */
export function createRouteTable(options: RouteTableOptions = {}): RouteTable {
  const seed = normalizeSeed(options.seed);
  const genres = options.genres ?? GENRES;
  if (!Array.isArray(genres) || genres.length === 0 || genres.some((g) => typeof g !== 'string')) {
    throw new RangeError('createRouteTable(options): genres must be a non-empty array of strings');
  }
  const albumSize = options.albumSize ?? 10;
  if (!Number.isInteger(albumSize) || albumSize < 0 || albumSize > MAX_ALBUM_SIZE) {
    throw new RangeError(`createRouteTable(options): albumSize must be an integer in 0..${MAX_ALBUM_SIZE}, received ${String(albumSize)}`);
  }
  const imageSize = options.imageSize ?? DEFAULT_IMAGE_SIZE;
  if (!Number.isInteger(imageSize.minBytes) || imageSize.minBytes < 4 || !Number.isInteger(imageSize.maxBytes) || imageSize.maxBytes < imageSize.minBytes) {
    throw new RangeError(
      `createRouteTable(options): imageSize needs integers 4 <= minBytes <= maxBytes, received ${imageSize.minBytes}..${imageSize.maxBytes}`,
    );
  }
  const slowBandwidth = options.slowBandwidth ?? makeBandwidth({ bytesPerSecond: 20_000, chunkBytes: 1024 });

  const latencyRoutes: Record<string, { latency?: LatencyProfile; bandwidth?: Bandwidth }> = {};
  const routeFaults = new Map<RoutePattern, Fault>();
  for (const [key, value] of Object.entries(options.routes ?? {})) {
    if (!(ROUTE_PATTERNS as readonly string[]).includes(key)) {
      throw new RangeError(`createRouteTable(options): routes['${key}'] is not a route; known routes: ${ROUTE_PATTERNS.join(', ')}`);
    }
    const pattern = key as RoutePattern;
    if (value === undefined) continue;
    if (isLatencyProfile(value)) {
      latencyRoutes[pattern] = { latency: value };
      continue;
    }
    const override = value;
    latencyRoutes[pattern] = {
      ...(override.latency ? { latency: override.latency } : {}),
      ...('bandwidth' in override ? { bandwidth: override.bandwidth } : {}),
    } as { latency?: LatencyProfile; bandwidth?: Bandwidth };
    if (override.fault) routeFaults.set(pattern, validateFault(`routes['${pattern}']`, override.fault));
  }
  const latency = latencyPlan({
    seed,
    ...(options.latency ? { latency: options.latency } : {}),
    ...(options.bandwidth ? { bandwidth: options.bandwidth } : {}),
    routes: latencyRoutes,
  });

  const genreCounter = { next: 0 };
  const sites = new Map<SiteName, Uint8Array>();
  const site = (name: SiteName): Uint8Array => {
    let body = sites.get(name);
    if (!body) {
      body = siteBody(name, seed);
      sites.set(name, body);
    }
    return body;
  };

  const match = (path: string): RouteMatch | undefined => {
    const { pathname, query } = splitPath(path);
    const segments = pathname.split('/').slice(1);
    for (const route of ROUTE_PATTERNS) {
      const parts = route.split('/').slice(1);
      if (parts.length !== segments.length) continue;
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < parts.length && ok; i++) {
        const part = parts[i] as string;
        const segment = segments[i] as string;
        if (part.startsWith(':')) {
          if (segment === '') ok = false;
          else params[part.slice(1)] = decodeURIComponent(segment);
        } else if (part !== segment) {
          ok = false;
        }
      }
      if (ok) return { route, params, query };
    }
    return undefined;
  };

  const faultFor = (path: string): Fault | undefined => {
    const matched = match(path);
    if (!matched) return undefined;
    const fromQuery = parseQueryFault(matched.query);
    if (typeof fromQuery === 'object') return fromQuery;
    if (typeof fromQuery === 'string') return undefined; // answered with 400 by respond()
    return routeFaults.get(matched.route);
  };

  const latencyOverrideFor = (path: string): number | undefined => {
    const value = splitPath(path).query.get('latency');
    if (value === null) return undefined;
    const ms = Number(value);
    return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
  };

  const respond = (request: RouteRequest): RoutePlan => {
    const method = request.method.toUpperCase();
    const path = request.path;
    const matched = match(path);
    const override = latencyOverrideFor(path);
    const route = matched?.route ?? null;
    const latencyMs = override ?? (route ? latency.sample(route, path) : 0);
    const base = { method, path, route, latencyMs, latencyOverridden: override !== undefined };
    const reply = (status: number, body: Uint8Array, contentType: string, extra?: { extraDelayMs?: number; bandwidth?: Bandwidth }): RespondPlan => ({
      ...base,
      kind: 'respond',
      status,
      statusText: statusText(status),
      headers: { 'content-type': contentType, 'content-length': String(body.byteLength) },
      body,
      extraDelayMs: extra?.extraDelayMs ?? 0,
      bandwidth: extra && 'bandwidth' in extra ? extra.bandwidth : route ? latency.bandwidthFor(route) : undefined,
    });
    const json = (status: number, value: unknown, extra?: { extraDelayMs?: number }): RespondPlan =>
      reply(status, jsonBody(value), 'application/json', extra);
    const badRequest = (message: string): RespondPlan => json(400, { error: message });

    if (!matched) return json(404, { error: `no route for ${method} ${splitPath(path).pathname}` });
    if (method !== 'GET') return json(405, { error: `${method} is not allowed on ${matched.route}, only GET` });

    const queryFault = parseQueryFault(matched.query);
    if (typeof queryFault === 'string') return badRequest(queryFault);
    const fault = queryFault ?? routeFaults.get(matched.route);
    if (fault?.kind === 'reset') return { ...base, kind: 'reset' };
    if (fault?.kind === 'timeout') return { ...base, kind: 'hang' };
    if (fault?.kind === 'status') return json(fault.status, { error: statusText(fault.status) });

    const plan = ((): RespondPlan => {
      const { params, query } = matched;
      switch (matched.route) {
        case '/ip':
          return json(200, { origin: ORIGIN_IP });
        case '/delay/:ms': {
          const ms = parseIntParam(params.ms ?? null, 0, MAX_DELAY_MS);
          if (ms === undefined) return badRequest(`ms must be an integer in 0..${MAX_DELAY_MS}, received ${params.ms}`);
          return json(200, { delay: ms, origin: ORIGIN_IP }, { extraDelayMs: ms });
        }
        case '/bytes/:n': {
          const n = parseIntParam(params.n ?? null, 0, MAX_BYTES);
          if (n === undefined) return badRequest(`n must be an integer in 0..${MAX_BYTES}, received ${params.n}`);
          const seedParam = query.get('seed');
          let bytesSeed = seed;
          if (seedParam !== null) {
            const parsed = parseIntParam(seedParam, 0, 0xffff_ffff);
            if (parsed === undefined) return badRequest(`seed must be an integer in 0..4294967295, received ${seedParam}`);
            bytesSeed = parsed;
          }
          return reply(200, seededBytes(n, bytesSeed, 'bytes', n), 'application/octet-stream');
        }
        case '/genre': {
          const nParam = query.get('n');
          let n: number;
          if (nParam === null) {
            n = genreCounter.next++;
          } else {
            const parsed = parseIntParam(nParam, 0, Number.MAX_SAFE_INTEGER);
            if (parsed === undefined) return badRequest(`n must be an integer >= 0, received ${nParam}`);
            n = parsed;
          }
          return json(200, { n, genre: genreAt(n, seed, genres) });
        }
        case '/sites/big':
          return reply(200, site('big'), 'text/html; charset=utf-8');
        case '/sites/small':
          return reply(200, site('small'), 'text/html; charset=utf-8');
        case '/album': {
          const nParam = query.get('n');
          const n = nParam === null ? albumSize : parseIntParam(nParam, 0, MAX_ALBUM_SIZE);
          if (n === undefined) return badRequest(`n must be an integer in 0..${MAX_ALBUM_SIZE}, received ${nParam}`);
          return json(200, { images: album(n, seed) });
        }
        case '/images/:id': {
          const id = params.id ?? '';
          if (!IMAGE_ID.test(id)) return json(404, { error: `no image ${id}` });
          return reply(200, imageBytes(id, seed, imageSize), 'image/jpeg');
        }
      }
    })();
    if (fault?.kind === 'slow' && plan.status < 400) {
      return { ...plan, bandwidth: fault.bandwidth ?? slowBandwidth };
    }
    return plan;
  };

  return {
    seed,
    patterns: ROUTE_PATTERNS,
    genres,
    latency,
    match,
    faultFor,
    latencyOverrideFor,
    respond,
    reset: () => {
      latency.reset();
      genreCounter.next = 0;
    },
    site,
    genre: (n) => genreAt(n, seed, genres),
    album: (count = albumSize) => album(count, seed),
    image: (id) => imageBytes(id, seed, imageSize),
    bytes: (n, bytesSeed = seed) => seededBytes(n, bytesSeed, 'bytes', n),
  };
}

/** True if `value` is a {@link RouteTable} (rather than options for one). */
export function isRouteTable(value: unknown): value is RouteTable {
  return typeof value === 'object' && value !== null && typeof (value as RouteTable).respond === 'function';
}
