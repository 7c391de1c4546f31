/**
 * The /ip request suites, defined once and run per transport (one bench file per transport: MSW
 * intercepts sockets thread-wide, so it cannot share a file with the loopback server).
 *
 * 1. Full size, the performance targets: 100 GETs at 150 ms, sequential vs concurrent. The
 *    latency model `ceil(N/c) × L + N × o` predicts 15 s against 150 ms + 100 × o: ~100x for
 *    MockAgent and loopback (o ≈ 0.01-0.1 ms), ~60x for MSW (o ≈ 1 ms).
 * 2. The strategy matrix at 1/15 of the latency: 100 GETs at 10 ms, sequential, bounded(5),
 *    bounded(20), concurrent (the Python material's loop, ThreadPoolExecutor(5 / 20) and
 *    asyncio.gather). Waves: 100, 20, 5 and 1 × 10 ms; at this latency the per-request overhead
 *    is a visible share of the concurrent runs, most of all on MSW.
 */
import { test } from 'vitest';
import { makeRequestTask } from '../../src/io/tasks/index.ts';
import { fixed } from '../../src/io/latency/profiles.ts';
import type { TransportKind, Transport } from '../../src/io/transports/index.ts';
import { bounded, concurrent, sequential } from '../../src/strategies/main-thread.ts';
import { expectResults, FULL_LATENCY_MS, FULL_SIZE, FULL_SIZE_TIMEOUT_MS, ipUrls, MATRIX_LATENCY_MS, REQUESTS, scaled, timedRun, useTransport } from './shared.ts';

const origins = expectResults<string>('makeRequest', REQUESTS, (origin) => origin === '127.0.0.1');

/** Starts a `kind` transport serving /ip at 150 ms (file-level hooks) and defines both request suites on it. */
export function requestSuites(kind: TransportKind): Transport {
  const transport = useTransport(kind, { table: { latency: fixed(FULL_LATENCY_MS) } });
  const task = makeRequestTask({ requester: transport.requester });

  test(
    `${kind}: ${REQUESTS} GETs of /ip at ${FULL_LATENCY_MS} ms (full size), sequential vs concurrent`,
    { timeout: FULL_SIZE_TIMEOUT_MS },
    async ({ bench }) => {
      const urls = (): string[] => ipUrls(transport, REQUESTS);
      await bench.compare(
        bench('sequential', timedRun(sequential(), task, urls, origins)),
        bench('concurrent', timedRun(concurrent(), task, urls, origins)),
        FULL_SIZE,
      );
    },
  );

  test(`${kind}: ${REQUESTS} GETs of /ip at ${MATRIX_LATENCY_MS} ms (latency 1/15), sequential, bounded(5), bounded(20), concurrent`, async ({ bench }) => {
    const urls = (): string[] => ipUrls(transport, REQUESTS, MATRIX_LATENCY_MS);
    await bench.compare(
      bench('sequential', timedRun(sequential(), task, urls, origins)),
      bench('bounded(5)', timedRun(bounded(5), task, urls, origins)),
      bench('bounded(20)', timedRun(bounded(20), task, urls, origins)),
      bench('concurrent', timedRun(concurrent(), task, urls, origins)),
      scaled(15_000),
    );
  });

  return transport;
}
