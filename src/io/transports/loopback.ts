/**
 * A real node:http server on 127.0.0.1 (random port, keep-alive) serving the route table, driven
 * by an undici Pool over real sockets. The only transport whose server is reachable from other
 * threads and processes, so worker strategies need it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Pool, type Dispatcher } from 'undici';
import { throttledChunks } from '../latency/bandwidth.ts';
import { BaseTransport } from './base.ts';
import { nextLoopTurns } from './timers.ts';
import type { LoopbackTransportOptions } from './types.ts';

/** The loopback transport; create it with {@link loopbackTransport}. */
export class LoopbackTransport extends BaseTransport {
  readonly kind = 'loopback' as const;
  /** Extra wait on the first request of each new connection (ms). */
  readonly connectionSetupMs: number;
  readonly #keepAliveTimeoutMs: number;
  #server: Server | undefined;
  readonly #inFlight = new Set<AbortController>();
  #seenSockets = new WeakSet<Socket>();
  #connectionsAccepted = 0;

  constructor(options: LoopbackTransportOptions = {}) {
    super('loopbackTransport(options)', options);
    const { connectionSetupMs = 0, keepAliveTimeoutMs = 60_000 } = options;
    if (!Number.isFinite(connectionSetupMs) || connectionSetupMs < 0) {
      throw new RangeError(`loopbackTransport(options): connectionSetupMs must be a finite number >= 0, received ${String(connectionSetupMs)}`);
    }
    if (!Number.isInteger(keepAliveTimeoutMs) || keepAliveTimeoutMs < 1) {
      throw new RangeError(`loopbackTransport(options): keepAliveTimeoutMs must be a positive integer, received ${String(keepAliveTimeoutMs)}`);
    }
    this.connectionSetupMs = connectionSetupMs;
    this.#keepAliveTimeoutMs = keepAliveTimeoutMs;
  }

  /** TCP connections the server accepted since `start()` (shows whether connections are reused). */
  get connectionsAccepted(): number {
    return this.#connectionsAccepted;
  }

  protected async startServer(): Promise<{ baseUrl: string; dispatcher: Dispatcher }> {
    const server = createServer({ keepAlive: true, keepAliveTimeout: this.#keepAliveTimeoutMs }, (request, response) => {
      void this.#handle(request, response);
    });
    server.on('connection', () => {
      this.#connectionsAccepted++;
    });
    this.#server = server;
    this.#connectionsAccepted = 0;
    this.#seenSockets = new WeakSet();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    const { port } = server.address() as AddressInfo;
    const baseUrl = `http://127.0.0.1:${port}`;
    // The client keeps idle sockets as long as the server does: with Node's and undici's
    // defaults (5 s / 4 s) the sockets opened by an all-at-once run were closed during the next
    // 15 s sequential run, so every concurrent round paid for 100 new connections.
    const dispatcher = new Pool(baseUrl, {
      connections: this.connections ?? null,
      keepAliveTimeout: this.#keepAliveTimeoutMs,
      keepAliveMaxTimeout: this.#keepAliveTimeoutMs,
    });
    return { baseUrl, dispatcher };
  }

  protected async stopServer(): Promise<void> {
    for (const controller of this.#inFlight) controller.abort();
    this.#inFlight.clear();
    const server = this.#server;
    this.#server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await nextLoopTurns();
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const plan = this.table.respond({ method: request.method ?? 'GET', path: request.url ?? '/' });
    const controller = new AbortController();
    this.#inFlight.add(controller);
    // The response closes when it is done or when the client goes away: stop waiting either way.
    response.once('close', () => {
      controller.abort();
      this.#inFlight.delete(controller);
    });
    const socket = request.socket;
    let setupMs = 0;
    if (this.connectionSetupMs > 0 && !this.#seenSockets.has(socket)) {
      this.#seenSockets.add(socket);
      setupMs = this.connectionSetupMs;
    }
    if (plan.kind === 'hang') {
      // Never answer; the client's deadline or close() ends the exchange.
      await this.timers.hang(controller.signal);
      return;
    }
    const waitMs = setupMs + plan.latencyMs + (plan.kind === 'respond' ? plan.extraDelayMs : 0);
    if (!(await this.timers.sleep(waitMs, controller.signal))) return;
    if (plan.kind === 'reset') {
      socket.resetAndDestroy();
      return;
    }
    response.writeHead(plan.status, plan.statusText, { ...plan.headers });
    if (!plan.bandwidth) {
      response.end(plan.body);
      return;
    }
    try {
      for await (const chunk of throttledChunks(plan.body, plan.bandwidth, controller.signal)) {
        if (!response.write(chunk)) {
          await new Promise<void>((resolve) => {
            const done = (): void => {
              response.off('drain', done);
              response.off('close', done);
              resolve();
            };
            response.once('drain', done);
            response.once('close', done);
          });
        }
      }
      response.end();
    } catch {
      // Aborted: the client went away or the transport closed; the socket is already gone.
    }
  }
}

/**
 * A real HTTP server on 127.0.0.1 with a random port and keep-alive, plus an undici Pool of
 * `connections` sockets to it.
 *
 * @example
 * const transport = loopbackTransport({ table: { latency: fixed(20) }, connections: 4 });
 * beforeAll(() => transport.start());
 * afterAll(() => transport.close());
 */
export function loopbackTransport(options: LoopbackTransportOptions = {}): LoopbackTransport {
  return new LoopbackTransport(options);
}
