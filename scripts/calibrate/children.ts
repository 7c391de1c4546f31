import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Child processes of the study (CPU hogs, the Vitest cross-check). Every one is registered so
 * that it is killed on normal exit, on an uncaught error, and on SIGINT/SIGTERM.
 */
const live = new Set<ChildProcess>();
let hooked = false;

function killAllNow(): void {
  for (const child of live) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

function hook(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', killAllNow);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      process.stderr.write(`\n[calibrate] ${signal}: stopping ${live.size} child process(es)\n`);
      killAllNow();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
  process.on('uncaughtException', (error) => {
    killAllNow();
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}

/**
 * Lets the event loop turn. Measurements run as chains of microtasks that never yield to it, so
 * signal handlers (SIGINT, SIGTERM) would otherwise wait until the next timer: call this between
 * jobs so that an interrupt stops the hogs within one job (at most a few seconds).
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export function track(child: ChildProcess): ChildProcess {
  hook();
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

/** Kills a child and waits until it is gone. */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    live.delete(child);
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await exited;
  live.delete(child);
}

export function liveChildren(): number {
  return live.size;
}

const HOG_SCRIPT = fileURLToPath(new URL('./hog-child.ts', import.meta.url));

export type HogMode = { readonly kind: 'busy' } | { readonly kind: 'periodic'; readonly periodMs: number };

export interface Hogs {
  readonly pids: readonly number[];
  stop(): Promise<void>;
}

/** Starts `count` hog processes and waits until they are running (their Node has started). */
export async function startHogs(count: number, mode: HogMode): Promise<Hogs> {
  const args = mode.kind === 'busy' ? ['busy'] : ['periodic', String(mode.periodMs)];
  const children = Array.from({ length: count }, () =>
    track(spawn(process.execPath, [HOG_SCRIPT, ...args], { stdio: 'ignore' })),
  );
  await Promise.all(
    children.map((child) => new Promise<void>((resolve, reject) => {
      child.once('spawn', () => resolve());
      child.once('error', reject);
    })),
  );
  // Node's start-up takes tens of ms; let the loops begin before anything is measured.
  await new Promise((resolve) => setTimeout(resolve, 300));
  for (const child of children) {
    if (child.exitCode !== null) throw new Error(`CPU hog ${child.pid} exited early with code ${child.exitCode}`);
  }
  return {
    pids: children.map((c) => c.pid as number),
    stop: async () => {
      await Promise.all(children.map(stop));
    },
  };
}
