/**
 * undici's MockAgent serving the route table: no sockets at all, the most precise latency source
 * (its `.delay(ms)` is a plain timer). `disableNetConnect()` makes unmatched requests throw.
 *
 * How the table maps onto interceptors (first match wins):
 * 1. requests whose fault is `reset` → `.replyWithError(SocketError('other side closed'))`.
 *    MockAgent answers errors at once: a reset comes without the route's latency.
 * 2. requests with `?latency=` → no native delay (the override is waited in the reply).
 * 3. one interceptor per route, `.persist()`, with the native `.delay(ms)` when the route's
 *    latency is `fixed` (a positive integer): other profiles, `/delay/:ms`, hangs and body
 *    transfer time are waited in the reply's data callback on cancellable timers.
 * 4. a catch-all that answers the table's 404 / 405.
 * Bandwidth limits only delay the body as a whole (MockAgent delivers it in one chunk).
 */
import { errors, MockAgent, type Dispatcher } from 'undici';
import { transferTimeMs } from '../latency/bandwidth.ts';
import type { RoutePattern } from '../routes.ts';
import { BaseTransport } from './base.ts';
import { nextLoopTurns } from './timers.ts';
import type { TransportOptions } from './types.ts';

/** Origin the MockAgent transport serves (a reserved `.test` name). */
export const MOCK_AGENT_ORIGIN = 'http://mock-agent.vitest-speedup.test';

/** Options of {@link mockAgentTransport}. */
export interface MockAgentTransportOptions extends TransportOptions {
  /** Origin to serve (default {@link MOCK_AGENT_ORIGIN}). */
  readonly origin?: string;
}

type ReplyCallback = (options: { method: string; path: string }) => {
  statusCode: number;
  data: Buffer | (() => Promise<Buffer>);
  responseOptions: { headers: Record<string, string> };
};

/** The MockAgent transport; create it with {@link mockAgentTransport}. */
export class MockAgentTransport extends BaseTransport {
  readonly kind = 'mock-agent' as const;
  readonly origin: string;
  #closed = new AbortController();

  constructor(options: MockAgentTransportOptions = {}) {
    super('mockAgentTransport(options)', options);
    this.origin = new URL(options.origin ?? MOCK_AGENT_ORIGIN).origin;
  }

  /** The native `.delay(ms)` a route's interceptor gets: its fixed latency, if a positive integer. */
  nativeDelayMs(route: RoutePattern): number {
    const fixedMs = this.table.latency.profileFor(route).fixedMs;
    return fixedMs !== undefined && Number.isInteger(fixedMs) && fixedMs > 0 ? fixedMs : 0;
  }

  protected async startServer(): Promise<{ baseUrl: string; dispatcher: Dispatcher }> {
    this.#closed = new AbortController();
    const agent = new MockAgent();
    agent.disableNetConnect();
    const pool = agent.get(this.origin);
    const table = this.table;
    const anyMethod = (): boolean => true;
    pool
      .intercept({ path: (path) => table.faultFor(path)?.kind === 'reset', method: anyMethod })
      .replyWithError(new errors.SocketError('other side closed'))
      .persist();
    pool
      .intercept({ path: (path) => table.latencyOverrideFor(path) !== undefined, method: anyMethod })
      .reply(this.#reply(0))
      .persist();
    for (const route of table.patterns) {
      const nativeDelay = this.nativeDelayMs(route);
      const scope = pool
        .intercept({ path: (path) => table.match(path)?.route === route, method: anyMethod })
        .reply(this.#reply(nativeDelay));
      if (nativeDelay > 0) scope.delay(nativeDelay);
      scope.persist();
    }
    pool.intercept({ path: () => true, method: anyMethod }).reply(this.#reply(0)).persist();
    return { baseUrl: this.origin, dispatcher: agent };
  }

  /** MockAgent has no connections: "a new connection per request" is the shared agent. */
  override newConnectionRequester(): ReturnType<BaseTransport['newConnectionRequester']> {
    return this.requester;
  }

  /** MockAgent does not implement `destroy()`; `close()` it once pending replies are released. */
  protected override async destroyDispatcher(dispatcher: Dispatcher): Promise<void> {
    this.#closed.abort();
    await dispatcher.close();
  }

  protected async stopServer(): Promise<void> {
    this.#closed.abort();
    await nextLoopTurns();
  }

  #reply(nativeDelayMs: number): ReplyCallback {
    return (options) => {
      const plan = this.table.respond({ method: options.method, path: options.path });
      if (plan.kind === 'hang') {
        return {
          statusCode: 504,
          // Resolves only when the transport closes; an aborted request ignores it.
          data: () => this.timers.hang(this.#closed.signal).then(() => Buffer.alloc(0)),
          responseOptions: { headers: {} },
        };
      }
      if (plan.kind === 'reset') {
        // Unreachable: interceptor 1 answers resets. Kept total for the type checker.
        return { statusCode: 502, data: Buffer.alloc(0), responseOptions: { headers: {} } };
      }
      const body = Buffer.from(plan.body);
      const waitMs =
        Math.max(0, plan.latencyMs - nativeDelayMs) +
        plan.extraDelayMs +
        (plan.bandwidth ? transferTimeMs(body.byteLength, plan.bandwidth) : 0);
      return {
        statusCode: plan.status,
        data: waitMs > 0 ? () => this.timers.sleep(waitMs, this.#closed.signal).then(() => body) : body,
        responseOptions: { headers: { ...plan.headers } },
      };
    };
  }
}

/**
 * undici MockAgent serving the route table at {@link MOCK_AGENT_ORIGIN}, net connect disabled.
 * The shared dispatcher is the MockAgent itself (`connections` does not apply).
 *
 * @example
 * const transport = mockAgentTransport({ table: { latency: fixed(150) } });
 * beforeAll(() => transport.start());
 * afterAll(() => transport.close());
 */
export function mockAgentTransport(options: MockAgentTransportOptions = {}): MockAgentTransport {
  return new MockAgentTransport(options);
}
