import { siblingModule } from '../module-path.ts';

/**
 * Absolute path of the module every pool worker (piscina thread, tinypool child process)
 * loads: it exports `runChunk` and `ping`. A path string, not a URL object: piscina rejects URL
 * objects.
 */
export const workerEntryPath: string = siblingModule('./worker-entry', import.meta.url);

/** Absolute path of the script a one-shot `new Worker` runs (see `worker-per-item.ts`). */
export const threadEntryPath: string = siblingModule('./thread-entry', import.meta.url);
