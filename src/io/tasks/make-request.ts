/**
 * The simplest I/O task: GET /ip and return the reported origin (the Python material's
 * `make_request`, one request to httpbin).
 */
import { fileURLToPath } from 'node:url';
import type { TaskDefinition } from '../../strategies/types.ts';
import { getJson } from '../client.ts';
import { RequestError } from '../errors.ts';
import type { IoTaskOptions } from './options.ts';

/**
 * GETs `url` (an `/ip` URL) and returns its `origin` field.
 *
 * @example
 * await makeRequest(transport.url('/ip'), { requester: transport.requester }); // '127.0.0.1'
 */
export async function makeRequest(url: string, options: IoTaskOptions = {}): Promise<string> {
  const body = await getJson<{ origin?: unknown }>(url, options);
  if (typeof body?.origin !== 'string') {
    throw new RequestError({ method: 'GET', url, reason: 'network', detail: 'expected a JSON body with a string "origin"' });
  }
  return body.origin;
}

/**
 * {@link makeRequest} as a task (input: the URL). Off the main thread (worker strategies) it runs
 * the same export with a new connection per request and without `options`.
 */
export function makeRequestTask(options: IoTaskOptions = {}): TaskDefinition<string, string> {
  return {
    name: 'makeRequest',
    run: (url) => makeRequest(url, options),
    module: fileURLToPath(import.meta.url),
    exportName: 'makeRequest',
  };
}
