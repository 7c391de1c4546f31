/**
 * MSW 3 at socket level: `defineNetwork` from `msw/experimental` with an `InterceptorSource`
 * holding `HttpRequestInterceptor` from `@mswjs/interceptors/http`. Interception happens at
 * `net.Socket.prototype.connect`, so global fetch, node:http AND undici's own
 * request/fetch/Pool/Client are all mocked (msw/node's `setupServer` misses undici 8).
 * `onUnhandledFrame: 'error'` makes any request to another origin fail instead of reaching the
 * network.
 *
 * Two things this transport works around, both found while building it:
 * - Every mocked socket keeps its never-connected TCP handle after it is destroyed
 *   (`process.getActiveResourcesInfo()` keeps listing a `TCPSocketWrap` per connection, even
 *   after `network.disable()` and a GC). The pool therefore connects through a tracking
 *   connector, and `close()` closes the handles of destroyed tracked sockets.
 * - MSW's `delay()` cannot be cancelled, so `close()` waits for the delays of requests still in
 *   flight (at most the longest pending latency) instead of leaving a Timeout behind.
 */
import type { Socket } from 'node:net';
import { delay, http, HttpResponse } from 'msw';
import { defineNetwork, InterceptorSource } from 'msw/experimental';
import { HttpRequestInterceptor } from '@mswjs/interceptors/http';
import { buildConnector, Client, Pool, type Dispatcher } from 'undici';
import { throttledStream } from '../latency/bandwidth.ts';
import type { RoutePlan } from '../routes.ts';
import { BaseTransport } from './base.ts';
import { nextLoopTurns } from './timers.ts';
import type { TransportOptions } from './types.ts';

/** Origin the MSW transport serves (a reserved `.test` name: it can never resolve to a real host). */
export const MSW_ORIGIN = 'http://msw.vitest-speedup.test';

let activeNetwork: MswTransport | undefined;

/** Options of {@link mswTransport}. */
export interface MswTransportOptions extends TransportOptions {
  /** Origin to serve (default {@link MSW_ORIGIN}). */
  readonly origin?: string;
}

/** A connector that records every socket it opens. */
function trackingConnector(sockets: Set<Socket>): buildConnector.connector {
  const connect = buildConnector({});
  return (options, callback) => {
    connect(options, (...args) => {
      const socket = args[1];
      if (socket) sockets.add(socket);
      callback(...args);
    });
  };
}

/** The MSW transport; create it with {@link mswTransport}. */
export class MswTransport extends BaseTransport {
  readonly kind = 'msw' as const;
  readonly origin: string;
  #network: { disable(): unknown } | undefined;
  readonly #sockets = new Set<Socket>();
  readonly #handlers = new Set<Promise<unknown>>();
  #connector: buildConnector.connector | undefined;
  #closed = new AbortController();

  constructor(options: MswTransportOptions = {}) {
    super('mswTransport(options)', options);
    const origin = new URL(options.origin ?? MSW_ORIGIN);
    if (origin.protocol !== 'http:') throw new RangeError(`mswTransport(options): origin must be an http: URL, received ${origin.href}`);
    this.origin = origin.origin;
  }

  protected async startServer(): Promise<{ baseUrl: string; dispatcher: Dispatcher }> {
    if (activeNetwork !== undefined) {
      throw new Error('Another MSW transport is already started in this thread: close it first (socket-level interception is process-wide per thread).');
    }
    activeNetwork = this;
    this.#closed = new AbortController();
    const network = defineNetwork({
      sources: [new InterceptorSource({ interceptors: [new HttpRequestInterceptor()] })],
      handlers: [
        http.all(`${this.origin}/*`, ({ request }) => {
          const handled = this.#respond(request);
          this.#handlers.add(handled);
          void handled.finally(() => this.#handlers.delete(handled));
          return handled;
        }),
      ],
      onUnhandledFrame: 'error',
      context: { quiet: true },
    });
    this.#network = network;
    await network.enable();
    this.#connector = trackingConnector(this.#sockets);
    const dispatcher = new Pool(this.origin, { connections: this.connections ?? null, connect: this.#connector });
    return { baseUrl: this.origin, dispatcher };
  }

  protected override createClient(): Dispatcher {
    return new Client(this.baseUrl, { ...(this.#connector ? { connect: this.#connector } : {}) });
  }

  protected async stopServer(): Promise<void> {
    this.#closed.abort();
    await Promise.allSettled([...this.#handlers]);
    const network = this.#network;
    this.#network = undefined;
    if (network) await network.disable();
    if (activeNetwork === this) activeNetwork = undefined;
    // Work around the handle leak described above: a destroyed socket must not keep a handle.
    for (const socket of this.#sockets) {
      const handle = (socket as unknown as { _handle?: { close?: () => void } | null })._handle;
      if (socket.destroyed && handle && typeof handle.close === 'function') handle.close();
    }
    this.#sockets.clear();
    await nextLoopTurns();
  }

  async #respond(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const plan: RoutePlan = this.table.respond({ method: request.method, path: url.pathname + url.search });
    if (plan.kind === 'hang') {
      await this.timers.hang(this.#closed.signal);
      return HttpResponse.error();
    }
    const waitMs = plan.latencyMs + (plan.kind === 'respond' ? plan.extraDelayMs : 0);
    if (waitMs > 0) await delay(waitMs);
    if (plan.kind === 'reset') return HttpResponse.error();
    const body = plan.bandwidth ? throttledStream(plan.body, plan.bandwidth, this.#closed.signal) : plan.body;
    return new HttpResponse(body as ConstructorParameters<typeof HttpResponse>[0], { status: plan.status, statusText: plan.statusText, headers: { ...plan.headers } });
  }
}

/**
 * MSW 3 socket-level interception serving the route table at {@link MSW_ORIGIN}, with an undici
 * Pool of `connections` (mocked) sockets. Only one MSW transport can be started per thread.
 *
 * @example
 * const transport = mswTransport({ table: { latency: fixed(20) } });
 * beforeAll(() => transport.start());
 * afterAll(() => transport.close());
 */
export function mswTransport(options: MswTransportOptions = {}): MswTransport {
  return new MswTransport(options);
}
