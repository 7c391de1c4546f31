/** Options shared by the I/O tasks. */
import type { Requester } from '../client.ts';

/**
 * How an I/O task talks to the server. Without a `requester` a task opens a new node:http
 * connection per request (what a worker thread does: it cannot share the main thread's pool).
 */
export interface IoTaskOptions {
  /** How requests are sent, e.g. `transport.requester` (shared pool) or `transport.newConnectionRequester()`. */
  readonly requester?: Requester;
  /** Deadline per request, headers and body (ms). */
  readonly timeoutMs?: number;
  /** Cancels the request. */
  readonly signal?: AbortSignal;
}
