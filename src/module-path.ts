import { fileURLToPath } from 'node:url';

/**
 * Absolute path of a sibling module, for workers, child processes and Vitest options that
 * load modules by path. In this repository the sources run as `.ts` (Node strips types); the
 * published package runs the compiled `.js` in dist/, because Node refuses to strip types under
 * node_modules. The extension therefore follows the calling module's own.
 *
 * @param relative - the sibling's path without extension, e.g. `./worker-entry`.
 * @param base - the caller's `import.meta.url`.
 */
export function siblingModule(relative: string, base: string): string {
  const extension = new URL(base).pathname.endsWith('.ts') ? '.ts' : '.js';
  return fileURLToPath(new URL(`${relative}${extension}`, base));
}
