import { fileURLToPath } from 'node:url';

/**
 * Absolute path of the module every pool worker (piscina thread, tinypool child process)
 * loads: it exports `runChunk` and `ping`. A path string, not a URL object: piscina rejects URL
 * objects.
 */
export const workerEntryPath: string = fileURLToPath(new URL('./worker-entry.ts', import.meta.url));

/** Absolute path of the script a one-shot `new Worker` runs (see `worker-per-item.ts`). */
export const threadEntryPath: string = fileURLToPath(new URL('./thread-entry.ts', import.meta.url));
