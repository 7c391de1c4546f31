/**
 * The Transport interface: one route table served three ways (MSW at socket level, undici
 * MockAgent, a real node:http server on 127.0.0.1), all driven through undici 8 dispatchers so a
 * spec can run the same workload on each.
 */
import type { Dispatcher, RequestInit, Response } from 'undici';
import type { HttpResponse, RequestOptions, Requester } from '../client.ts';
import type { RouteTable, RouteTableOptions } from '../routes.ts';

/** The three transports. */
export type TransportKind = 'msw' | 'mock-agent' | 'loopback';

/** Every transport kind, for `for (const kind of TRANSPORT_KINDS)` / `describe.each`. */
export const TRANSPORT_KINDS: readonly TransportKind[] = Object.freeze(['msw', 'mock-agent', 'loopback']);

/** Options every transport accepts. */
export interface TransportOptions {
  /** The route table to serve, or options to create one (default: `createRouteTable()`). */
  readonly table?: RouteTable | RouteTableOptions;
  /**
   * Connection-pool size of the shared dispatcher (undici `Pool({ connections })`): at most this
   * many requests in flight. Default: unlimited. MockAgent has no connections and ignores it.
   */
  readonly connections?: number;
}

/** Options of the loopback transport. */
export interface LoopbackTransportOptions extends TransportOptions {
  /**
   * Extra wait (ms) the server adds to the first request on every new connection, standing in
   * for the TCP + TLS handshake of a remote server (a loopback connect is nearly free, so
   * without it "a new connection per request" costs almost nothing). Default 0.
   */
  readonly connectionSetupMs?: number;
  /** How long idle keep-alive sockets live, on the server and in the client pool (ms, default 60000). */
  readonly keepAliveTimeoutMs?: number;
}

/** Options of {@link createTransport}, by kind. */
export type TransportOptionsFor<K extends TransportKind> = K extends 'loopback' ? LoopbackTransportOptions : TransportOptions;

/**
 * A started-and-closed mock (or real loopback) HTTP server with clients bound to it.
 *
 * @example
 * const transport = createTransport('loopback', { table: { latency: fixed(20) }, connections: 10 });
 * beforeAll(() => transport.start());
 * afterAll(() => transport.close());
 * it('answers', async () => {
 *   const response = await transport.fetch('/ip');
 *   expect(await response.json()).toEqual({ origin: '127.0.0.1' });
 * });
 */
export interface Transport {
  readonly kind: TransportKind;
  readonly table: RouteTable;
  /** Pool size of the shared dispatcher (`undefined`: unlimited). */
  readonly connections: number | undefined;
  /** True between `start()` and `close()`. */
  readonly started: boolean;
  /** Origin of the server, e.g. `http://127.0.0.1:40123` (throws before `start()`). */
  readonly baseUrl: string;
  /** The shared undici dispatcher (the "session"); throws before `start()`. */
  readonly dispatcher: Dispatcher;
  /** A requester on the shared dispatcher (connections are reused). */
  readonly requester: Requester;
  /** Starts the server / interception. Fits `beforeAll`. */
  start(): Promise<void>;
  /**
   * Stops everything it started: aborts requests in flight, destroys pools and clients, stops
   * the server / interception, clears timers. Idempotent. Fits `afterAll`.
   */
  close(): Promise<void>;
  /** The absolute URL of `path` on this transport. */
  url(path: string): string;
  /** One GET on the shared dispatcher (the caller consumes the body). */
  request(path: string, options?: RequestOptions): Promise<HttpResponse>;
  /** undici's `fetch` bound to the shared dispatcher; relative URLs resolve against `baseUrl`. */
  fetch(input: string, init?: Omit<RequestInit, 'dispatcher'>): Promise<Response>;
  /**
   * A requester that opens a new connection (a new undici `Client`) for every request and
   * closes it once the body is done: the "no session" side of the session-reuse lesson.
   * MockAgent has no connections: there it behaves like {@link requester}.
   */
  newConnectionRequester(): Requester;
}
