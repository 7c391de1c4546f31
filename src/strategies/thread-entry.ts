/**
 * Script of the one-shot `Worker` that {@link ./worker-per-item.ts} starts per input: runs the
 * chunk in `workerData`, posts the {@link ChunkResponse} and lets the thread end.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runChunk } from './worker-entry.ts';
import type { ChunkRequest } from './protocol.ts';

if (parentPort === null) {
  throw new Error('thread-entry.ts must be started as a worker thread (new Worker(path, { workerData })).');
}
parentPort.postMessage(await runChunk(workerData as ChunkRequest));
