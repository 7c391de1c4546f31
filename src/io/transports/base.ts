/**
 * What the three transports share: lifecycle state, URL resolution, `fetch`, requesters on the
 * shared dispatcher or on a new connection per request, and leak-free teardown of those clients.
 */
import { Client, fetch as undiciFetch, type Dispatcher, type RequestInit, type Response } from 'undici';
import { dispatcherRequester, type HttpResponse, type RequestOptions, type Requester } from '../client.ts';
import { createRouteTable, isRouteTable, type RouteTable, type RouteTableOptions } from '../routes.ts';
import { TimerRegistry } from './timers.ts';
import type { Transport, TransportKind, TransportOptions } from './types.ts';

/** Validates the `connections` option (a positive integer or undefined for unlimited). */
export function validateConnections(api: string, connections: number | undefined): number | undefined {
  if (connections === undefined || connections === Number.POSITIVE_INFINITY) return undefined;
  if (!Number.isInteger(connections) || connections < 1) {
    throw new RangeError(`${api}: connections must be a positive integer (or Infinity for unlimited), received ${String(connections)}`);
  }
  return connections;
}

/** Resolves the `table` option. */
export function resolveTable(table: RouteTable | RouteTableOptions | undefined): RouteTable {
  return isRouteTable(table) ? table : createRouteTable(table ?? {});
}

/** The shared part of every transport; subclasses start and stop the server and the dispatcher. */
export abstract class BaseTransport implements Transport {
  abstract readonly kind: TransportKind;
  readonly table: RouteTable;
  readonly connections: number | undefined;
  /** Server-side waits (latency, hangs), cancelled by `close()`. */
  protected readonly timers = new TimerRegistry();
  /** Per-request clients still open. */
  protected readonly clients = new Set<Dispatcher>();
  /** Graceful closes of per-request clients still under way. */
  readonly #clientCloses = new Set<Promise<void>>();
  #closing = new AbortController();
  #dispatcher: Dispatcher | undefined;
  #baseUrl: string | undefined;
  #requester: Requester | undefined;
  #state: 'idle' | 'starting' | 'started' | 'closing' = 'idle';

  constructor(api: string, options: TransportOptions) {
    this.table = resolveTable(options.table);
    this.connections = validateConnections(api, options.connections);
  }

  get started(): boolean {
    return this.#state === 'started';
  }

  get baseUrl(): string {
    if (this.#baseUrl === undefined) throw new Error(`The ${this.kind} transport is not started: call \`await transport.start()\` (e.g. in beforeAll) first.`);
    return this.#baseUrl;
  }

  get dispatcher(): Dispatcher {
    if (this.#dispatcher === undefined) throw new Error(`The ${this.kind} transport is not started: call \`await transport.start()\` (e.g. in beforeAll) first.`);
    return this.#dispatcher;
  }

  get requester(): Requester {
    this.#requester ??= (url, options) => dispatcherRequester(this.dispatcher)(url, this.#withClosing(options));
    return this.#requester;
  }

  /**
   * Ties a request to the transport's lifetime: `close()` aborts it. Destroying a Pool does that
   * by itself, but MockAgent's `close()` lets pending replies (and their delay timers) run on.
   */
  #withClosing(options: RequestOptions | undefined): RequestOptions {
    const closing = this.#closing.signal;
    return { ...options, signal: options?.signal ? AbortSignal.any([options.signal, closing]) : closing };
  }

  async start(): Promise<void> {
    if (this.#state !== 'idle') throw new Error(`The ${this.kind} transport is already ${this.#state}; close() it before starting it again.`);
    this.#state = 'starting';
    this.timers.reopen();
    this.#closing = new AbortController();
    try {
      const { baseUrl, dispatcher } = await this.startServer();
      this.#baseUrl = baseUrl;
      this.#dispatcher = dispatcher;
      this.#state = 'started';
    } catch (error) {
      this.#state = 'started';
      await this.close();
      throw error;
    }
  }

  async close(): Promise<void> {
    if (this.#state === 'idle' || this.#state === 'closing') return;
    this.#state = 'closing';
    this.#closing.abort(new Error(`The ${this.kind} transport was closed`));
    try {
      const dispatcher = this.#dispatcher;
      this.#dispatcher = undefined;
      await Promise.all([...this.clients].map((client) => client.destroy()));
      this.clients.clear();
      await Promise.all([...this.#clientCloses]);
      if (dispatcher) await this.destroyDispatcher(dispatcher);
      this.timers.close();
      await this.stopServer();
    } finally {
      this.#baseUrl = undefined;
      this.#state = 'idle';
    }
  }

  url(path: string): string {
    return new URL(path, this.baseUrl).href;
  }

  request(path: string, options?: RequestOptions): Promise<HttpResponse> {
    return this.requester(this.url(path), options);
  }

  fetch(input: string, init?: Omit<RequestInit, 'dispatcher'>): Promise<Response> {
    const closing = this.#closing.signal;
    const signal = init?.signal ? AbortSignal.any([init.signal, closing]) : closing;
    return undiciFetch(this.url(input), { ...init, signal, dispatcher: this.dispatcher });
  }

  newConnectionRequester(): Requester {
    return async (url, options) => {
      const client = this.createClient();
      this.clients.add(client);
      const release = (): void => {
        if (!this.clients.delete(client)) return;
        const closing = client.close().catch(() => undefined);
        this.#clientCloses.add(closing);
        void closing.finally(() => this.#clientCloses.delete(closing));
      };
      try {
        const response = await dispatcherRequester(client)(url, this.#withClosing(options));
        response.body.once('close', release);
        return response;
      } catch (error) {
        if (this.clients.delete(client)) await client.destroy();
        throw error;
      }
    };
  }

  /** Tears the shared dispatcher down, aborting requests in flight (default: `destroy()`). */
  protected async destroyDispatcher(dispatcher: Dispatcher): Promise<void> {
    await dispatcher.destroy();
  }

  /** A new single-connection client to this transport's server (for {@link newConnectionRequester}). */
  protected createClient(): Dispatcher {
    return new Client(this.baseUrl);
  }

  /** Starts the server or interception; returns the origin and the shared dispatcher. */
  protected abstract startServer(): Promise<{ baseUrl: string; dispatcher: Dispatcher }>;

  /** Stops the server or interception (the dispatcher and clients are already destroyed). */
  protected abstract stopServer(): Promise<void>;
}
