/** The three transports of the route table and a factory to pick one by name. */
import { LoopbackTransport } from './loopback.ts';
import { MockAgentTransport, type MockAgentTransportOptions } from './mock-agent.ts';
import { MswTransport, type MswTransportOptions } from './msw.ts';
import type { LoopbackTransportOptions, Transport, TransportKind } from './types.ts';

export { TRANSPORT_KINDS } from './types.ts';
export type { Transport, TransportKind, TransportOptions, LoopbackTransportOptions, TransportOptionsFor } from './types.ts';
export { BaseTransport } from './base.ts';
export { LoopbackTransport, loopbackTransport } from './loopback.ts';
export { MockAgentTransport, mockAgentTransport, MOCK_AGENT_ORIGIN } from './mock-agent.ts';
export type { MockAgentTransportOptions } from './mock-agent.ts';
export { MswTransport, mswTransport, MSW_ORIGIN } from './msw.ts';
export type { MswTransportOptions } from './msw.ts';
export { TimerRegistry, nextLoopTurns } from './timers.ts';

/** Options accepted by {@link createTransport} for any kind (options a kind does not use are ignored). */
export type AnyTransportOptions = LoopbackTransportOptions & MswTransportOptions & MockAgentTransportOptions;

/**
 * Creates a transport by kind, so a spec can run the same workload on each.
 *
 * @example
 * for (const kind of TRANSPORT_KINDS) {
 *   describe(kind, () => {
 *     const transport = createTransport(kind, { table: { latency: fixed(20) } });
 *     beforeAll(() => transport.start());
 *     afterAll(() => transport.close());
 *     // ...
 *   });
 * }
 */
export function createTransport(kind: 'loopback', options?: LoopbackTransportOptions): LoopbackTransport;
export function createTransport(kind: 'msw', options?: MswTransportOptions): MswTransport;
export function createTransport(kind: 'mock-agent', options?: MockAgentTransportOptions): MockAgentTransport;
export function createTransport(kind: TransportKind, options?: AnyTransportOptions): Transport;
export function createTransport(kind: TransportKind, options: AnyTransportOptions = {}): Transport {
  switch (kind) {
    case 'loopback':
      return new LoopbackTransport(options);
    case 'msw':
      return new MswTransport(options);
    case 'mock-agent':
      return new MockAgentTransport(options);
    default:
      throw new RangeError(`createTransport(kind): kind must be one of msw, mock-agent, loopback; received ${String(kind)}`);
  }
}
