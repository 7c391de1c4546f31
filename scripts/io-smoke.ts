/**
 * Smoke check of the I/O transports (not a test): N requests at L ms sequentially and fully
 * concurrently on each transport, next to the latency model with the measured per-request
 * overhead. Usage: `npx node scripts/io-smoke.ts [requests=100] [latencyMs=150] [kinds=mock-agent,loopback,msw]`
 */
import { getBytes } from '../src/io/client.ts';
import { fixed } from '../src/io/latency/profiles.ts';
import { expectedDurationMs } from '../src/io/model.ts';
import { measurePerRequestOverhead } from '../src/io/overhead.ts';
import { createTransport, type TransportKind } from '../src/io/transports/index.ts';

const requests = Number(process.argv[2] ?? 100);
const latencyMs = Number(process.argv[3] ?? 150);
const kinds = (process.argv[4] ?? 'mock-agent,loopback,msw').split(',') as TransportKind[];

for (const kind of kinds) {
  const transport = createTransport(kind, { table: { latency: fixed(latencyMs) } });
  await transport.start();
  try {
    const overhead = await measurePerRequestOverhead(transport, { requests: 100 });
    const url = transport.url('/ip');
    const options = { requester: transport.requester };
    await Promise.all(Array.from({ length: requests }, () => getBytes(url, options))); // open the connections
    let start = performance.now();
    for (let i = 0; i < requests; i++) await getBytes(url, options);
    const sequentialMs = performance.now() - start;
    start = performance.now();
    await Promise.all(Array.from({ length: requests }, () => getBytes(url, options)));
    const concurrentMs = performance.now() - start;
    const o = overhead.perRequestOverheadMs;
    const modelSeq = expectedDurationMs({ requests, concurrency: 1, latency: latencyMs, perRequestOverheadMs: overhead.sequentialPerRequestMs });
    const modelConc = expectedDurationMs({ requests, concurrency: Infinity, latency: latencyMs, perRequestOverheadMs: o });
    console.log(
      `${kind.padEnd(10)} o=${o.toFixed(3)} ms (seq/request ${overhead.sequentialPerRequestMs.toFixed(3)} ms)  ` +
        `sequential ${sequentialMs.toFixed(0)} ms (model ${modelSeq.toFixed(0)})  ` +
        `concurrent ${concurrentMs.toFixed(0)} ms (model ${modelConc.toFixed(0)})  ` +
        `speedup ${(sequentialMs / concurrentMs).toFixed(1)}x (model ${(modelSeq / modelConc).toFixed(1)}x)`,
    );
  } finally {
    await transport.close();
  }
}
